/** /api/admin exports: one order (`/orders/:number/export.xml`) and a streamed range (`/exports/orders.xml`) in any export format. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DomainError } from '../../domain/errors.js';
import type { Services } from '../../services/services.js';
import { sendExport } from '../admin/exports/send-export.js';

type ExportQuery = { format?: string; from?: string; to?: string; status?: string; numbers?: string; decimal?: string };

const actorOf = (request: FastifyRequest) => `${request.admin!.name} (API)`;

export function registerExportsApi(app: FastifyInstance, services: Services) {
  app.get<{ Params: { number: string }; Querystring: ExportQuery }>('/api/admin/orders/:number/export.xml', async (request, reply) => {
    if (!/^\d{1,10}$/.test(request.params.number)) throw new DomainError('not_found');
    const prepared = await services.exportOrder(request.params.number, { format: request.query.format, decimal: request.query.decimal, actor: actorOf(request) });
    return sendExport(reply, prepared);
  });

  const range = async (request: FastifyRequest<{ Querystring: ExportQuery }>) => {
    const q = request.query;
    // A selection may come as `numbers=1,2,3` (the range filters are then ignored by the caller's choice).
    const numbers = q.numbers ? q.numbers.split(',') : undefined;
    return services.exportOrders({ format: q.format, from: q.from, to: q.to, status: q.status, numbers, decimal: q.decimal, actor: actorOf(request) });
  };
  for (const url of ['/api/admin/exports/orders.xml', '/api/admin/exports/orders']) {
    app.get<{ Querystring: ExportQuery }>(url, async (request, reply) => sendExport(reply, await range(request)));
  }
}
