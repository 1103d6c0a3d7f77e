/** Cookies, database-backed sessions and CSRF tokens; the cookie is HttpOnly, SameSite=Lax and Secure behind HTTPS. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import session from '@fastify/session';
import csrf from '@fastify/csrf-protection';

type SessionStore = NonNullable<Parameters<typeof session>[1]['store']>;

export const SESSION_COOKIE = 'kramek_sid';
const SESSION_LIFETIME_MS = 12 * 60 * 60 * 1000;

export async function registerSessions(app: FastifyInstance, options: { secret: string; store: unknown }): Promise<void> {
  await app.register(cookie);
  await app.register(session, {
    secret: options.secret,
    cookieName: SESSION_COOKIE,
    store: options.store as SessionStore,
    // Only visitors who sign in or fill a form get a stored session; browsing stays write-free.
    saveUninitialized: false,
    rolling: false,
    cookie: { httpOnly: true, sameSite: 'lax', secure: 'auto', path: '/', maxAge: SESSION_LIFETIME_MS },
  });
  await app.register(csrf, { sessionPlugin: '@fastify/session', getToken: csrfTokenOf });
}

/**
 * The token of a form post (`_csrf` field) or a script (header). A file upload's body is read only later
 * by its handler, so its form carries the token in the action URL instead.
 */
function csrfTokenOf(request: FastifyRequest): string | undefined {
  const fromBody = (request.body as { _csrf?: unknown } | undefined)?._csrf;
  if (typeof fromBody === 'string') return fromBody;
  const fromQuery = (request.query as { _csrf?: unknown } | undefined)?._csrf;
  if (request.isMultipart() && typeof fromQuery === 'string') return fromQuery;
  const header = request.headers['csrf-token'] ?? request.headers['x-csrf-token'];
  return typeof header === 'string' ? header : undefined;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** A preHandler that refuses state-changing form posts without a valid CSRF token (body `_csrf` or a header). */
export function csrfGuard(app: FastifyInstance) {
  return (request: FastifyRequest, reply: FastifyReply, done: (err?: Error) => void) => {
    if (!UNSAFE.has(request.method)) return done();
    app.csrfProtection(request, reply, done);
  };
}
