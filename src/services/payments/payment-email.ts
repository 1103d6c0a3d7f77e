/** The customer's "payment received" email (template `payment_received`), queued in the payment's own transaction. */
import { formatMoney } from '../../domain/money/money.js';
import { renderTemplate } from '../../domain/settings/email-templates.js';
import type { Settings } from '../../domain/settings/settings.js';
import { queueEmail } from '../mail/queue-email.js';
import type { Order } from '../orders/ports.js';
import { orderUrl } from '../orders/order-links.js';
import type { Clock, OutboxRepo, Tx } from '../ports.js';
import { senderAddress } from '../settings/sender-address.js';

/** Queues the email when Configuration asks for it; returns whether it did. */
export async function queuePaymentEmail(deps: { outbox: OutboxRepo; clock: Clock; publicUrl: string }, tx: Tx, order: Order, settings: Settings, amount: number): Promise<boolean> {
  if (!settings.payments.notifyCustomer) return false;
  const locale = order.locale;
  const rendered = renderTemplate(settings.emails.templates.payment_received[locale], {
    shopName: settings.shop.name,
    orderNumber: order.number,
    customerName: order.name,
    total: formatMoney(order.total, locale),
    amount: formatMoney(amount, locale),
    paymentMethod: order.payment.name,
    orderUrl: orderUrl(deps.publicUrl, order),
  });
  // Every email names its order in the subject, whatever the template says.
  const subject = rendered.subject.includes(order.number) ? rendered.subject : `${rendered.subject} (${order.number})`;
  await queueEmail(deps, tx, { kind: 'payment', orderId: order.id, to: order.email, from: senderAddress(settings), subject, text: rendered.text, html: rendered.html });
  return true;
}
