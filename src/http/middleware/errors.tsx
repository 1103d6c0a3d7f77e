/** The one place that maps errors to HTTP: DomainError codes to statuses, JSON for /api, a page otherwise. */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isDomainError, type ErrorCode } from '../../domain/errors.js';
import { isMessageKey, translator, type Translate } from '../i18n/messages.js';
import { SIGN_IN_PATH } from './admin-auth.js';
import { BareLayout } from '../views/admin-layout.js';
import { renderDocument } from '../views/render.js';
import type { PageContext } from '../views/page-context.js';

const STATUS: Record<ErrorCode, number> = {
  validation: 422,
  bad_request: 400,
  not_found: 404,
  unauthorized: 401,
  forbidden: 403,
  invalid_credentials: 401,
  too_many_attempts: 429,
  conflict: 409,
  invalid_transition: 409,
  mail_failed: 502,
  guest_checkout_disabled: 403,
  out_of_stock: 409,
  account_exists: 409,
  idempotency_conflict: 409,
  invoice_exists: 409,
  invoice_credited: 409,
  invoice_kept: 409,
  carrier_rejected: 422,
  carrier_unavailable: 502,
  gateway_unavailable: 502,
};

export type HttpError = { status: number; code: string; message: string; fields?: Record<string, string> };

export function translateFields(t: Translate, fields: Record<string, string> | undefined) {
  if (!fields) return undefined;
  return Object.fromEntries(Object.entries(fields).map(([path, value]) => [path, translateField(t, value)]));
}

/** A field message key, optionally with a detail after a colon (`template_unknown_placeholder:foo`). */
export function translateField(t: Translate, value: string): string {
  return value
    .split('|')
    .map((one) => {
      const [key, detail] = one.split(/:(.*)/s) as [string, string | undefined];
      return isMessageKey(`field.${key}`) ? t(`field.${key}` as never, detail === undefined ? undefined : { detail }) : one;
    })
    .join(' ');
}

export function toHttpError(error: unknown, t: Translate): HttpError {
  if (isDomainError(error)) {
    return { status: STATUS[error.code], code: error.code, message: t(`error.${error.code}`, error.params), fields: translateFields(t, error.fields) };
  }
  const fe = error as FastifyError;
  if (typeof fe.code === 'string' && fe.code.startsWith('FST_CSRF')) return { status: 403, code: 'csrf', message: t('error.csrf') };
  if (fe.validation) return { status: 422, code: 'validation', message: t('error.validation') };
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    return { status: fe.statusCode, code: fe.statusCode === 404 ? 'not_found' : 'bad_request', message: t(fe.statusCode === 404 ? 'error.not_found' : 'error.bad_request') };
  }
  return { status: 500, code: 'internal', message: t('error.internal') };
}

export function sendError(request: FastifyRequest, reply: FastifyReply, error: HttpError, ctx: PageContext): FastifyReply {
  reply.code(error.status);
  if (request.url.startsWith('/api/') || request.headers.accept === 'application/json') {
    const body: { code: string; message: string; fields?: Record<string, string> } = { code: error.code, message: error.message };
    if (error.fields) body.fields = error.fields;
    return reply.type('application/json; charset=utf-8').send({ error: body });
  }
  return reply.type('text/html; charset=utf-8').send(
    renderDocument(
      <BareLayout ctx={ctx} title={ctx.t('error.title')}>
        <h1>{ctx.t('error.title')}</h1>
        <p class="lead">{error.message}</p>
        <p>
          <a href={request.url.startsWith('/admin') ? '/admin' : '/'}>{ctx.t('error.back')}</a>
        </p>
      </BareLayout>,
    ),
  );
}

export function registerErrorHandling(
  app: FastifyInstance,
  pageContext: (request: FastifyRequest) => PageContext,
  isDatabaseUnavailable: (error: unknown) => boolean = () => false,
): void {
  app.setErrorHandler((error, request, reply) => {
    request.t ??= translator('cs'); // a failure before the locale hook ran
    // A database restart or failover is brief: say so and when to retry, instead of a bare 500.
    const unavailable = isDatabaseUnavailable(error);
    if (unavailable) reply.header('retry-after', '5');
    const httpError = unavailable ? { status: 503, code: 'unavailable', message: request.t('error.unavailable') } : toHttpError(error, request.t);
    if (httpError.status >= 500) request.log.error({ err: error }, 'request failed');
    return sendError(request, reply, httpError, pageContext(request));
  });
  app.setNotFoundHandler((request, reply) => {
    // An unknown admin address tells a signed-out visitor nothing: it goes to sign-in like every admin page.
    if (request.url.startsWith('/admin') && !request.session?.adminUserId) return reply.redirect(SIGN_IN_PATH, 303);
    return sendError(request, reply, toHttpError({ statusCode: 404 }, request.t), pageContext(request));
  });
}
