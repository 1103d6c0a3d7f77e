/** Builds the card gateway Configuration asks for: Comgate (test or live), the test gateway, or none. */
import type { CardGateways } from '../../services/payments/ports.js';
import { comgateGateway } from './comgate-gateway.js';
import { fakeGateway } from './fake-gateway.js';

export const COMGATE_URL = 'https://payments.comgate.cz';

export function cardGateways(options: { comgateUrl: string; publicUrl: string; timeoutMs: number }): CardGateways {
  return (card) => {
    if (card.provider === 'comgate' && card.merchant && card.secret) return comgateGateway({ baseUrl: options.comgateUrl, merchant: card.merchant, secret: card.secret, test: card.test, publicUrl: options.publicUrl, timeoutMs: options.timeoutMs });
    if (card.provider === 'fake' && card.secret) return fakeGateway({ secret: card.secret, publicUrl: options.publicUrl });
    return null;
  };
}
