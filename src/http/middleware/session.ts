/** Cookies, database-backed sessions and CSRF tokens; the cookie is HttpOnly, SameSite=Lax and Secure behind HTTPS. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import session from '@fastify/session';
import csrf from '@fastify/csrf-protection';
import fp from 'fastify-plugin';

type SessionStore = NonNullable<Parameters<typeof session>[1]['store']>;

export const SESSION_COOKIE = 'kramek_sid';
const SESSION_LIFETIME_MS = 12 * 60 * 60 * 1000;

export async function registerSessions(app: FastifyInstance, options: { secret: string; store: unknown }): Promise<void> {
  await app.register(cookie);
  await app.register(skippingSessionlessPages(session), {
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

declare module 'fastify' {
  interface FastifyContextConfig {
    /** A public GET page that reads nothing from the session: a visitor without a session cookie gets none built. */
    sessionless?: boolean;
  }
}

/**
 * @fastify/session builds a fresh, signed session object (random id, HMAC, hash) on every request without a cookie,
 * only to throw it away unsaved. On the catalogue pages, which are most of the traffic, that was a sizeable share of
 * the work; there `request.session` stays null for such visitors. Requests that carry a session cookie, every other
 * route and every unsafe method go through the plugin unchanged.
 */
function skippingSessionlessPages(plugin: typeof session) {
  return fp(async (scope: FastifyInstance, options: Parameters<typeof session>[1]) => {
    type LooseAddHook = (this: FastifyInstance, name: string, hook: unknown) => FastifyInstance;
    type OnRequest = (request: FastifyRequest, reply: FastifyReply, done: () => void) => void;
    const addHook = scope.addHook as unknown as LooseAddHook;
    const wrapping: LooseAddHook = function (name, hook) {
      if (name !== 'onRequest') return addHook.call(this, name, hook);
      const handle = hook as OnRequest;
      const skipping: OnRequest = (request, reply, done) => {
        if (request.routeOptions.config.sessionless === true && request.method === 'GET' && !request.cookies[SESSION_COOKIE]) return done();
        handle(request, reply, done);
      };
      return addHook.call(this, name, skipping);
    };
    scope.addHook = wrapping as unknown as typeof scope.addHook;
    try {
      await scope.register(plugin, options);
    } finally {
      scope.addHook = addHook as unknown as typeof scope.addHook;
    }
  });
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
