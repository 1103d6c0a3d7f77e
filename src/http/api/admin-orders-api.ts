/** /api/admin/orders: the order list, the admin view of one order, status, payment, notes, emails to the customer, the PDF. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { documentFilename, type OrderDocument } from '../../domain/documents/order-document.js';
import { DomainError } from '../../domain/errors.js';
import type { AdminOrderDetail } from '../../services/orders/order-panel-actions.js';
import type { Services } from '../../services/services.js';
import { encodeCursor, readListQuery, type RawListQuery } from '../admin/orders/list-query.js';
import { customerOrderView } from './order-view.js';

export type OrdersApiOptions = { publicUrl: string; renderOrderPdf: (doc: OrderDocument) => Promise<Buffer> };

/** CONTRACT.md `AdminOrder`: the customer view plus what only the shop sees. */
export function adminOrderJson(detail: AdminOrderDetail, publicUrl: string) {
  const { order } = detail;
  return {
    ...customerOrderView(order, publicUrl, detail.parcels),
    paymentStatus: order.paymentStatus,
    trackingMissing: detail.trackingMissing,
    // The parcel created at the carrier (Packeta), if any: its id there, tracking number, cash to collect, last status.
    shipment: detail.shipment && {
      carrier: detail.shipment.carrier,
      state: detail.shipment.state,
      shipmentId: detail.shipment.shipmentId,
      trackingNumber: detail.shipment.trackingNumber,
      barcodeText: detail.shipment.barcodeText,
      cod: detail.shipment.cod,
      demo: detail.shipment.demo,
      status: detail.shipment.statusCode === null ? null : { code: detail.shipment.statusCode, text: detail.shipment.statusText, delivered: detail.shipment.delivered, checkedAt: detail.shipment.checkedAt },
    },
    customer: { id: order.customerId, email: order.email, name: order.name, phone: order.phone, company: order.company, ico: order.ico, dic: order.dic },
    billingAddress: order.billingAddress,
    shippingAddress: order.shippingAddress,
    note: order.note,
    internalNotes: detail.timeline.filter((e) => e.kind === 'note').map((e) => ({ id: e.id, text: e.text, author: e.actor, createdAt: e.at })),
    history: detail.timeline
      .filter((e) => e.kind !== 'note')
      .map((e) => ({ at: e.at, kind: e.kind, ...(e.statusTo ? { status: e.statusTo, statusFrom: e.statusFrom } : {}), actor: e.actor, text: e.text })),
    // Every outbox email of the order, newest first; CONTRACT.md's fields plus the ones a script needs to resend or diagnose.
    emails: detail.emails.map((e) => ({ id: e.id, kind: e.kind, to: e.to, subject: e.subject, status: e.status, sentAt: e.sentAt, createdAt: e.createdAt, attempts: e.attempts, lastError: e.lastError })),
  };
}

const actorOf = (request: FastifyRequest) => `${request.admin!.name} (API)`;
const bodyOf = (request: FastifyRequest) => (request.body && typeof request.body === 'object' ? (request.body as Record<string, unknown>) : {});
const bool = (v: unknown) => (v === undefined || v === null ? null : typeof v === 'boolean' ? v : Promise.reject(new DomainError('validation', 'flag', { notifyCustomer: 'invalid_value' })));

