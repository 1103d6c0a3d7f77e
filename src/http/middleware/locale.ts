/** Decides each request's language (cookie, then Accept-Language, then Czech) and offers the language switch. */
import type { FastifyInstance } from 'fastify';
import { isLocale, pickLocale, translator } from '../i18n/messages.js';

const ONE_YEAR_S = 365 * 24 * 60 * 60;

export function registerLocale(app: FastifyInstance): void {
  app.decorateRequest('locale', 'cs');
  app.decorateRequest('t', null as never);
  app.addHook('onRequest', async (request) => {
    const api = request.url.startsWith('/api/');
    request.locale = pickLocale(api ? undefined : request.cookies.lang, api ? request.headers['accept-language'] : undefined);
    request.t = translator(request.locale);
  });

  app.get<{ Params: { locale: string }; Querystring: { next?: string } }>('/jazyk/:locale', async (request, reply) => {
    const { locale } = request.params;
    if (isLocale(locale)) reply.setCookie('lang', locale, { path: '/', maxAge: ONE_YEAR_S, sameSite: 'lax', httpOnly: true });
    return reply.redirect(safeLocalPath(request.query.next, '/'), 303);
  });
}

/** Only same-site paths are followed, so a crafted link cannot send a visitor elsewhere. */
export function safeLocalPath(next: string | undefined, fallback: string): string {
  return next && /^\/(?![/\\])/.test(next) ? next : fallback;
}
