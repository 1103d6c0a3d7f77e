/**
 * /api/admin/customers: list (q, sort, limit, cursor), read, create, partial update and delete customer accounts, plus
 * the GDPR export. DELETE of an account anonymises it (orders stay for accounting), so it is the owner's, like the export.
 */
import type { FastifyInstance } from 'fastify';
import { decodeCustomerCursor, encodeCustomerCursor, isCustomerSort } from '../../domain/customers/customer-list.js';
import { DomainError } from '../../domain/errors.js';
import { CURRENCY } from '../../domain/money/money.js';
import type { CustomerRecord, CustomerSummary } from '../../services/customers/ports.js';
import type { Services } from '../../services/services.js';
import { requireApiToken } from '../middleware/admin-auth.js';

/** The contract's customer `{id, email, name, phone, company, ico, createdAt, orderCount, totalSpent}` (+ currency and state). */
export const customerJson = (c: CustomerSummary) => ({
  id: c.id,
  email: c.email,
  name: c.name,
  phone: c.phone,
  company: c.company,
  ico: c.ico,
  createdAt: c.createdAt,
  orderCount: c.orderCount,
  totalSpent: c.totalSpent,
  currency: CURRENCY,
  blocked: c.blocked,
  anonymized: c.anonymizedAt !== null,
});

const detailJson = (c: CustomerRecord) => ({
  ...customerJson(c),
  dic: c.dic,
  locale: c.locale,
  note: c.note,
  billingAddress: c.billingAddress,
  shippingAddress: c.shippingAddress,
  hasPassword: c.hasPassword,
  anonymizedAt: c.anonymizedAt,
  updatedAt: c.updatedAt,
});

const idOf = (raw: string) => {
  if (!/^\d{1,12}$/.test(raw)) throw new DomainError('not_found');
  return Number(raw);
};

type ListQuery = { q?: unknown; limit?: unknown; cursor?: unknown; sort?: unknown };

export function readListQuery(query: ListQuery) {
  const sort = query.sort === undefined ? 'registered' : query.sort;
  if (!isCustomerSort(sort)) throw new DomainError('validation', 'sort', { sort: 'invalid_value' });
  const limit = query.limit === undefined ? 50 : Number(query.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 200) throw new DomainError('validation', 'limit', { limit: 'invalid_value' });
  let after;
  if (query.cursor !== undefined && query.cursor !== '') {
    after = typeof query.cursor === 'string' ? decodeCustomerCursor(query.cursor, sort) : null;
    if (!after) throw new DomainError('validation', 'cursor', { cursor: 'invalid_value' });
  }
  const q = typeof query.q === 'string' ? query.q.slice(0, 200) : undefined;
  return { q, sort, limit, after };
}

export function adminCustomersApiPlugin(services: Services) {
  return async (app: FastifyInstance) => {
    app.addHook('onRequest', requireApiToken(services));
    const actor = (admin: { name: string } | null) => `API: ${admin?.name ?? '?'}`;

    app.get<{ Querystring: ListQuery }>('/api/admin/customers', async (request) => {
      const page = await services.listCustomers(readListQuery(request.query));
      return { items: page.items.map(customerJson), nextCursor: page.next ? encodeCustomerCursor(page.next) : null };
    });
    app.get<{ Params: { id: string } }>('/api/admin/customers/:id', async (request) => detailJson(await services.getCustomer(idOf(request.params.id))));
    app.post('/api/admin/customers', async (request, reply) => reply.code(201).send(detailJson(await services.createCustomer(request.body ?? {}))));
    app.patch<{ Params: { id: string } }>('/api/admin/customers/:id', async (request) => detailJson(await services.patchCustomer(idOf(request.params.id), request.body ?? {})));
    app.delete<{ Params: { id: string } }>('/api/admin/customers/:id', { config: { role: 'owner' } }, async (request, reply) => {
      await services.deleteCustomer(idOf(request.params.id), actor(request.admin));
      return reply.code(204).send();
    });
    app.get<{ Params: { id: string } }>('/api/admin/customers/:id/export.json', { config: { role: 'owner' } }, async (request, reply) => {
      const data = await services.exportCustomerData(idOf(request.params.id), actor(request.admin));
      return reply.header('content-disposition', `attachment; filename="zakaznik-${request.params.id}.json"`).send(data);
    });
  };
}
