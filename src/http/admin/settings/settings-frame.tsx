/** The Configuration panel's frame: section tabs, the error summary, and form controls that keep values and show errors. */
import type { ComponentChildren } from 'preact';
import type { MessageKey } from '../../i18n/messages.js';
import { AdminLayout, type AdminFrame } from '../../views/admin-layout.js';
import { CsrfField, ErrorSummary, type Flash } from '../../views/components.js';
import type { PageContext } from '../../views/page-context.js';
import { fieldId } from './form-fields.js';

export const SETTINGS_TABS = [
  { key: 'shop', path: '/admin/konfigurace', label: 'settings.tab.shop' },
  { key: 'documents', path: '/admin/konfigurace/dokumenty', label: 'settings.tab.documents' },
  { key: 'emails', path: '/admin/konfigurace/emaily', label: 'settings.tab.emails' },
  { key: 'templates', path: '/admin/konfigurace/sablony', label: 'settings.tab.templates' },
  { key: 'checkout', path: '/admin/konfigurace/objednavky', label: 'settings.tab.checkout' },
  { key: 'invoices', path: '/admin/konfigurace/doklady', label: 'settings.tab.invoices' },
  { key: 'carriers', path: '/admin/konfigurace/dopravci', label: 'settings.tab.carriers' },
  { key: 'payments', path: '/admin/konfigurace/platby', label: 'settings.tab.payments' },
  { key: 'marketing', path: '/admin/konfigurace/marketing', label: 'settings.tab.marketing' },
  { key: 'audit', path: '/admin/konfigurace/historie', label: 'settings.tab.audit' },
] as const satisfies readonly { key: string; path: string; label: MessageKey }[];

export type SettingsTab = (typeof SETTINGS_TABS)[number]['key'];

/** What every form control needs: the values to show and the errors, both by dotted field path. */
export type FormState = { values: Record<string, string>; errors: Record<string, string> };

export function SettingsFrame(props: { ctx: PageContext; admin: AdminFrame; tab: SettingsTab; flash?: Flash | null; errors?: Record<string, string>; children: ComponentChildren }) {
  const { t } = props.ctx;
  const errors = Object.entries(props.errors ?? {}).map(([field, text]) => ({ field: fieldId(field), text }));
  return (
    <AdminLayout ctx={props.ctx} title={t('nav.settings')} admin={props.admin} current="settings" flash={props.flash}>
      <nav class="tabs" aria-label={t('settings.sections')}>
        {SETTINGS_TABS.map((tab) => (
          <a key={tab.key} href={tab.path} aria-current={tab.key === props.tab ? 'page' : undefined}>
            {t(tab.label)}
          </a>
        ))}
      </nav>
      <ErrorSummary title={t('error.summary')} errors={errors} />
      {props.children}
    </AdminLayout>
  );
}

export function SettingsForm(props: { action: string; csrfToken: string; submit: string; multipart?: boolean; children: ComponentChildren }) {
  return (
    <form method="post" action={props.action} class="settings-form stack" enctype={props.multipart ? 'multipart/form-data' : undefined} noValidate>
      <CsrfField token={props.csrfToken} />
      {props.children}
      <div class="form-actions">
        <button type="submit" class="button-primary">
          {props.submit}
        </button>
      </div>
    </form>
  );
}

type InputProps = { name: string; label: string; hint?: string; form: FormState; type?: string; inputMode?: string; autoComplete?: string; class?: string; maxLength?: number };

export function TextInput(props: InputProps) {
  const id = fieldId(props.name);
  const error = props.form.errors[props.name];
  return (
    <div class={`field ${error ? 'field-error' : ''} ${props.class ?? ''}`}>
      <label for={id}>{props.label}</label>
      {props.hint && (
        <p class="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      )}
      {error && (
        <p class="error-message" id={`${id}-error`}>
          {error}
        </p>
      )}
      <input
        id={id}
        name={props.name}
        type={(props.type ?? 'text') as 'text'}
        value={props.form.values[props.name] ?? ''}
        inputMode={props.inputMode as 'text'}
        autoComplete={props.autoComplete ?? 'off'}
        maxLength={props.maxLength}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={[props.hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined}
      />
    </div>
  );
}

export function TextArea(props: InputProps & { rows?: number }) {
  const id = fieldId(props.name);
  const error = props.form.errors[props.name];
  return (
    <div class={`field ${error ? 'field-error' : ''}`}>
      <label for={id}>{props.label}</label>
      {props.hint && <p class="hint">{props.hint}</p>}
      {error && (
        <p class="error-message" id={`${id}-error`}>
          {error}
        </p>
      )}
      <textarea id={id} name={props.name} rows={props.rows ?? 4} maxLength={props.maxLength} aria-invalid={error ? 'true' : undefined}>
        {props.form.values[props.name] ?? ''}
      </textarea>
    </div>
  );
}

/** `checkedWhenNew`: ticked in a row the owner is only now adding (no value yet). */
export function Checkbox(props: { name: string; label: string; form: FormState; checkedWhenNew?: boolean }) {
  const id = fieldId(props.name);
  const value = props.form.values[props.name];
  return (
    <div class="checkbox">
      <input type="checkbox" id={id} name={props.name} value="1" checked={value === 'true' || (value === undefined && !!props.checkedWhenNew)} />
      <label for={id}>{props.label}</label>
    </div>
  );
}

export function Select(props: { name: string; label: string; form: FormState; options: { value: string; label: string }[] }) {
  const id = fieldId(props.name);
  const error = props.form.errors[props.name];
  const current = props.form.values[props.name] ?? '';
  return (
    <div class={`field ${error ? 'field-error' : ''}`}>
      <label for={id}>{props.label}</label>
      {error && <p class="error-message">{error}</p>}
      <select id={id} name={props.name}>
        {props.options.map((o) => (
          <option key={o.value} value={o.value} selected={o.value === current}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
