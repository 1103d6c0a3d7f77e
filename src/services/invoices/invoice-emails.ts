/** The customer's email with an invoice or credit note attached (rendered by the worker), and the tokenised download link. */
import { formatMoney } from '../../domain/money/money.js';
import { documentFilename, documentTitle } from '../../domain/invoices/document-titles.js';
import type { Invoice } from '../../domain/invoices/invoice.js';
import { renderTemplate } from '../../domain/settings/email-templates.js';
import type { Settings } from '../../domain/settings/settings.js';
import type { Clock, OutboxRepo, Tx } from '../ports.js';
import { queueEmail } from '../mail/queue-email.js';
import { senderAddress } from '../settings/sender-address.js';
import type { Order } from '../orders/ports.js';

/** The document's PDF behind the order's own token: works without signing in, for this order's documents only. */
export const invoiceDocumentUrl = (publicUrl: string, order: Pick<Order, 'number' | 'accessToken'>, invoiceId: number) => `${publicUrl}/objednavka/${order.number}/doklady/${invoiceId}.pdf?t=${order.accessToken}`;

/** Queues the email in `tx`; returns "subject → address" for the order's timeline. */
export async function queueDocumentEmail(deps: { outbox: OutboxRepo; clock: Clock; publicUrl: string }, tx: Tx, input: { invoice: Invoice; order: Order; settings: Settings; original?: Invoice }): Promise<string> {
  const { invoice, order, settings } = input;
  const locale = invoice.locale;
  const key = invoice.kind === 'credit_note' ? 'credit_note_issued' : 'invoice_issued';
  const mail = renderTemplate(settings.emails.templates[key][locale], {
    shopName: settings.shop.name,
    orderNumber: order.number,
    customerName: order.name,
    documentNumber: invoice.number,
    documentTitle: documentTitle(invoice, locale),
    invoiceNumber: input.original?.number ?? '',
    total: formatMoney(invoice.total, locale),
    reason: invoice.reason ?? '',
    documentUrl: invoiceDocumentUrl(deps.publicUrl, order, invoice.id),
  });
  // Every email names its order in the subject, whatever the owner made of the template.
  const subject = mail.subject.includes(order.number) ? mail.subject : `${mail.subject} (${locale === 'en' ? 'order' : 'objednávka'} ${order.number})`;
  await queueEmail(deps, tx, {
    kind: 'invoice',
    orderId: order.id,
    to: order.email,
    from: senderAddress(settings),
    subject,
    text: mail.text,
    html: mail.html,
    attachments: [{ kind: 'invoice_pdf', invoiceId: invoice.id, filename: documentFilename(invoice, locale, 'pdf') }],
  });
  return `${subject} → ${order.email}`;
}
