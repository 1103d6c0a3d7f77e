/** The frame of every account page: the storefront layout, never cached, never indexed; plus form helpers. */
import type { ComponentChildren } from 'preact';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../../services/services.js';
import { isDomainError } from '../../../domain/errors.js';
import { translateField } from '../../middleware/errors.js';
import type { Translate } from '../../i18n/messages.js';
import { renderDocument } from '../../views/render.js';
import { StoreLayout } from '../../views/store-layout.js';
import { ErrorSummary, Field, FlashMessage, type Flash } from '../../views/components.js';
import type { PageContext } from '../../views/page-context.js';
import { categoryHref } from '../product-card.js';

export type AccountPageContext = (request: FastifyRequest) => PageContext & { cartCount?: number };
export type FormErrors = Record<string, string>;

export async function sendAccountPage(
  services: Services,
  pageContext: AccountPageContext,
  request: FastifyRequest,
  reply: FastifyReply,
  page: { title: string; status?: number; body: (ctx: PageContext) => ComponentChildren },
) {
  const ctx = pageContext(request);
  const menu = await services.storeMenu();
  // A flash is shown once, then forgotten.
  const flash = request.session?.flash ?? null;
  if (flash) request.session.flash = undefined;
  const html = renderDocument(
    <StoreLayout ctx={ctx} title={page.title} noindex categories={menu.map((c) => ({ name: c.name, href: categoryHref(c.slug) }))} cartCount={ctx.cartCount ?? 0}>
      <div class="account-page stack">
        <FlashMessage flash={flash} />
        {page.body(ctx)}
      </div>
    </StoreLayout>,
  );
  return reply
    .code(page.status ?? 200)
    .header('cache-control', 'private, no-store')
    .header('x-robots-tag', 'noindex')
    .header('referrer-policy', 'no-referrer')
    .type('text/html; charset=utf-8')
    .send(html);
}

export function setFlash(request: FastifyRequest, flash: Flash): void {
  request.session.flash = flash;
}

/** A DomainError's fields in the visitor's language (with the "did you mean" suggestion), or null for other errors. */
export function formErrorsOf(t: Translate, error: unknown): FormErrors | null {
  if (!isDomainError(error)) return null;
  const fields = error.fields ?? {};
  const out: FormErrors = {};
  for (const [field, code] of Object.entries(fields)) {
    out[field] = code === 'email_suggestion' ? t('account.err.emailSuggestion', { suggestion: error.params?.suggestion ?? '' }) : translateField(t, code);
    if (code !== 'email_suggestion' && error.params?.suggestion) out[field] += ` ${t('account.err.didYouMean', { suggestion: error.params.suggestion })}`;
  }
  if (Object.keys(out).length === 0) out._ = translateField(t, error.code === 'too_many_attempts' ? 'account_too_many' : error.code);
  return out;
}

export function FormErrorSummary({ ctx, errors }: { ctx: PageContext; errors: FormErrors }) {
  const list = Object.entries(errors).map(([field, text]) => ({ field, text }));
  return <ErrorSummary title={ctx.t('error.summary')} errors={list} />;
}

/** A labelled input with its error, as GOV.UK forms do it. */
export function Input(props: { id: string; label: string; hint?: string; errors?: FormErrors; value?: string; type?: string; autocomplete?: string; maxLength?: number; required?: boolean }) {
  const error = props.errors?.[props.id];
  return (
    <Field id={props.id} label={props.label} hint={props.hint} error={error}>
      <input
        id={props.id}
        name={props.id}
        type={(props.type ?? 'text') as 'text'}
        value={props.type === 'password' ? undefined : (props.value ?? '')}
        autocomplete={props.autocomplete}
        maxLength={props.maxLength ?? 200}
        required={props.required}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `${props.id}-error` : undefined}
      />
    </Field>
  );
}

/** Every field of a posted form as a string (missing ones empty), cut to a sane length. */
export function formOf(body: unknown): Record<string, string> {
  const source = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(source).flatMap(([k, v]) => (typeof v === 'string' ? [[k, v.slice(0, 4000)]] : [])));
}
