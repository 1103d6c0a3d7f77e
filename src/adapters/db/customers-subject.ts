/** Which rows belong to a customer or a one-time buyer: their orders and the emails sent to them (or about their orders). */
import { sql, type ExpressionBuilder } from 'kysely';
import type { Subject } from '../../services/customers/ports.js';
import type { Database } from './schema.js';

/** The orders of a subject: an account's own (and, for GDPR, one-time orders under its email), or a one-time buyer's. */
export function subjectOrders(eb: ExpressionBuilder<Database, 'orders'>, subject: Subject, withGuestOrders: boolean) {
  const guestsOf = (email: string) => eb.and([eb('orders.customer_id', 'is', null), eb(sql`lower(orders.email)`, '=', email.toLowerCase())]);
  if ('guestEmail' in subject) return guestsOf(subject.guestEmail);
  return withGuestOrders ? eb.or([eb('orders.customer_id', '=', subject.customerId), guestsOf(subject.email)]) : eb('orders.customer_id', '=', subject.customerId);
}

/** Outbox rows addressed to the subject (bare address or `"Name" <address>`), written from their profile, or — for GDPR — about their orders. */
export function subjectEmails(eb: ExpressionBuilder<Database, 'outbox_emails'>, subject: Subject, aboutOrders: boolean) {
  const email = ('guestEmail' in subject ? subject.guestEmail : subject.email).toLowerCase();
  const to = sql`lower(outbox_emails.to_address)`;
  const conditions = [eb(to, '=', email), eb(to, 'like', `%<${email.replace(/[\\%_]/g, (c) => `\\${c}`)}>`)];
  if ('customerId' in subject) conditions.push(eb('outbox_emails.customer_id', '=', subject.customerId));
  if (aboutOrders) conditions.push(eb('outbox_emails.order_id', 'in', eb.selectFrom('orders').select('orders.id').where((o) => subjectOrders(o, subject, true))));
  return eb.or(conditions);
}

