/**
 * The emails a new order queues (in its own transaction): the confirmation — the owner's template with the order
 * itself under it in HTML and text, the PDF and, for a bank transfer, the QR Platba image — and the owner's notification.
 */
import { clampFirstLine } from '../../domain/orders/automatic-notes.js';
import { documentFilename } from '../../domain/documents/order-document.js';
import { documentSpayd } from '../../domain/documents/order-payment.js';
import { orderAcceptedEmail } from '../../domain/mail/order-accepted-email.js';
import { formatMoney } from '../../domain/money/money.js';
import { renderTemplate, type TemplateKey } from '../../domain/settings/email-templates.js';
import type { Settings } from '../../domain/settings/settings.js';
import type { Clock, OutboxRepo, Tx } from '../ports.js';
import { queueEmails, type EmailToQueue } from '../mail/queue-email.js';
import { ownerNotificationAddress, senderAddress } from '../settings/sender-address.js';
import { orderUrl } from './order-links.js';
import { buildOrderDocument } from './build-order-document.js';
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
    const intro = render(settings, 'order_accepted', order.locale, orderTemplateValues(order, settings, deps.publicUrl, order.locale));
    const doc = buildOrderDocument(order, settings, { logo: null, stamp: null });
    // The QR text is kept with the email, so the image the worker draws matches the account and amount in its text.
    const spayd = documentSpayd(doc);
    const qr = spayd ? { kind: 'qr_png' as const, text: spayd, filename: `qr-platba-${order.number}.png`, cid: `qr-platba-${order.number}@kramek` } : null;
    emails.push({
      kind: 'order_accepted',
      orderId: order.id,
      to: order.email,
      from,
      ...orderAcceptedEmail(doc, intro, { qrCid: qr?.cid ?? null }),
      attachments: [{ kind: 'order_pdf', orderNumber: order.number, filename: documentFilename(order.locale, order.number) }, ...(qr ? [qr] : [])],
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
