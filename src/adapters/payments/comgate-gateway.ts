/**
 * Comgate (payments.comgate.cz, protocol v1.0): `POST /v1.0/create` with prepareOnly=true answers `code=0&message=OK
 * &transId=…&redirect=…`; the push notification carries merchant, test, price, curr, refId, transId, secret, status and
 * is trusted only after `POST /v1.0/status` confirms it; `POST /v1.0/refund` returns money. Every answer is
 * form-encoded with `code` 0 for success.
 */
import { timingSafeEqual } from 'node:crypto';
import { GatewayError, type CardGateway, type GatewayStatus } from '../../services/payments/ports.js';
import { postForm } from './form-post.js';

export type ComgateOptions = { baseUrl: string; merchant: string; secret: string; test: boolean; publicUrl: string; timeoutMs: number };

const STATUSES = new Set<GatewayStatus>(['PENDING', 'PAID', 'CANCELLED', 'AUTHORIZED']);

const sameText = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

export function comgateGateway(options: ComgateOptions): CardGateway {
  const call = async (endpoint: string, fields: Record<string, string>) => {
    const answer = await postForm(`${options.baseUrl}/v1.0/${endpoint}`, { merchant: options.merchant, secret: options.secret, ...fields }, options.timeoutMs);
    const code = answer.get('code');
    if (code !== '0') throw new GatewayError('refused', `Comgate ${endpoint}: ${answer.get('message') ?? 'no message'} (code ${code ?? '?'})`, code);
    return answer;
  };
  // Comgate puts the transaction in for `${id}` and our reference for `${refId}` on the buyer's way back.
  const back = `${options.publicUrl}/platby/navrat?id=\${id}&refId=\${refId}`;
  return {
    provider: 'comgate',
    async create(input) {
      const answer = await call('create', {
        test: String(options.test),
        price: String(input.amount),
        curr: input.currency,
        label: input.label.slice(0, 16),
        refId: input.refId,
        method: 'ALL',
        email: input.email,
        prepareOnly: 'true',
        lang: input.locale,
        country: 'CZ',
        url_paid: back,
        url_cancelled: back,
        url_pending: back,
      });
      const transId = answer.get('transId') ?? '';
      const redirect = answer.get('redirect') ?? '';
      if (!transId || !/^https:\/\/|^http:\/\/(127\.0\.0\.1|localhost)[:/]/.test(redirect)) throw new GatewayError('refused', 'Comgate create: no transId or redirect in the answer');
      return { transId, redirectUrl: redirect };
    },
    verifyNotification(body) {
      const transId = body.transId ?? '';
      const authentic = sameText(body.merchant ?? '', options.merchant) && sameText(body.secret ?? '', options.secret) && (body.test ?? '') === String(options.test);
      return authentic && /^[A-Za-z0-9-]{1,64}$/.test(transId) ? transId : null;
    },
    async status(transId) {
      const answer = await call('status', { transId });
      const status = answer.get('status') as GatewayStatus;
      const price = answer.get('price') ?? '';
      if (!STATUSES.has(status) || !/^\d+$/.test(price)) throw new GatewayError('refused', 'Comgate status: an answer without status or price');
      return { transId: answer.get('transId') ?? '', refId: answer.get('refId') ?? '', status, amount: Number(price), currency: answer.get('curr') ?? '' };
    },
    async refund(input) {
      await call('refund', { transId: input.transId, amount: String(input.amount), curr: input.currency, test: String(options.test), refId: input.refId });
    },
  };
}
