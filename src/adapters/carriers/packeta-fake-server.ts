/**
 * A stand-in for Packeta's API on this machine, for tests and the demo shop: the same REST/XML requests and answers
 * (createPacket, packetLabelPdf, packetsLabelsPdf, packetStatus, their faults) and the v4 branch feed, with no network.
 * It checks the API password and the packet attributes as Packeta does, remembers packets, draws real label PDFs and
 * can be told to fail (down, timing out, faulting) to test what the shop does then.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { child, parseXml, text, xmlDocument, type XmlObject } from './packeta-xml.js';
import { demoBranches } from './packeta-demo-branches.js';
import { demoLabelsPdf } from './packeta-demo-labels.js';

/** The demo account's API password (its first 16 characters are the API key). */
export const DEMO_PACKETA_PASSWORD = 'kramekdemo0packeta0000000000000d';

const CODE_TEXTS: Record<number, string> = { 1: 'received data', 2: 'arrived', 3: 'prepared for departure', 4: 'departed', 5: 'ready for pickup', 6: 'handed to carrier', 7: 'delivered', 9: 'posted back', 10: 'returned', 11: 'cancelled' };
const STATUS_TEXTS: Record<number, string> = { 1: 'Zásilka byla zaevidována', 2: 'Zásilka dorazila na depo', 3: 'Zásilka se připravuje k odeslání', 4: 'Zásilka je na cestě', 5: 'Zásilka je připravena k vyzvednutí', 6: 'Zásilka byla předána dopravci', 7: 'Zásilka byla doručena', 9: 'Zásilka se vrací odesílateli', 10: 'Zásilka byla vrácena odesílateli', 11: 'Zásilka byla stornována' };
const LABEL_FORMATS = ['A6 on A6', 'A6 on A4', 'A7 on A4', 'A7 on A7', 'A8 on A8', '105x35mm on A4'];

export type FakePacket = { id: string; barcode: string; barcodeText: string; attributes: Record<string, string>; statusCode: number; createdAt: number };
export type FakeFailure = { kind: 'down' } | { kind: 'timeout' } | { kind: 'fault'; fault: string; message: string };

export type FakePacketa = {
  url: string;
  apiUrl: string;
  feedBase: string;
  password: string;
  packets: Map<string, FakePacket>;
  /** Every REST call received, by method name (the branch feed counts as `branch.json`). */
  calls: string[];
  /** Makes every following request fail this way (null: answer normally again). */
  fail(failure: FakeFailure | null): void;
  setStatus(packetId: string, code: number): void;
  close(): Promise<void>;
};

export type FakePacketaOptions = { password?: string; port?: number; /** Statuses move on by themselves, one step per interval (the demo). */ advanceEveryMs?: number };

const fault = (name: string, message: string, attributes: [string, string][] = []) =>
  xmlDocument('response', {
    status: 'fault',
    fault: name,
    string: message,
    ...(attributes.length ? { detail: { attributes: { fault: attributes.map(([n, f]) => ({ name: n, fault: f })) } } } : {}),
  });
const ok = (result: XmlObject | string) => xmlDocument('response', { status: 'ok', result });

