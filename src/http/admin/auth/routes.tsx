/** Admin sign-in and sign-out; the session id is regenerated at sign-in so a planted cookie is worthless. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { isDomainError } from '../../../domain/errors.js';
import type { Services } from '../../../services/services.js';
import { safeLocalPath } from '../../middleware/locale.js';
import { renderDocument } from '../../views/render.js';
import type { PageContext } from '../../views/page-context.js';
import { SignInPage } from './sign-in-view.js';

const signInBody = z.object({
  email: z.string().max(254).default(''),
  password: z.string().max(1000).default(''),
  next: z.string().max(2000).optional(),
});

export const AFTER_SIGN_IN = '/admin/objednavky';

export function registerAuthRoutes(app: FastifyInstance, services: Services, pageContext: (r: FastifyRequest) => PageContext) {
  app.get<{ Querystring: { next?: string; odhlaseno?: string } }>('/admin/prihlaseni', { config: { public: true } }, async (request, reply) => {
    if (request.session.adminUserId) return reply.redirect(AFTER_SIGN_IN, 303);
    const flash = request.query.odhlaseno ? ({ kind: 'info', text: request.t('signin.signedOut') } as const) : null;
    const next = typeof request.query.next === 'string' ? request.query.next : undefined;
    return reply.type('text/html; charset=utf-8').send(renderDocument(<SignInPage ctx={pageContext(request)} csrfToken={reply.generateCsrf()} next={next} flash={flash} />));
  });

  app.post('/admin/prihlaseni', { config: { public: true } }, async (request, reply) => {
    const parsed = signInBody.safeParse(request.body ?? {});
    const input = parsed.success ? parsed.data : { email: '', password: '', next: undefined };
    try {
      const user = await services.signInAdmin({ email: input.email, password: input.password, ip: request.ip });
      await request.session.regenerate();
      request.session.adminUserId = user.id;
      return reply.redirect(safeLocalPath(input.next, AFTER_SIGN_IN), 303);
    } catch (error) {
      if (!isDomainError(error)) throw error;
      reply.code(error.code === 'too_many_attempts' ? 429 : 401);
      const page = <SignInPage ctx={pageContext(request)} csrfToken={reply.generateCsrf()} email={input.email} next={input.next} error={request.t(`error.${error.code}` as 'error.invalid_credentials')} />;
      return reply.type('text/html; charset=utf-8').send(renderDocument(page));
    }
  });

  app.post('/admin/odhlaseni', async (request, reply) => {
    await request.session.destroy();
    return reply.redirect('/admin/prihlaseni?odhlaseno=1', 303);
  });
}
