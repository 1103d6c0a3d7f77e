/** The explicit confirmation step of a customer-visible or destructive order action: says what will happen, then posts again with `confirmed`. */
import type { ComponentChildren } from 'preact';
import { AdminLayout, type AdminFrame } from '../../views/admin-layout.js';
import { CsrfField } from '../../views/components.js';
import type { PageContext } from '../../views/page-context.js';

export type ConfirmOption = { name: string; label: string; hint?: string; checked: boolean };

export function ConfirmAction(props: {
  ctx: PageContext;
  admin: AdminFrame;
  backUrl: string;
  action: string;
  lines: string[];
  hidden: Record<string, string>;
  options?: ConfirmOption[];
  children?: ComponentChildren;
}) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <AdminLayout ctx={ctx} title={t('orders.confirmTitle')} admin={props.admin} current="orders">
      <form method="post" action={props.action} class="confirm-box stack">
        <CsrfField token={props.admin.csrfToken} />
        <input type="hidden" name="confirmed" value="1" />
        {Object.entries(props.hidden).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        {props.lines.map((line, i) => (
          <p key={i} class={i === 0 ? 'lead' : undefined}>
            {line}
          </p>
        ))}
        {props.children}
        {(props.options ?? []).map((o) => (
          <div key={o.name} class="checkbox">
            <input type="checkbox" id={o.name} name={o.name} value="1" checked={o.checked} aria-describedby={o.hint ? `${o.name}-hint` : undefined} />
            <label for={o.name}>{o.label}</label>
            {o.hint && (
              <p class="hint" id={`${o.name}-hint`}>
                {o.hint}
              </p>
            )}
          </div>
        ))}
        <div class="form-actions">
          <button type="submit" class="button-primary">
            {t('orders.confirm')}
          </button>{' '}
          <a class="button" href={props.backUrl}>
            {t('orders.cancelAction')}
          </a>
        </div>
      </form>
    </AdminLayout>
  );
}
