/** Goods out in the Orders panel: create an order's Packeta parcel, its label PDF and status; in bulk from the list. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isDomainError, type DomainError } from '../../../domain/errors.js';
import type { Services } from '../../../services/services.js';
import { toHttpError, translateField } from '../../middleware/errors.js';
import { renderDocument } from '../../views/render.js';
import type { PageContext } from '../../views/page-context.js';
import type { FormBody } from '../settings/form-fields.js';
import { adminFrame } from '../shell/routes.js';
import { ORDERS_PATH } from './badges.js';
import { BulkResult } from './bulk-view.js';

type NumberParams = { Params: { number: string } };
const FORMATS: Record<string, string> = { A6: 'A6 on A6', A4: 'A6 on A4' };

/** What the owner reads for a refusal: a field's message, or the error's own (the carrier's words included). */
function reasonOf(request: FastifyRequest, error: DomainError): string {
  const fields = Object.values(error.fields ?? {});
  return fields.length ? fields.map((f) => translateField(request.t, f)).join(' ') : toHttpError(error, request.t).message;
}

export function registerParcelRoutes(app: FastifyInstance, services: Services, pageContext: (r: FastifyRequest) => PageContext) {
  const back = (request: FastifyRequest, reply: FastifyReply, number: string, kind: 'success' | 'error', text: string) => {
    request.session.flash = { kind, text };
    return reply.redirect(`${ORDERS_PATH}/${number}#zasilka`, 303);
  };
  const attempt = async (request: FastifyRequest<NumberParams>, reply: FastifyReply, work: () => Promise<string>) => {
    try {
      return back(request, reply, request.params.number, 'success', await work());
    } catch (error) {
      if (!isDomainError(error) || error.code === 'not_found') throw error;
      return back(request, reply, request.params.number, 'error', reasonOf(request, error));
    }
  };

  app.post<NumberParams>(`${ORDERS_PATH}/:number/packeta`, (request, reply) =>
    attempt(request, reply, async () => {
      const shipment = await services.createShipment({ number: request.params.number, actor: request.admin!.name });
      return request.t('orders.packeta.created', { tracking: shipment.barcodeText ?? '' });
    }),
  );

  app.post<NumberParams>(`${ORDERS_PATH}/:number/packeta/stav`, (request, reply) =>
    attempt(request, reply, async () => {
      const shipment = await services.checkShipmentStatus({ number: request.params.number });
      return request.t('orders.packeta.statusChecked', { status: shipment?.statusText ?? request.t('orders.packeta.statusUnknown') });
    }),
  );

  app.get<NumberParams & { Querystring: { format?: string } }>(`${ORDERS_PATH}/:number/packeta/stitek.pdf`, async (request, reply) => {
    try {
      const { pdf } = await services.shipmentLabels({ numbers: request.params.number, format: FORMATS[request.query.format ?? ''] ?? '' });
      return reply.header('content-disposition', `inline; filename="stitek-${request.params.number}.pdf"`).header('cache-control', 'private, no-store').type('application/pdf').send(pdf);
    } catch (error) {
      if (!isDomainError(error) || error.code === 'not_found') throw error;
      return back(request, reply, request.params.number, 'error', reasonOf(request, error));
    }
  });

  app.post(`${ORDERS_PATH}/hromadne/packeta`, async (request, reply) => {
    const body = (request.body ?? {}) as FormBody;
    try {
      const outcomes = await services.createShipments({ numbers: body.numbers, actor: request.admin!.name });
      const rows = outcomes.map((o) =>
        o.ok
          ? { number: o.number, ok: true, text: request.t('orders.bulk.parcelCreated', { tracking: o.trackingNumber }) }
          : { number: o.number, ok: false, reason: Object.keys(o.fields).length ? Object.values(o.fields).map((f) => translateField(request.t, f)).join(' ') : request.t(`error.${o.code}` as never, o.params) },
      );
      return reply.type('text/html; charset=utf-8').send(renderDocument(<BulkResult ctx={pageContext(request)} admin={adminFrame(request, reply)} rows={rows} />));
    } catch (error) {
      if (!isDomainError(error)) throw error;
      request.session.flash = { kind: 'error', text: error.fields?.numbers === 'required' ? request.t('orders.bulk.none') : reasonOf(request, error) };
      return reply.redirect(ORDERS_PATH, 303);
    }
  });

  app.post(`${ORDERS_PATH}/hromadne/stitky`, async (request, reply) => {
    const body = (request.body ?? {}) as FormBody;
    try {
      const { pdf, numbers, without } = await services.shipmentLabels({ numbers: body.numbers });
      // Orders without a parcel are named on the next page of the list (a download itself shows no message).
      if (without.length) request.session.flash = { kind: 'error', text: `${translateField(request.t, 'no_parcel_created')} ${without.join(', ')}` };
      const name = numbers.length === 1 ? numbers[0] : `${numbers[0]}-${numbers.length}`;
      return reply.header('content-disposition', `attachment; filename="stitky-${name}.pdf"`).header('cache-control', 'private, no-store').type('application/pdf').send(pdf);
    } catch (error) {
      if (!isDomainError(error)) throw error;
      request.session.flash = { kind: 'error', text: error.fields?.numbers === 'required' ? request.t('orders.bulk.none') : reasonOf(request, error) };
      return reply.redirect(ORDERS_PATH, 303);
    }
  });
}
