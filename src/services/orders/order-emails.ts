/** The emails a new order queues (in its own transaction): the confirmation with the PDF, and the owner's notification. */
import { clampFirstLine } from '../../domain/orders/automatic-notes.js';
import { documentFilename } from '../../domain/documents/order-document.js';
import { formatMoney } from '../../domain/money/money.js';
import { renderTemplate, type TemplateKey } from '../../domain/settings/email-templates.js';
import type { Settings } from '../../domain/settings/settings.js';
import type { Clock, OutboxRepo, Tx } from '../ports.js';
import { queueEmails, type EmailToQueue } from '../mail/queue-email.js';
import { ownerNotificationAddress, senderAddress } from '../settings/sender-address.js';
import { orderUrl } from './order-links.js';
import type { Order } from './ports.js';

export type OrderEmailDeps = { outbox: OutboxRepo; clock: Clock; publicUrl: string };

const DATE = { cs: new Intl.DateTimeFormat('cs-CZ', { timeZone: 'Europe/Prague', dateStyle: 'medium' }), en: new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Prague', dateStyle: 'medium' }) };

export function orderTemplateValues(order: Order, settings: Settings, publicUrl: string, locale: 'cs' | 'en') {
  return {
    shopName: settings.shop.name,
    orderNumber: order.number,
    orderDate: DATE[locale].format(new Date(order.createdAt)),
    customerName: order.name,
    customerEmail: order.email,
    total: formatMoney(order.total, locale),
    itemCount: order.itemCount,
    paymentMethod: order.payment.name,
    shippingMethod: order.shipping.name,
    orderUrl: orderUrl(publicUrl, order),
    adminUrl: `${publicUrl}/admin/objednavky/${order.number}`,
    note: order.note ?? '',
  };
}

function render(settings: Settings, key: TemplateKey, locale: 'cs' | 'en', values: Record<string, string | number>) {
  return renderTemplate(settings.emails.templates[key][locale], values);
}

/** Returns what was queued, in words for the order's timeline. */
export async function queueNewOrderEmails(deps: OrderEmailDeps, tx: Tx, order: Order, settings: Settings): Promise<string[]> {
  const queued: string[] = [];
  const emails: EmailToQueue[] = [];
  const from = senderAddress(settings);
  if (settings.emails.onNew) {
    const mail = render(settings, 'order_accepted', order.locale, orderTemplateValues(order, settings, deps.publicUrl, order.locale));
    emails.push({
      kind: 'order_accepted',
      orderId: order.id,
      to: order.email,
      from,
      ...mail,
      attachments: [{ kind: 'order_pdf', orderNumber: order.number, filename: documentFilename(order.locale, order.number) }],
    });
    queued.push(`potvrzení objednávky → ${order.email}`);
  }
  const owner = ownerNotificationAddress(settings);
  if (owner) {
    const mail = render(settings, 'owner_new_order', 'cs', orderTemplateValues(order, settings, deps.publicUrl, 'cs'));
    emails.push({
      kind: 'owner_new_order',
      orderId: order.id,
      to: owner,
      from,
      subject: mail.subject,
      text: clampFirstLine(mail.text),
      html: mail.html,
      attachments: [{ kind: 'order_pdf', orderNumber: order.number, filename: documentFilename('cs', order.number) }],
    });
    queued.push(`upozornění pro obchod → ${owner}`);
  }
  await queueEmails(deps, tx, emails); // one insert for both
  return queued;
}