export function registerOrdersApi(app: FastifyInstance, services: Services, options: OrdersApiOptions) {
  const detail = async (number: string) => adminOrderJson(await services.adminOrder(number), options.publicUrl);

  app.get<{ Querystring: RawListQuery }>('/api/admin/orders', async (request) => {
    const page = await services.listOrders(readListQuery(request.query, 50));
    return {
      items: page.items.map((o) => ({ number: o.number, status: o.status, paymentStatus: o.paymentStatus, createdAt: o.createdAt, total: o.total, currency: o.currency, itemCount: o.itemCount, customer: { email: o.email, name: o.name } })),
      nextCursor: page.next ? encodeCursor(page.next) : null,
    };
  });

  app.get<{ Params: { number: string } }>('/api/admin/orders/:number', async (request) => detail(request.params.number));

  app.post<{ Params: { number: string } }>('/api/admin/orders/:number/status', async (request) => {
    const body = bodyOf(request);
    const parcels = Array.isArray(body.parcels) ? body.parcels : body.trackingNumber !== undefined || body.carrier !== undefined ? [{ carrier: body.carrier, trackingNumber: body.trackingNumber }] : undefined;
    await services.changeOrderStatus({
      number: request.params.number,
      status: body.status,
      parcels,
      notifyCustomer: await bool(body.notifyCustomer),
      // A script's call is deliberate, so it ships without a number unless it asks to be stopped
      // (`confirmWithoutTracking: false`); the order is still flagged "missing tracking number".
      confirmWithoutTracking: body.confirmWithoutTracking !== false,
      actor: actorOf(request),
    });
    return detail(request.params.number);
  });

  app.post<{ Params: { number: string } }>('/api/admin/orders/:number/payment', async (request) => {
    await services.setOrderPayment({ number: request.params.number, status: bodyOf(request).status, actor: actorOf(request) });
    return detail(request.params.number);
  });

  app.post<{ Params: { number: string } }>('/api/admin/orders/:number/parcels', async (request) => {
    const body = bodyOf(request);
    await services.addOrderParcel({ number: request.params.number, parcel: { carrier: body.carrier, trackingNumber: body.trackingNumber }, actor: actorOf(request) });
    return detail(request.params.number);
  });

  app.post<{ Params: { number: string } }>('/api/admin/orders/:number/notes', async (request, reply) => {
    return reply.code(201).send(await services.addOrderNote({ number: request.params.number, text: bodyOf(request).text, actor: actorOf(request) }));
  });

  app.post<{ Params: { number: string } }>('/api/admin/orders/:number/emails', async (request, reply) => {
    const body = bodyOf(request);
    const queued = await services.emailOrderCustomer({ number: request.params.number, subject: body.subject, body: body.body, actor: actorOf(request) });
    return reply.code(202).send({ queued: true, ...queued });
  });

  app.post<{ Params: { number: string; id: string } }>('/api/admin/orders/:number/emails/:id/resend', async (request, reply) => {
    if (!/^\d{1,15}$/.test(request.params.id)) throw new DomainError('not_found');
    const email = await services.resendOrderEmail({ number: request.params.number, emailId: Number(request.params.id), actor: actorOf(request) });
    return reply.code(202).send({ id: email.id, kind: email.kind, to: email.to, subject: email.subject, status: email.status, sentAt: email.sentAt });
  });

  // Goods out: the order's parcel at its carrier (idempotent: asked again, the same parcel), its label and status.
  app.post<{ Params: { number: string } }>('/api/admin/orders/:number/shipment', async (request) => {
    await services.createShipment({ number: request.params.number, actor: actorOf(request) });
    return detail(request.params.number);
  });

  app.post<{ Params: { number: string } }>('/api/admin/orders/:number/shipment/status', async (request) => {
    await services.checkShipmentStatus({ number: request.params.number });
    return detail(request.params.number);
  });

  app.get<{ Params: { number: string }; Querystring: { format?: string; offset?: string } }>('/api/admin/orders/:number/label.pdf', async (request, reply) => {
    const { pdf } = await services.shipmentLabels({ numbers: request.params.number, format: request.query.format, offset: request.query.offset });
    return reply.header('content-disposition', `inline; filename="stitek-${request.params.number}.pdf"`).header('cache-control', 'private, no-store').type('application/pdf').send(pdf);
  });

  app.get<{ Params: { number: string } }>('/api/admin/orders/:number/document.pdf', async (request, reply) => {
    const doc = /^\d{1,10}$/.test(request.params.number) ? await services.orderDocument(request.params.number) : null;
    if (!doc) throw new DomainError('not_found');
    const pdf = await options.renderOrderPdf(doc);
    await services.logOrderDownload({ number: doc.number, actor: actorOf(request) });
    return reply.header('content-disposition', `inline; filename="${documentFilename(doc.locale, doc.number)}"`).header('cache-control', 'private, no-store').type('application/pdf').send(pdf);
  });
}
