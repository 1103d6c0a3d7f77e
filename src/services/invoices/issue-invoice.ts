/**
 * Issues an order's invoice inside a transaction: the order is locked, the number drawn from its series in the same
 * transaction (gap-free), the content frozen, the customer's email queued and the timeline told — all in one commit.
 * Automatic issuing (on payment, on shipping) is idempotent: an order keeps at most one invoice that is not fully
 * credited.
 */
import { randomUUID } from 'node:crypto';
import { DomainError } from '../../domain/errors.js';
import { formatMoney } from '../../domain/money/money.js';
import { formatDocumentNumber, seriesKey, variableSymbolOf, type DocumentKind } from '../../domain/invoices/document-number.js';
import { isVatPayer, mayBeSimplified, orderLines, taxableSupplyDate, withVat, type Invoice, type InvoiceContent } from '../../domain/invoices/invoice.js';
import { documentTitle } from '../../domain/invoices/document-titles.js';
import type { Settings } from '../../domain/settings/settings.js';
import { addDays, pragueDateOf } from '../../domain/stats/prague-calendar.js';
import type { Clock, OutboxRepo, Transactor, Tx } from '../ports.js';
import type { Order, OrderRepo } from '../orders/ports.js';
import type { SettingsRepo } from '../settings/ports.js';
import { getSettings } from '../settings/get-settings.js';
import { queueDocumentEmail } from './invoice-emails.js';
import type { InvoiceRepo } from './ports.js';

/** The next number of a document's series (per kind, pattern and year), taken inside the transaction that inserts it: gap-free. */
export async function allocateNumber(invoices: InvoiceRepo, tx: Tx, kind: DocumentKind, format: string, issueDate: string) {
  const year = Number(issueDate.slice(0, 4));
  const series = seriesKey(kind, format, year);
  const sequence = await invoices.nextNumber(tx, series);
  return { number: formatDocumentNumber(format, year, sequence), series, sequence };
}

export type InvoiceDeps = { invoices: InvoiceRepo; orders: OrderRepo; settings: SettingsRepo; outbox: OutboxRepo; transactor: Transactor; clock: Clock; publicUrl: string };

/** The parties and payment details as Configuration and the order say them at the moment of issue. */
function frozenContent(order: Order, settings: Settings, lines: InvoiceContent['lines'], vat: InvoiceContent['vat']): InvoiceContent {
  const { shop } = settings;
  return {
    seller: { name: shop.name, legalName: shop.legalName, ico: shop.ico, dic: shop.dic, address: { street: shop.street, city: shop.city, zip: shop.zip, country: shop.country }, email: shop.email, phone: shop.phone, web: shop.web },
    buyer: { name: order.name, company: order.company, ico: order.ico, dic: order.dic, email: order.email, phone: order.phone, billingAddress: order.billingAddress, shippingAddress: order.shippingAddress },
    lines,
    vat,
    payment: { kind: order.payment.kind, name: order.payment.name },
    order: { number: order.number, createdAt: order.createdAt },
    bankAccounts: shop.bankAccounts.map((a) => ({ label: a.label, number: a.number, iban: a.iban, bic: a.bic })),
    original: null,
  };
}

export type IssueOptions = {
  actor: string;
  /** `return`: an order already invoiced gets its invoice back (automatic issuing); `refuse`: a 409 (by hand). */
  whenInvoiced: 'return' | 'refuse';
  /** Shipped within this very transaction (its event is written later): the date counts for the taxable supply. */
  shippedNow?: boolean;
};

export async function issueInvoiceInTx(deps: InvoiceDeps, tx: Tx, order: Order, settings: Settings, options: IssueOptions): Promise<{ invoice: Invoice; created: boolean }> {
  await deps.invoices.lockOrder(tx, order.id);
  const live = await deps.invoices.activeInvoice(tx, order.id);
  if (live) {
    if (options.whenInvoiced === 'return') return { invoice: live, created: false };
    throw new DomainError('invoice_exists', 'order already invoiced', undefined, { params: { number: live.number } });
  }
  const now = deps.clock.now();
  const issueDate = pragueDateOf(now);
  const milestones = await deps.invoices.milestones(tx, order.id);
  const shippedAt = options.shippedNow ? now.toISOString() : milestones.shippedAt;
  const taxableDate = taxableSupplyDate({ paidOn: milestones.paidAt && pragueDateOf(milestones.paidAt), shippedOn: shippedAt && pragueDateOf(shippedAt), issueDate });
  const vatPayer = isVatPayer(settings.shop);
  const { lines, vat } = withVat(orderLines(order, vatPayer));
  const total = lines.reduce((sum, l) => sum + l.total, 0);
  if (total !== order.total) throw new Error(`invoice lines of order ${order.number} add up to ${total}, not ${order.total}`);
  const simplified = mayBeSimplified({ allowed: settings.invoices.simplified, vatPayer, total, buyer: order });
  const { number, series, sequence } = await allocateNumber(deps.invoices, tx, 'invoice', settings.invoices.invoiceNumberFormat, issueDate);
  const invoice = await deps.invoices.insert(tx, {
    kind: 'invoice',
    number,
    series,
    sequence,
    orderId: order.id,
    orderNumber: order.number,
    invoiceId: null,
    simplified,
    vatPayer,
    locale: order.locale,
    issuedAt: now.toISOString(),
    issueDate,
    taxableDate,
    dueDate: addDays(issueDate, settings.invoices.dueDays),
    variableSymbol: settings.invoices.variableSymbol === 'invoice' ? variableSymbolOf(number) : order.variableSymbol,
    total,
    currency: 'CZK',
    reason: null,
    uuid: randomUUID(),
    issuedBy: options.actor,
    content: frozenContent(order, settings, lines, vat),
  });
  const emailed = await queueDocumentEmail(deps, tx, { invoice, order, settings });
  await deps.orders.addEvents(tx, order.id, [
    { kind: 'invoice', actor: options.actor, internal: false, text: `Vystaven doklad ${documentTitle(invoice, 'cs')} ${number} (${formatMoney(total)})\nE-mail zákazníkovi: ${emailed}`, at: now },
  ]);
  return { invoice, created: true };
}

/** An invoice by hand (the Orders panel, the admin API): refused for a cancelled order and for one already invoiced. */
export async function issueInvoice(deps: InvoiceDeps, input: { number: string; actor: string }): Promise<Invoice> {
  const order = /^\d{1,10}$/.test(input.number) ? await deps.orders.findByNumber(input.number) : null;
  if (!order) throw new DomainError('not_found');
  if (order.status === 'cancelled') throw new DomainError('validation', 'cancelled order', { order: 'invoice_order_cancelled' });
  const settings = await getSettings(deps);
  return (await deps.transactor.run((tx) => issueInvoiceInTx(deps, tx, order, settings, { actor: input.actor, whenInvoiced: 'refuse' }))).invoice;
}

/** The automatic issue at the moment Configuration chose (`paid` or `shipped`), inside that change's transaction. */
export async function issueOnMoment(deps: InvoiceDeps, tx: Tx, order: Order, settings: Settings, moment: 'paid' | 'shipped', actor: string): Promise<void> {
  if (settings.invoices.issueOn !== moment || order.status === 'cancelled') return;
  await issueInvoiceInTx(deps, tx, order, settings, { actor, whenInvoiced: 'return', shippedNow: moment === 'shipped' });
}
