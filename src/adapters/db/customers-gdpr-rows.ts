/**
 * The rows GDPR anonymisation reads and rewrites (the account, its orders' snapshots and timeline, emails, the customer
 * log), and the tax documents the export lists but anonymisation leaves as issued.
 */
import type { InvoiceContent } from '../../domain/invoices/invoice.js';
import type { Anonymization, PersonalRows, Subject } from '../../services/customers/ports.js';
import type { Db } from './kysely.js';
import { subjectEmails, subjectOrders } from './customers-subject.js';
import { markStatsDirtyById } from './stats-rollup.js';

const parse = (text: string | null) => (text ? JSON.parse(text) : null);

export async function personalRowsOf(db: Db, subject: Subject): Promise<PersonalRows> {
  const customer = 'customerId' in subject ? await db.selectFrom('customers').selectAll().where('id', '=', subject.customerId).executeTakeFirst() : undefined;
  const orders = await db.selectFrom('orders').select(['id', 'name', 'email', 'phone', 'company', 'ico', 'dic', 'billing_address', 'shipping_address']).where((eb) => subjectOrders(eb, subject, true)).orderBy('id').execute();
  const ids = orders.map((o) => o.id);
  const events = ids.length ? await db.selectFrom('order_events').select(['id', 'kind', 'actor', 'text']).where('order_id', 'in', ids).orderBy('id').execute() : [];
  const emails = await db.selectFrom('outbox_emails').select(['id', 'to_address', 'subject', 'status', 'last_error']).where((eb) => subjectEmails(eb, subject, true)).orderBy('id').execute();
  const customerEvents = customer ? await db.selectFrom('customer_events').select(['id', 'text']).where('customer_id', '=', customer.id).execute() : [];
  return {
    customer: customer
      ? { id: Number(customer.id), name: customer.name, email: customer.email, phone: customer.phone, company: customer.company, ico: customer.ico, dic: customer.dic, note: customer.note, addresses: [parse(customer.billing_address), parse(customer.shipping_address)] }
      : null,
    orders: orders.map((o) => {
      const billingAddress = parse(o.billing_address);
      const shippingAddress = parse(o.shipping_address);
      return { id: Number(o.id), name: o.name, email: o.email, phone: o.phone, company: o.company, ico: o.ico, dic: o.dic, billingAddress, shippingAddress, addresses: [billingAddress, shippingAddress] };
    }),
    events: events.map((e) => ({ ...e, id: Number(e.id) })),
    emails: emails.map((e) => ({ id: Number(e.id), to: e.to_address, subject: e.subject, status: e.status, lastError: e.last_error })),
    customerEvents: customerEvents.map((e) => ({ id: Number(e.id), text: e.text })),
  };
}

export async function anonymizeRows(db: Db, change: Anonymization): Promise<void> {
  const c = change.customer;
  if (c) {
    await db
      .updateTable('customers')
      .set({ email: c.email, name: c.name, phone: null, company: null, ico: null, dic: null, password_hash: null, billing_address: null, shipping_address: null, note: null, blocked: 1, anonymized_at: c.at, updated_at: c.at })
      .where('id', '=', c.id)
      .execute();
  }
  for (const o of change.orders) {
    // A one-time buyer is counted in the statistics by email: the summaries drop the old one and take the new one.
    await markStatsDirtyById(db, o.id);
    await db
      .updateTable('orders')
      .set({ email: o.email, name: o.name, phone: null, company: null, ico: null, dic: null, note: null, billing_address: JSON.stringify(o.billingAddress), shipping_address: o.shippingAddress ? JSON.stringify(o.shippingAddress) : null })
      .where('id', '=', o.id)
      .execute();
    await markStatsDirtyById(db, o.id);
    // A discount code's use stays counted, under the new address; a Heureka report not yet sent is not sent any more.
    await db.updateTable('discount_redemptions').set({ email: o.email.toLowerCase() }).where('order_id', '=', o.id).execute();
    await db.updateTable('outbox_calls').set({ body: '{}' }).where('order_id', '=', o.id).execute();
    await db.updateTable('outbox_calls').set({ status: 'failed', claimed_by: null, claimed_until: null, last_error: 'anonymised' }).where('order_id', '=', o.id).where('status', 'in', ['queued', 'sending']).execute();
  }
  for (const e of change.events) await db.updateTable('order_events').set({ actor: e.actor, text: e.text }).where('id', '=', e.id).execute();
  for (const m of change.emails) {
    // The bodies go whole; a queued email is not sent any more (its address no longer exists).
    await db
      .updateTable('outbox_emails')
      .set({ to_address: m.to, subject: m.subject, text_body: '', html_body: '', last_error: m.lastError, ...(m.cancel ? { status: 'failed' as const, claimed_by: null, claimed_until: null } : {}) })
      .where('id', '=', m.id)
      .execute();
  }
  for (const e of change.customerEvents) await db.updateTable('customer_events').set({ text: e.text }).where('id', '=', e.id).execute();
}

/**
 * The invoices and credit notes of the subject's orders, oldest first, as the export lists them. They are legal records
 * (VAT Act § 35): anonymisation never rewrites them, so the buyer they name is shown as it stands on the document.
 */
export async function subjectInvoicesOf(db: Db, orderIds: number[]): Promise<Record<string, unknown>[]> {
  if (orderIds.length === 0) return [];
  const rows = await db
    .selectFrom('invoices')
    .innerJoin('orders', 'orders.id', 'invoices.order_id')
    .leftJoin('invoices as corrected', 'corrected.id', 'invoices.invoice_id')
    .select(['invoices.number', 'invoices.kind', 'orders.number as order_number', 'invoices.issue_date', 'invoices.taxable_date', 'invoices.due_date', 'invoices.total', 'invoices.currency', 'corrected.number as corrects', 'invoices.reason', 'invoices.content'])
    .where('invoices.order_id', 'in', orderIds)
    .orderBy('invoices.id')
    .execute();
  return rows.map((r) => ({
    number: r.number,
    kind: r.kind,
    order_number: r.order_number,
    issue_date: r.issue_date,
    taxable_supply_date: r.taxable_date,
    due_date: r.due_date,
    total: Number(r.total),
    currency: r.currency,
    corrects_invoice: r.corrects,
    reason: r.reason,
    buyer: (JSON.parse(r.content) as InvoiceContent).buyer,
  }));
}
