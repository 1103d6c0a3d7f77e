/** The order PDF behind the customer's link (`/objednavka/<number>/doklad.pdf?t=<token>`): that order only, no sign-in needed. */
import type { FastifyInstance } from 'fastify';
import type { OrderDocument } from '../../domain/documents/order-document.js';
import { documentFilename } from '../../domain/documents/order-document.js';
import type { Services } from '../../services/services.js';

export function registerOrderDocumentRoute(app: FastifyInstance, services: Services, renderPdf: (doc: OrderDocument) => Promise<Buffer>) {
  app.get<{ Params: { number: string }; Querystring: { t?: string } }>('/objednavka/:number/doklad.pdf', async (request, reply) => {
    const order = await services.orderByToken(request.params.number, String(request.query.t ?? ''));
    const doc = order ? await services.orderDocument(order.number) : null;
    if (!order || !doc) return reply.callNotFound();
    const pdf = await renderPdf(doc);
    return reply
      .header('content-disposition', `inline; filename="${documentFilename(doc.locale, doc.number)}"`)
      .header('cache-control', 'private, no-store')
      .header('x-robots-tag', 'noindex')
      .type('application/pdf')
      .send(pdf);
  });
}
