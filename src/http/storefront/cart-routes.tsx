/** The cart: GET /kosik shows it, POST /kosik adds goods (from the product page), POST /kosik/zmenit changes or removes a line. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../services/services.js';
import { isDomainError } from '../../domain/errors.js';
import { parseQuantity } from '../../domain/cart/cart.js';
import { csrfGuard } from '../middleware/session.js';
import { toHttpError } from '../middleware/errors.js';
import { renderDocument } from '../views/render.js';
import type { PageContext } from '../views/page-context.js';
import type { Flash } from '../views/components.js';
import { categoryHref } from './product-card.js';
import { CartPage, type CartDiscountView } from './cart-view.js';
import { checkoutSummary } from '../../domain/cart/checkout-summary.js';
import type { CartReview } from '../../domain/cart/cart.js';
import { discountLineName } from '../../domain/discounts/discount-label.js';
import { translateField } from '../middleware/errors.js';

declare module '@fastify/session' {
  interface FastifySessionObject {
    /** The visitor's cart (its lines live in the database, so every app server sees them). */
    cartId?: string;
    /** Pieces in the cart, for the header on every page without another query. */
    cartCount?: number;
  }
}

type Body = Record<string, unknown> | undefined;

/**
 * The add-to-cart form sits on product pages that are cached for visitors without a session, so it cannot carry a
 * per-visitor token: a post from our own origin (the Origin header browsers send with every form post) is accepted too.
 */
function sameOrigin(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (typeof origin !== 'string') return false;
  try {
    // Both sides through URL, so a default port (`:80`) written or left out compares equal.
    return new URL(origin).host === new URL(`${request.protocol}://${request.host}`).host;
  } catch {
    return false;
  }
}

export function takeFlash(request: FastifyRequest): Flash | null {
  const flash = request.session.flash ?? null;
  if (flash) delete request.session.flash;
  return flash;
}

export function registerCartRoutes(app: FastifyInstance, services: Services, pageContext: (r: FastifyRequest) => PageContext) {
  const guard = csrfGuard(app);
  const addGuard = (request: FastifyRequest, reply: FastifyReply, done: (err?: Error) => void) => {
    const token = (request.body as Body)?._csrf;
    if (typeof token !== 'string' && sameOrigin(request)) return done();
    guard(request, reply, done);
  };

  const customerOf = (request: FastifyRequest) => ({ customerId: request.customer?.id ?? null, email: request.customer?.email ?? '' });
  /** The cart's code as the cart page shows it: what it takes off, or why it does not apply now. */
  const discountView = async (request: FastifyRequest, cart: CartReview): Promise<CartDiscountView | null> => {
    const discount = await services.cartDiscount(request.session.cartId ?? null, cart, customerOf(request), request.locale);
    if (!discount) return null;
    const applied = discount.terms && checkoutSummary(cart, null, null, discount.terms).discount;
    return {
      code: discount.code,
      name: applied ? discountLineName(applied, request.locale) : discount.code,
      amount: applied && applied.kind !== 'free_shipping' ? applied.amount : null,
      problem: discount.problem ? translateField(request.t, discount.problem) : null,
    };
  };

  app.get('/kosik', async (request, reply) => {
    const cartId = request.session.cartId ?? null;
    const [cart, menu] = await Promise.all([services.cartReview(cartId), services.storeMenu()]);
    const discount = cart.items.length > 0 ? await discountView(request, cart) : null;
    if (cartId && request.session.cartCount !== cart.count) request.session.cartCount = cart.count;
    const csrf = cart.items.length > 0 ? reply.generateCsrf() : null;
    const html = renderDocument(
      <CartPage ctx={pageContext(request)} categories={menu.map((c) => ({ name: c.name, href: categoryHref(c.slug) }))} cart={cart} csrf={csrf} flash={takeFlash(request)} thumbWidth={services.imageWidths()[0] ?? 320} discount={discount} />,
    );
    // A price change is pointed out once; the page just shown told the customer.
    if (cartId) await services.acknowledgeCart(cartId, cart);
    return reply.header('cache-control', 'private, no-store').type('text/html; charset=utf-8').send(html);
  });

  app.post('/kosik', { preHandler: addGuard }, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const variantId = typeof body.variantId === 'string' && /^\d{1,12}$/.test(body.variantId) ? Number(body.variantId) : null;
    const sku = typeof body.sku === 'string' && body.sku.trim() ? body.sku.trim().slice(0, 64) : null;
    const quantity = body.quantity === undefined || body.quantity === '' ? 1 : parseQuantity(body.quantity);
    try {
      const added = await services.addToCart({ cartId: request.session.cartId ?? null, variantId, sku, quantity: quantity ?? Number.NaN });
      request.session.cartId = added.cartId;
      request.session.cartCount = added.count;
      request.session.flash = { kind: 'success', text: request.t('cart.added') };
    } catch (error) {
      if (!isDomainError(error)) throw error;
      const http = toHttpError(error, request.t);
      const reason = Object.values(http.fields ?? {})[0] ?? http.message;
      request.session.flash = { kind: 'error', text: request.t('cart.addFailed', { reason }) };
    }
    return reply.redirect('/kosik', 303);
  });

  // A discount code: applied when it is valid for this cart now; a bad one is explained and changes nothing.
  app.post('/kosik/sleva', { preHandler: guard }, async (request, reply) => {
    const cartId = request.session.cartId;
    const typed = (request.body as Body)?.code;
    const text = typeof typed === 'string' ? typed.slice(0, 100) : '';
    if (!cartId) return reply.redirect('/kosik', 303);
    try {
      const code = await services.applyCartDiscount(cartId, text, await services.cartReview(cartId), customerOf(request), request.locale);
      request.session.flash = { kind: 'success', text: request.t('discount.applied', { code: code.code }) };
    } catch (error) {
      if (!isDomainError(error)) throw error;
      const reason = translateField(request.t, error.fields?.discountCode ?? 'discount_unknown');
      request.session.flash = { kind: 'error', text: request.t('discount.notApplied', { code: text.trim().toUpperCase(), reason }) };
    }
    return reply.redirect('/kosik', 303);
  });

  app.post('/kosik/sleva/odebrat', { preHandler: guard }, async (request, reply) => {
    const cartId = request.session.cartId;
    if (cartId) {
      await services.removeCartDiscount(cartId);
      request.session.flash = { kind: 'success', text: request.t('discount.removed') };
    }
    return reply.redirect('/kosik', 303);
  });

  app.post('/kosik/zmenit', { preHandler: guard }, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const cartId = request.session.cartId;
    const variantId = typeof body.variantId === 'string' && /^\d{1,12}$/.test(body.variantId) ? Number(body.variantId) : null;
    const quantity = body.quantity === '0' ? 0 : parseQuantity(body.quantity);
    if (cartId && variantId !== null && quantity !== null) {
      request.session.cartCount = await services.changeCartLine(cartId, variantId, quantity);
      request.session.flash = { kind: 'success', text: request.t(quantity === 0 ? 'cart.removed' : 'cart.changed') };
    } else if (cartId) {
      request.session.flash = { kind: 'error', text: request.t('field.quantity_invalid') };
    }
    return reply.redirect('/kosik', 303);
  });
}
