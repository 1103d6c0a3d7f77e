/**
 * A credit note on an order paid by card refunds the money through the gateway, once: the refund row is written in
 * the credit note's transaction (one per credit note — the idempotency key), and the gateway is called after commit
 * by whoever claims the row first. A call whose outcome is unknown (timeout) is not repeated: the owner checks it.
 */
import { formatMoney } from '../../domain/money/money.js';
import type { Invoice } from '../../domain/invoices/invoice.js';
import type { Tx } from '../ports.js';
import type { CardDeps } from './card-payments.js';
import { configuredGateway } from './card-payments.js';
import { GatewayError, type PaymentRepo } from './ports.js';

/** Inside the credit note's transaction: a pending refund when the order was paid by card. Returns its id. */
export async function recordCardRefund(deps: { payments: PaymentRepo }, tx: Tx, creditNote: Invoice, at: Date): Promise<number | null> {
  const paid = (await deps.payments.cardPaymentsOf(tx, creditNote.orderId)).find((p) => p.status === 'paid');
  if (!paid || creditNote.total >= 0) return null;
  return deps.payments.insertRefund(tx, { creditNoteId: creditNote.id, cardPaymentId: paid.id, amount: -creditNote.total, currency: creditNote.currency, at });
}

/** Calls the gateway for one pending refund (if this process gets it) and writes the outcome on the timeline. */
export async function sendCardRefund(deps: CardDeps, refundId: number): Promise<'done' | 'failed' | 'skipped'> {
  const refund = await deps.payments.claimRefund(refundId);
  if (!refund) return 'skipped';
  const gateway = await configuredGateway(deps);
  const payment = (await deps.payments.cardPaymentsOfRefund(refund.id))!;
  const now = () => deps.clock.now();
  let outcome: 'done' | 'failed' = 'done';
  let error: string | null = null;
  if (!gateway || gateway.provider !== payment.provider) {
    outcome = 'failed';
    error = 'the card gateway of this payment is no longer set up';
  } else {
    try {
      await gateway.refund({ transId: payment.transId, amount: refund.amount, currency: refund.currency, refId: `refund-${refund.creditNoteId}` });
    } catch (e) {
      if (!(e instanceof GatewayError)) throw e;
      outcome = 'failed';
      error = e.message;
    }
  }
  await deps.payments.finishRefund(refund.id, { status: outcome, error, at: now() });
  const text =
    outcome === 'done'
      ? `Vráceno na kartu ${formatMoney(refund.amount)} (${payment.transId})`
      : `Vrácení ${formatMoney(refund.amount)} na kartu se nepodařilo: ${error ?? ''} – ověřte je v portálu platební brány`;
  await deps.orders.addEvents(null, payment.orderId, [{ kind: 'payment', actor: 'platební brána', internal: outcome === 'failed', text, at: now() }]);
  return outcome;
}

/** Refunds written but never sent (the process stopped between commit and call): the worker sends them. */
export async function sendPendingRefunds(deps: CardDeps): Promise<number> {
  let sent = 0;
  for (const refund of await deps.payments.pendingRefunds(20)) if ((await sendCardRefund(deps, refund.id)) !== 'skipped') sent++;
  return sent;
}
