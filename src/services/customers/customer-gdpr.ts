/**
 * GDPR tools: export everything the shop holds about a customer (or a one-time buyer's email) as JSON, and anonymise it —
 * in one transaction, orders stay (totals, items, numbers for accounting) while every personal datum is replaced.
 */
import { randomBytes } from 'node:crypto';
import { ANONYMOUS_NAME, anonymizedEventText, anonymousAddress, anonymousEmail, personalPattern, scrub } from '../../domain/customers/anonymize.js';
import { parseEmailAddress } from '../../domain/customers/email-address.js';
import { DomainError } from '../../domain/errors.js';
import type { Tx } from '../ports.js';
import { findCustomerOrFail, type CustomersDeps } from './deps.js';
import type { Anonymization, PersonalRows, Subject } from './ports.js';

/** A one-time buyer is named by the email of their orders; unknown addresses are not found. */
export async function guestSubject(deps: CustomersDeps, email: unknown): Promise<Subject & { guestEmail: string }> {
  const parsed = typeof email === 'string' && email.length <= 254 ? parseEmailAddress(email) : null;
  if (!parsed?.ok) throw new DomainError('not_found');
  const subject = { guestEmail: parsed.email.address.toLowerCase() };
  if ((await deps.customersPanel.orders(subject)).length === 0) throw new DomainError('not_found');
  return subject;
}

export async function customerSubject(deps: CustomersDeps, id: number): Promise<Subject> {
  const customer = await findCustomerOrFail(deps, id);
  return { customerId: customer.id, email: customer.email };
}

/** What the export holds, said in the file itself so whoever receives it knows. */
const CONTENTS =
  'Customer account (without the password hash), one-time orders under the same email, every order with its items, ' +
  'parcels and whole timeline (including the shop\'s internal notes), every email sent to the customer or about their orders ' +
  '(outbox rows with their texts and delivery state), the invoices and credit notes issued for the orders (tax documents, ' +
  'kept unchanged as the VAT Act requires, even after anonymisation), and the log of what the shop did with the account.';

export async function exportCustomerData(deps: CustomersDeps, subject: Subject, actor: string) {
  const data = await deps.customersPanel.exportData(subject);
  const now = deps.clock.now();
  await deps.customersPanel.addEvent(null, 'customerId' in subject ? subject.customerId : null, {
    at: now,
    kind: 'gdpr_export',
    actor,
    text: 'customerId' in subject ? 'Export osobních údajů (GDPR) stažen.' : `Export osobních údajů (GDPR) jednorázového zákazníka stažen (${data.orders.length} objednávek).`,
  });
  return { exportedAt: now.toISOString(), contents: CONTENTS, ...data };
}

/** The replacement of every row: pure, from the rows as read, so the whole change is decided before anything is written. */
export function planAnonymization(rows: PersonalRows, email: string, at: Date): Anonymization {
  const pattern = personalPattern([...(rows.customer ? [rows.customer] : []), ...rows.orders]);
  return {
    customer: rows.customer ? { id: rows.customer.id, email, name: ANONYMOUS_NAME, at: at.toISOString() } : null,
    orders: rows.orders.map((o) => ({ id: o.id, email, name: ANONYMOUS_NAME, billingAddress: anonymousAddress(o.billingAddress), shippingAddress: o.shippingAddress && anonymousAddress(o.shippingAddress) })),
    events: rows.events.map((e) => ({ id: e.id, actor: scrub(e.actor, pattern), text: anonymizedEventText(e.kind, e.text, pattern) })),
    emails: rows.emails.map((m) => {
      const cancel = m.status === 'queued' || m.status === 'sending';
      return { id: m.id, to: scrub(m.to, pattern), subject: scrub(m.subject, pattern), cancel, lastError: cancel ? 'Zrušeno: údaje zákazníka byly anonymizovány.' : m.lastError && scrub(m.lastError, pattern) };
    }),
    customerEvents: rows.customerEvents.map((e) => ({ id: e.id, text: scrub(e.text, pattern) })),
  };
}

async function anonymizeIn(deps: CustomersDeps, tx: Tx, subject: Subject, actor: string) {
  const now = deps.clock.now();
  const customerId = 'customerId' in subject ? subject.customerId : null;
  const email = anonymousEmail(customerId ? String(customerId) : `g${randomBytes(6).toString('hex')}`);
  const rows = await deps.customersPanel.personalRows(tx, subject);
  await deps.customersPanel.applyAnonymization(tx, planAnonymization(rows, email, now));
  if (customerId) await deps.customersPanel.deleteCustomerTokens(tx, customerId);
  // The log names order numbers only: it must not keep what was just removed.
  await deps.customersPanel.addEvent(tx, customerId, { at: now, kind: 'anonymized', actor, text: `Osobní údaje anonymizovány (GDPR); objednávky: ${rows.orders.length}, e-maily: ${rows.emails.length}.` });
  return { orders: rows.orders.length, emails: rows.emails.length, email };
}

export async function anonymizeSubject(deps: CustomersDeps, subject: Subject, actor: string) {
  return deps.transactor.run((tx) => anonymizeIn(deps, tx, subject, actor));
}

/** DELETE of an account: anonymised first (its emails and log too); the row itself goes only when no order needs it. */
export async function deleteCustomer(deps: CustomersDeps, id: number, actor: string) {
  const subject = await customerSubject(deps, id);
  return deps.transactor.run(async (tx) => {
    const result = await anonymizeIn(deps, tx, subject, actor);
    const deleted = await deps.customersPanel.deleteWithoutOrders(tx, id);
    return { ...result, deleted };
  });
}

