/** The Store API's checkout choices (CONTRACT.md): the shipping and payment methods a headless checkout may offer. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { CURRENCY } from '../../domain/money/money.js';
import { DomainError } from '../../domain/errors.js';
import { offeredPaymentMethods, offeredShippingMethods, shippingCodesFor } from '../../domain/settings/checkout-methods.js';
import type { Services } from '../../services/services.js';
import { CATALOGUE_PAGE } from '../storefront/page-cache.js';

const paymentQuery = z.object({ shipping: z.string().max(40).optional() });

export function storeMethodsApiPlugin(services: Services) {
  return async (app: FastifyInstance) => {
    app.get('/api/store/shipping-methods', CATALOGUE_PAGE, async () => {
      const { checkout } = await services.getSettings();
      return offeredShippingMethods(checkout).map((m) => ({ code: m.code, name: m.name, price: m.price, currency: CURRENCY, carrier: m.carrier, freeFrom: m.freeFrom, vatRate: m.vatRate }));
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