export async function startFakePacketa(options: FakePacketaOptions = {}): Promise<FakePacketa> {
  const password = options.password ?? DEMO_PACKETA_PASSWORD;
  const branches = demoBranches();
  const packets = new Map<string, FakePacket>();
  const calls: string[] = [];
  let failure: FakeFailure | null = null;
  let next = 2_000_000_001;
  const held = new Set<ServerResponse>();

  const statusOf = (p: FakePacket) => {
    if (!options.advanceEveryMs || p.statusCode !== 1) return p.statusCode;
    const steps = [1, 2, 3, 4, 5, 7];
    return steps[Math.min(steps.length - 1, Math.floor((Date.now() - p.createdAt) / options.advanceEveryMs))]!;
  };

  const createPacket = (attrs: Record<string, string>) => {
    const problems: [string, string][] = [];
    const decimalOk = (v: string) => /^-?\d{1,8}(\.\d{1,8})?$/.test(v);
    if (!/^[A-Za-z0-9_-]{1,36}$/.test(attrs.number ?? '')) problems.push(['number', 'Must be 1-36 letters or digits.']);
    for (const field of ['name', 'surname']) if (!attrs[field] || attrs[field]!.length > 32) problems.push([field, 'Must be 1-32 characters long.']);
    if (!attrs.email && !attrs.phone) problems.push(['email', 'Email or phone is required.']);
    if (attrs.email && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(attrs.email)) problems.push(['email', 'Invalid email address.']);
    if (attrs.phone && !/^\+?\d[\d ]{7,15}$/.test(attrs.phone)) problems.push(['phone', 'Invalid phone number.']);
    if (!branches[attrs.addressId ?? '']) problems.push(['addressId', 'Unknown address id']);
    if (!decimalOk(attrs.value ?? '') || Number(attrs.value) <= 0) problems.push(['value', 'Must be a positive decimal number.']);
    if (!decimalOk(attrs.weight ?? '') || Number(attrs.weight) <= 0) problems.push(['weight', 'Must be a positive decimal number.']);
    else if (Number(attrs.weight) > Number(branches[attrs.addressId ?? '']?.maxWeight ?? 15)) problems.push(['weight', 'Exceeds the maximum weight of the pickup point.']);
    if (attrs.currency && !['CZK', 'EUR', 'HUF', 'PLN', 'RON'].includes(attrs.currency)) problems.push(['currency', 'Unknown currency.']);
    if (attrs.cod !== undefined && (!decimalOk(attrs.cod) || Number(attrs.cod) < 0)) problems.push(['cod', 'Must be a non-negative decimal number.']);
    else if (attrs.cod !== undefined && (attrs.currency ?? 'CZK') === 'CZK' && !Number.isInteger(Number(attrs.cod))) problems.push(['cod', 'COD in CZK must be a whole number.']);
    if (problems.length) return fault('PacketAttributesFault', 'Packet attributes are invalid.', problems);
    const id = String(next++);
    const packet = { id, barcode: `Z${id}`, barcodeText: `Z ${id.slice(0, 3)} ${id.slice(3, 7)} ${id.slice(7)}`, attributes: attrs, statusCode: 1, createdAt: Date.now() };
    packets.set(id, packet);
    return ok({ id, barcode: packet.barcode, barcodeText: packet.barcodeText });
  };

  const labels = async (ids: string[], format: string, offset: string) => {
    const missing = ids.filter((id) => !packets.has(id));
    if (ids.length === 0 || missing.length) return fault('PacketIdFault', `Packet ${missing.join(', ') || '?'} not found.`);
    if (!LABEL_FORMATS.includes(format)) return fault('InvalidLabelFormatFault', `Label format "${format}" is not supported.`);
    const perSheet = format === 'A6 on A4' ? 4 : 1;
    if (!/^\d+$/.test(offset) || Number(offset) >= perSheet) return fault('InvalidArgumentFault', `Offset must be from 0 to ${perSheet - 1}.`);
    const pdf = await demoLabelsPdf(
      ids.map((id) => {
        const p = packets.get(id)!;
        const branch = branches[p.attributes.addressId!]!;
        return { barcode: p.barcode, barcodeText: p.barcodeText, number: p.attributes.number!, recipient: `${p.attributes.name} ${p.attributes.surname}`, point: `${branch.place}, ${branch.city}`, cod: p.attributes.cod && Number(p.attributes.cod) > 0 ? p.attributes.cod : null, currency: p.attributes.currency ?? 'CZK', sender: p.attributes.eshop ?? '' };
      }),
      format,
      Number(offset),
    );
    return ok(pdf.toString('base64'));
  };

  const rest = async (body: string) => {
    const xml = parseXml(body);
    const method = xml ? Object.keys(xml)[0] : undefined;
    const request = method ? (xml![method] as XmlObject) : undefined;
    if (!method || !request || typeof request !== 'object') return fault('IncorrectDataFault', 'Request is not a valid XML document.');
    calls.push(method);
    if (text(child(request, 'apiPassword')) !== password) return fault('IncorrectApiPasswordFault', 'Incorrect API password.');
    const packetId = text(child(request, 'packetId'));
    switch (method) {
      case 'createPacket': {
        const attrs = child(request, 'packetAttributes');
        const flat = Object.fromEntries(Object.entries(attrs && typeof attrs === 'object' ? attrs : {}).map(([k, v]) => [k, text(v as string)]));
        return createPacket(flat);
      }
      case 'packetLabelPdf':
        return labels([packetId], text(child(request, 'format')), text(child(request, 'offset')) || '0');
      case 'packetsLabelsPdf': {
        const ids = child(child(request, 'packetIds'), 'id');
        return labels((Array.isArray(ids) ? ids : []).map((id) => text(id)), text(child(request, 'format')), text(child(request, 'offset')) || '0');
      }
      case 'packetStatus': {
        const packet = packets.get(packetId);
        if (!packet) return fault('PacketIdFault', `Packet ${packetId} not found.`);
        const code = statusOf(packet);
        return ok({
          dateTime: new Date().toISOString().slice(0, 19),
          statusCode: String(code),
          codeText: CODE_TEXTS[code]!,
          statusText: STATUS_TEXTS[code]!,
          branchId: packet.attributes.addressId!,
          destinationBranchId: packet.attributes.addressId!,
          externalTrackingCode: '',
          isReturning: String(code === 9 || code === 10),
          storedUntil: '',
        });
      }
      default:
        return fault('IncorrectDataFault', `Unknown method ${method}.`);
    }
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    if (failure?.kind === 'timeout') {
      held.add(res); // never answered: the client's own timeout has to end it
      res.on('close', () => held.delete(res));
      return;
    }
    if (failure?.kind === 'down') {
      res.writeHead(503, { 'content-type': 'text/html' }).end('<h1>503 Service Unavailable</h1>');
      return;
    }
    const url = new URL(req.url ?? '/', 'http://localhost');
    const feed = /^\/api\/v4\/([^/]+)\/branch\.json$/.exec(url.pathname);
    if (req.method === 'GET' && feed) {
      calls.push('branch.json');
      if (feed[1] !== password.slice(0, 16)) return res.writeHead(401, { 'content-type': 'text/plain' }).end('invalid API key');
      return res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify({ data: branches }));
    }
    if (req.method !== 'POST' || url.pathname !== '/api/rest') return res.writeHead(404).end();
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const answer = failure?.kind === 'fault' ? fault(failure.fault, failure.message) : await rest(Buffer.concat(chunks).toString('utf8'));
    res.writeHead(200, { 'content-type': 'text/xml; charset=utf-8' }).end(answer);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => res.writeHead(500).end());
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    apiUrl: `${url}/api/rest`,
    feedBase: `${url}/api/v4`,
    password,
    packets,
    calls,
    fail: (f) => (failure = f),
    setStatus(packetId, code) {
      const packet = packets.get(packetId);
      if (!packet || !STATUS_TEXTS[code]) throw new Error(`no packet ${packetId} or status ${code}`);
      packet.statusCode = code;
    },
    async close() {
      for (const res of held) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
