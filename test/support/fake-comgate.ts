/**
 * A faithful stand-in for Comgate's protocol v1.0 on a loopback port: `POST /v1.0/create` (prepareOnly) answering
 * `code=0&message=OK&transId=…&redirect=…`, `POST /v1.0/status`, `POST /v1.0/refund`, form-encoded both ways, the
 * error codes of the real gateway (1301 unknown shop, 1400 wrong query, 1401 refund of an unpaid payment, 1402 refund
 * higher than allowed), and the push notification it POSTs to the shop. It can be told to be down or to hang.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';

type Payment = { transId: string; fields: Record<string, string>; status: 'PENDING' | 'PAID' | 'CANCELLED'; refunds: { amount: number; refId: string }[] };

export type FakeComgate = {
  url: string;
  calls: { endpoint: string; fields: Record<string, string> }[];
  payments: Map<string, Payment>;
  mode: 'up' | 'down' | 'hang';
  /** The buyer paid (or cancelled) on the gateway: the state changes and the notification goes to `notifyUrl`. */
  finish(transId: string, status: 'PAID' | 'CANCELLED'): Promise<{ status: number; body: string }>;
  notificationOf(transId: string): Record<string, string>;
  close(): Promise<void>;
};

const readForm = async (request: IncomingMessage) => {
  let body = '';
  for await (const chunk of request) body += chunk;
  return Object.fromEntries(new URLSearchParams(body));
};

export async function startFakeComgate(options: { merchant: string; secret: string; notifyUrl: () => string }): Promise<FakeComgate> {
  const payments = new Map<string, Payment>();
  const calls: FakeComgate['calls'] = [];
  const hanging = new Set<() => void>();
  const server: Server = createServer(async (request, response) => {
    const fields = await readForm(request);
    const endpoint = /^\/v1\.0\/(create|status|refund)$/.exec(request.url ?? '')?.[1];
    calls.push({ endpoint: endpoint ?? request.url ?? '', fields });
    if (fake.mode === 'hang') return hanging.add(() => response.destroy());
    if (fake.mode === 'down') return response.writeHead(503).end('Service Unavailable');
    const answer = (values: Record<string, string>) => {
      response.writeHead(200, { 'content-type': 'application/x-www-form-urlencoded; charset=UTF-8' });
      response.end(new URLSearchParams(values).toString());
    };
    if (request.method !== 'POST' || !endpoint) return answer({ code: '1400', message: 'Chybný dotaz' });
    if (fields.merchant !== options.merchant || fields.secret !== options.secret) return answer({ code: '1301', message: 'Neznámý e-shop' });
    if (endpoint === 'create') {
      const required = ['price', 'curr', 'label', 'refId', 'method', 'email'];
      if (required.some((k) => !fields[k]) || fields.prepareOnly !== 'true') return answer({ code: '1400', message: 'Chybný dotaz' });
      if (!/^\d+$/.test(fields.price!) || Number(fields.price) < 100) return answer({ code: '1107', message: 'Cena není podporována' });
      const transId = `${randomBytes(2).toString('hex')}-${randomBytes(2).toString('hex')}-${randomBytes(2).toString('hex')}`.toUpperCase();
      payments.set(transId, { transId, fields, status: 'PENDING', refunds: [] });
      return answer({ code: '0', message: 'OK', transId, redirect: `https://payments.comgate.cz/client/instructions/index?id=${transId}` });
    }
    const payment = payments.get(fields.transId ?? '');
    if (!payment) return answer({ code: '1400', message: 'Chybný dotaz' });
    if (endpoint === 'status') return answer({ code: '0', message: 'OK', ...statusFields(payment), secret: options.secret });
    const amount = Number(fields.amount);
    if (payment.status !== 'PAID') return answer({ code: '1401', message: 'Platba je ve stavu CANCELLED' });
    const refunded = payment.refunds.reduce((s, r) => s + r.amount, 0);
    if (!Number.isInteger(amount) || amount <= 0 || refunded + amount > Number(payment.fields.price)) return answer({ code: '1402', message: 'Vracená částka je vyšší než povolená' });
    payment.refunds.push({ amount, refId: fields.refId ?? '' });
    return answer({ code: '0', message: 'OK' });
  });
  const statusFields = (p: Payment) => ({
    merchant: options.merchant,
    test: p.fields.test ?? 'false',
    price: p.fields.price!,
    curr: p.fields.curr!,
    label: p.fields.label!,
    refId: p.fields.refId!,
    method: 'CARD_CZ_CSOB_2',
    email: p.fields.email!,
    transId: p.transId,
    status: p.status,
    fee: 'unknown',
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const fake: FakeComgate = {
    url: `http://127.0.0.1:${port}`,
    calls,
    payments,
    mode: 'up',
    notificationOf: (transId) => ({ ...statusFields(payments.get(transId)!), secret: options.secret }),
    async finish(transId, status) {
      payments.get(transId)!.status = status;
      const response = await fetch(options.notifyUrl(), { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fake.notificationOf(transId)).toString() });
      return { status: response.status, body: await response.text() };
    },
    close: () =>
      new Promise((resolve) => {
        hanging.forEach((end) => end());
        server.close(() => resolve());
      }),
  };
  return fake;
}
