/**
 * The test card gateway ("Testovací platební brána") for demos and tests, behaving like a real one: a payment is
 * created with a transaction id and a page to pay on, the outcome is announced by a server-to-server notification
 * signed with the shop's secret (HMAC-SHA256 in `x-signature`), the status can be asked, and a refund with the same
 * reference is made once. It keeps its payments in this process's memory: for one demo or test process only.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { GatewayError, type CardGateway, type GatewayStatus } from '../../services/payments/ports.js';

export type FakePayment = { transId: string; refId: string; amount: number; currency: string; label: string; status: GatewayStatus; refunded: Map<string, number> };

/** The gateway's side: its payments, shared by the shop's client and the page where the buyer pays. */
const payments = new Map<string, FakePayment>();

export const fakeGatewayPayment = (transId: string) => payments.get(transId) ?? null;

/** The canonical text a notification's signature covers: its fields sorted by name. */
export function signedText(body: Record<string, string>): string {
  return Object.keys(body)
    .filter((k) => k !== 'signature')
    .sort()
    .map((k) => `${k}=${body[k]}`)
    .join('&');
}

export const signNotification = (body: Record<string, string>, secret: string) => createHmac('sha256', secret).update(signedText(body)).digest('hex');

/** The buyer paid or gave up on the page: the payment's new state and the signed notification to deliver. */
export function decideFakePayment(transId: string, outcome: 'PAID' | 'CANCELLED', secret: string): { body: Record<string, string>; signature: string } | null {
  const payment = payments.get(transId);
  if (!payment || payment.status !== 'PENDING') return null;
  payment.status = outcome;
  const body = { transId, refId: payment.refId, price: String(payment.amount), curr: payment.currency, status: outcome, nonce: randomBytes(8).toString('hex') };
  return { body, signature: signNotification(body, secret) };
}

export function fakeGateway(options: { secret: string; publicUrl: string }): CardGateway {
  return {
    provider: 'fake',
    async create(input) {
      if (input.amount <= 0) throw new GatewayError('refused', 'amount must be positive', '1309');
      const transId = `TEST-${randomBytes(6).toString('hex').toUpperCase()}`;
      payments.set(transId, { transId, refId: input.refId, amount: input.amount, currency: input.currency, label: input.label, status: 'PENDING', refunded: new Map() });
      return { transId, redirectUrl: `${options.publicUrl}/platby/testovaci-brana/${transId}` };
    },
    verifyNotification(body, headers) {
      const given = Buffer.from(headers['x-signature'] ?? '', 'hex');
      const expected = Buffer.from(signNotification(body, options.secret), 'hex');
      return given.length === expected.length && timingSafeEqual(given, expected) && body.transId ? body.transId : null;
    },
    async status(transId) {
      const payment = payments.get(transId);
      if (!payment) throw new GatewayError('refused', 'unknown payment', '1400');
      return { transId, refId: payment.refId, status: payment.status, amount: payment.amount, currency: payment.currency };
    },
    async refund(input) {
      const payment = payments.get(input.transId);
      if (!payment || payment.status !== 'PAID') throw new GatewayError('refused', 'only a paid payment can be refunded', '1401');
      if (payment.refunded.has(input.refId)) return; // the same refund asked again: made once
      const already = [...payment.refunded.values()].reduce((a, b) => a + b, 0);
      if (already + input.amount > payment.amount) throw new GatewayError('refused', 'refund higher than allowed', '1402');
      payment.refunded.set(input.refId, input.amount);
    },
  };
}
