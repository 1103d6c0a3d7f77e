/** The Store API's checkout choices (CONTRACT.md): the shipping and payment methods a headless checkout may offer. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { CURRENCY } from '../../domain/money/money.js';
import { DomainError } from '../../domain/errors.js';
import { offeredPaymentMethods, offeredShippingMethods, shippingCodesFor } from '../../domain/settings/checkout-methods.js';
import type { Services } from '../../services/services.js';
import { CATALOGUE_PAGE } from '../storefront/page-cache.js';
import { shippingPrice } from '../../domain/shipping/shipping-price.js';
import { needsPickupPoint } from '../../domain/shipping/pickup-point.js';

const paymentQuery = z.object({ shipping: z.string().max(40).optional() });
// A headless checkout may ask what each method costs for its cart: the goods' total (haléře) and weight (grams).
const shippingQuery = z.object({ itemsTotal: z.coerce.number().int().min(0).max(1_000_000_000).optional(), weight: z.coerce.number().int().min(0).max(10_000_000).optional() });
const pickupQuery = z.object({ carrier: z.string().max(40), q: z.string().max(100).default(''), limit: z.coerce.number().int().min(1).max(50).default(20) });

export function storeMethodsApiPlugin(services: Services) {
  return async (app: FastifyInstance) => {
    app.get('/api/store/shipping-methods', CATALOGUE_PAGE, async (request) => {
      const parsed = shippingQuery.safeParse(request.query ?? {});
      if (!parsed.success) throw new DomainError('bad_request', 'bad query', Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.'), 'value_invalid'])));
      const { itemsTotal, weight } = parsed.data;
      const cart = itemsTotal !== undefined || weight !== undefined ? { itemsTotal: itemsTotal ?? 0, weightGrams: weight ?? 0 } : null;
      const { checkout } = await services.getSettings();
      // With a cart given, `price` is what it costs that cart and methods too heavy for it are left out.
      return offeredShippingMethods(checkout).flatMap((m) => {
        const price = cart ? shippingPrice(m, cart) : m.price;
        if (price === null) return [];
        return [{ code: m.code, name: m.name, price, currency: CURRENCY, carrier: m.carrier, freeFrom: m.freeFrom, vatRate: m.vatRate, weightBands: m.weightBands, maxWeightGrams: m.maxWeightGrams, codSurcharge: m.codSurcharge, pickupPoints: needsPickupPoint(m.carrier) }];
      });
    });

    // Pickup points for a headless checkout: `carrier` (zasilkovna) and a search text; the id goes into the order.
    app.get('/api/store/pickup-points', async (request) => {
      const parsed = pickupQuery.safeParse(request.query ?? {});
      if (!parsed.success) throw new DomainError('bad_request', 'bad query', Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.') || 'carrier', 'value_invalid'])));
      const points = await services.searchPickupPoints({ carrier: parsed.data.carrier, query: parsed.data.q, limit: parsed.data.limit });
      return points.map(({ carrier, id, name, place, street, city, zip, country, kind, openingHours, latitude, longitude, maxWeightGrams }) => ({ id, carrier, name, place, street, city, zip, country, kind, openingHours, latitude, longitude, maxWeightGrams }));
    });

    app.get('/api/store/payment-methods', CATALOGUE_PAGE, async (request) => {
      const parsed = paymentQuery.safeParse(request.query ?? {});
      if (!parsed.success) throw new DomainError('bad_request', 'bad query', { shipping: 'method_unknown' });
      const { checkout } = await services.getSettings();
      const shipping = parsed.data.shipping;
      if (shipping !== undefined && !offeredShippingMethods(checkout).some((m) => m.code === shipping)) throw new DomainError('bad_request', 'unknown shipping method', { shipping: 'method_unknown' });
      return offeredPaymentMethods(checkout, shipping).map((m) => ({
        code: m.code,
        name: m.name,
        price: m.price,
        currency: CURRENCY,
        kind: m.kind,
        vatRate: m.vatRate,
        shippingMethods: shippingCodesFor(checkout, m),
      }));
    });
  };
}
