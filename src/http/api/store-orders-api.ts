/** POST /api/store/orders: the same order service as the checkout; a repeated Idempotency-Key answers with the first order. */
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services/services.js';
import { customerOrderView } from './order-view.js';

export function registerStoreOrdersApi(app: FastifyInstance, services: Services, publicUrl: string) {
  app.post('/api/store/orders', async (request, reply) => {
    const header = request.headers['idempotency-key'];
    const idempotencyKey = typeof header === 'string' ? header : null;
    const requestHash = createHash('sha256').update(JSON.stringify(request.body ?? null)).digest('hex');
    // A signed-in storefront customer's order belongs to their account (the session cookie is SameSite=Lax).
    const { order, created } = await services.placeOrder({ input: request.body, locale: request.locale, idempotencyKey, requestHash, customerId: request.customer?.id ?? null });
    if (created) return reply.code(201).send(customerOrderView(order, publicUrl));
    // A replay answers with the order as it is now, so a late retry also learns its parcels.
    reply.header('idempotent-replayed', 'true');
    return reply.code(201).send(customerOrderView(order, publicUrl, (await services.customerOrderView(order)).parcels));
  });
}
