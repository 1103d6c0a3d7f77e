/** The profile's actions: block or unblock sign-in, the internal note, and a written email (through the outbox, logged). */
import { textToHtml } from '../../domain/settings/email-templates.js';
import { formatMailbox } from '../../domain/mail/outbox-policy.js';
import { DomainError } from '../../domain/errors.js';
import { queueEmail } from '../mail/queue-email.js';
import { getSettings } from '../settings/get-settings.js';
import { senderAddress } from '../settings/sender-address.js';
import { findCustomerOrFail, requiredText, type CustomersDeps } from './deps.js';

export async function setCustomerBlocked(deps: CustomersDeps, input: { id: number; blocked: boolean; actor: string }) {
  const customer = await findCustomerOrFail(deps, input.id);
  if (customer.blocked === input.blocked) return customer;
  const now = deps.clock.now();
  await deps.transactor.run(async (tx) => {
    await deps.customersPanel.update(tx, customer.id, { blocked: input.blocked }, now);
    await deps.customersPanel.addEvent(tx, customer.id, { at: now, kind: input.blocked ? 'blocked' : 'unblocked', actor: input.actor, text: input.blocked ? 'Přihlašování zablokováno.' : 'Přihlašování odblokováno.' });
  });
  return { ...customer, blocked: input.blocked };
}

/** The shop's own note about the customer; never shown to them. An empty text clears it. */
export async function setCustomerNote(deps: CustomersDeps, input: { id: number; note: unknown; actor: string }) {
  const customer = await findCustomerOrFail(deps, input.id);
  const note = typeof input.note === 'string' ? input.note.replace(/\r\n?/g, '\n').trim() : '';
  if (note.length > 5000) throw new DomainError('validation', 'note', { note: 'too_long' });
  await deps.customersPanel.update(null, customer.id, { note: note || null }, deps.clock.now());
  return { ...customer, note: note || null };
}

export async function emailCustomerAccount(deps: CustomersDeps, input: { id: number; subject: unknown; body: unknown; actor: string }) {
  const customer = await findCustomerOrFail(deps, input.id);
  if (customer.anonymizedAt) throw new DomainError('conflict', 'anonymized');
  const subject = requiredText(input.subject, 'subject', 200, true);
  const body = requiredText(input.body, 'body', 10_000);
  const settings = await getSettings(deps);
  const now = deps.clock.now();
  const to = formatMailbox(customer.name, customer.email);
  const queued = await deps.transactor.run(async (tx) => {
    const email = await queueEmail(deps, tx, { kind: 'customer_message', to, from: senderAddress(settings), subject, text: body, html: textToHtml(body) });
    await deps.customersPanel.linkEmail(tx, email.id, customer.id);
    await deps.customersPanel.addEvent(tx, customer.id, { at: now, kind: 'email', actor: input.actor, text: `E-mail zákazníkovi (${customer.email}): ${subject}` });
    return email;
  });
  return { id: queued.id, to: customer.email, subject };
}
