/**
 * Packeta's API for one account: packets (createPacket), labels (packetLabelPdf, packetsLabelsPdf), statuses
 * (packetStatus) over the REST/XML endpoint, and pickup points from the v4 branch feed. Every failure becomes a
 * CarrierError carrying Packeta's own message, so the owner reads what Packeta said.
 */
import { CarrierError, type CarrierClient, type ShipmentRequest } from '../../services/shipping/ports.js';
import type { PacketaLabelFormat } from '../../domain/settings/carrier-settings.js';
import { child, decimal, kilograms, parseXml, text, xmlDocument, type XmlObject } from './packeta-xml.js';

export type PacketaEndpoint = { apiUrl: string; feedBase: string; apiPassword: string };

export type PacketaClientOptions = {
  /** Where and with which password; a function, so the demo server can start on first use. */
  endpoint: () => Promise<PacketaEndpoint>;
  demo: boolean;
  timeoutMs: number;
  feedTimeoutMs?: number;
};

/** Packeta's codes: 7 delivered (final), 10 returned, 11 cancelled. */
const DELIVERED = 7;

export function packetaClient(options: PacketaClientOptions): CarrierClient {
  const call = async (method: string, body: XmlObject): Promise<XmlObject | string> => {
    const endpoint = await options.endpoint();
    let response: Response;
    try {
      response = await fetch(endpoint.apiUrl, {
        method: 'POST',
        headers: { 'content-type': 'text/xml; charset=utf-8' },
        body: xmlDocument(method, { apiPassword: endpoint.apiPassword, ...body }),
        signal: AbortSignal.timeout(options.timeoutMs),
      });
    } catch (error) {
      const timedOut = (error as Error).name === 'TimeoutError';
      throw new CarrierError('unavailable', timedOut ? `Packeta did not answer within ${Math.round(options.timeoutMs / 1000)} s` : `Packeta is not reachable (${(error as Error).message})`, null, { cause: error });
    }
    const raw = await response.text().catch(() => '');
    const xml = response.ok ? parseXml(raw) : null;
    const answer = child(xml ?? undefined, 'response');
    if (!answer) throw new CarrierError('unavailable', `Packeta answered HTTP ${response.status} without a readable answer`);
    if (text(child(answer, 'status')) === 'ok') return child(answer, 'result') as XmlObject | string;
    const fault = text(child(answer, 'fault')) || 'Fault';
    const details = child(child(child(answer, 'detail'), 'attributes'), 'fault');
    const fields = Array.isArray(details) ? details.map((f) => `${text(child(f, 'name'))}: ${text(child(f, 'fault'))}`) : [];
    const message = [text(child(answer, 'string')) || fault, ...fields].join('; ');
    throw new CarrierError('rejected', message, fault);
  };

  const pdf = (result: XmlObject | string) => {
    const bytes = Buffer.from(text(result as string), 'base64');
    if (bytes.subarray(0, 5).toString() !== '%PDF-') throw new CarrierError('unavailable', 'Packeta answered a label that is not a PDF');
    return bytes;
  };

  return {
    carrier: 'zasilkovna',
    demo: options.demo,

    async createShipment(request: ShipmentRequest) {
      const attributes: XmlObject = {
        number: request.orderNumber,
        name: request.firstName,
        surname: request.lastName,
        company: request.company ?? undefined,
        email: request.email,
        phone: request.phone ?? undefined,
        addressId: request.pickupPointId,
        cod: request.cod > 0 ? decimal(request.cod) : undefined,
        value: decimal(request.value),
        currency: request.currency,
        weight: kilograms(request.weightGrams),
        eshop: request.sender || undefined,
      };
      const result = await call('createPacket', { packetAttributes: attributes });
      const id = text(child(result, 'id'));
      if (!/^\d+$/.test(id)) throw new CarrierError('unavailable', 'Packeta answered without a packet id');
      return { shipmentId: id, trackingNumber: text(child(result, 'barcode')) || `Z${id}`, barcodeText: text(child(result, 'barcodeText')) || `Z${id}` };
    },

    async labels(shipmentIds: string[], format: PacketaLabelFormat, offset: number) {
      if (shipmentIds.length === 1) return pdf(await call('packetLabelPdf', { packetId: shipmentIds[0], format, offset: String(offset) }));
      return pdf(await call('packetsLabelsPdf', { packetIds: { id: shipmentIds }, format, offset: String(offset) }));
    },

    async status(shipmentId: string) {
      const result = await call('packetStatus', { packetId: shipmentId });
      const code = Number(text(child(result, 'statusCode')));
      if (!Number.isInteger(code)) throw new CarrierError('unavailable', 'Packeta answered a status without a code');
      return { code, text: text(child(result, 'statusText')) || text(child(result, 'codeText')), delivered: code === DELIVERED };
    },

    async *pickupPoints() {
      const endpoint = await options.endpoint();
      const apiKey = endpoint.apiPassword.slice(0, 16);
      // The streaming JSON reader is loaded for the daily refresh only, not with every server's start.
      const { readBranchFeed } = await import('./packeta-feed.js');
      yield* readBranchFeed(`${endpoint.feedBase}/${apiKey}/branch.json?lang=cs`, options.feedTimeoutMs ?? 120_000);
    },
  };
}
