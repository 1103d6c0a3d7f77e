/**
 * Who the customer is: the id in the session (beside, never instead of, the admin's) is checked against the
 * database on every request, so a blocked or deleted account stops working at once — and so does every other
 * session of an account whose password was changed or reset (the session remembers which password it began with).
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../../services/services.js';

export const ACCOUNT_SIGN_IN = '/ucet/prihlaseni';
// The store API's order endpoint is the one API call that may be a signed-in customer's (CONTRACT.md).
const NOT_PAGES = /^\/(api\/(?!store\/orders)|assets|media|health|ready|favicon|sitemap\.xml)/;

export function registerCustomerSession(app: FastifyInstance, services: Services): void {
  app.decorateRequest('customer', null);
  app.addHook('preHandler', async (request) => {
    const id = request.session?.customerId;
    if (!id || NOT_PAGES.test(request.url)) return;
    const customer = await services.findCustomer(id);
    if (!customer || customer.blocked || request.session.customerKey !== passwordKey(customer.passwordHash)) {
      request.session.customerId = undefined;
      request.session.customerKey = undefined;
      return;
    }
    request.customer = { id: customer.id, email: customer.email, name: customer.name };
  });
}

/** For account pages: a signed-out visitor goes to sign-in and comes back afterwards. */
export function requireCustomer(request: FastifyRequest, reply: FastifyReply): { id: number; email: string; name: string } | null {
  if (request.customer) return request.customer;
  const next = request.method === 'GET' ? `?next=${encodeURIComponent(request.url)}` : '';
  void reply.redirect(`${ACCOUNT_SIGN_IN}${next}`, 303);
  return null;
}

/** Signs the customer in on a fresh session id (a planted cookie is worthless); the cart and an admin's sign-in stay. */
export async function startCustomerSession(request: FastifyRequest, customer: { id: number; passwordHash: string | null }): Promise<void> {
  await request.session.regenerate(['adminUserId', 'cartId', 'cartCount']);
  request.session.customerId = customer.id;
  request.session.customerKey = passwordKey(customer.passwordHash);
}

/** A short digest of the password hash: it changes with the password and tells nothing about it. */
export function passwordKey(passwordHash: string | null): string {
  return createHash('sha256').update(passwordHash ?? '').digest('base64url').slice(0, 16);
}
