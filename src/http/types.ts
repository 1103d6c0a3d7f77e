/** What our hooks add to Fastify's request and session. */
import type { Locale, Translate } from './i18n/messages.js';
import type { AdminRole } from '../domain/admin/roles.js';
import type { Flash } from './views/components.js';
import type { ShopFrame } from './views/page-context.js';

export type AdminPrincipal = { id: number; name: string; email: string; role: AdminRole; via: 'session' } | { id: number; name: string; role: AdminRole; via: 'token' };

declare module 'fastify' {
  interface FastifyInstance {
    routeTable: readonly { method: string; url: string }[];
  }
  interface FastifyRequest {
    locale: Locale;
    t: Translate;
    admin: AdminPrincipal | null;
    /** The shop's name and footer of Configuration, for pages (empty for API and file requests). */
    shopName: string;
    shopFrame: ShopFrame | null;
    /** The signed-in storefront customer, loaded from the database on each request (null when none). */
    customer: { id: number; email: string; name: string } | null;
  }
  interface FastifyContextConfig {
    /** Least role a route needs; staff when absent. */
    role?: AdminRole;
    /** Reachable without signing in (the sign-in page itself). */
    public?: boolean;
  }
}

declare module '@fastify/session' {
  interface FastifySessionObject {
    adminUserId?: number;
    /** The storefront customer's account, separate from the admin's key. */
    customerId?: number;
    /** Which password the customer signed in with; another one (changed, reset) ends this session. */
    customerKey?: string;
    flash?: Flash;
  }
}
