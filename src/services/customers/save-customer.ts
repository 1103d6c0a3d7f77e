/** Creates a customer account (without a password: the customer sets one by resetting it) or changes part of one. */
import { customerInputSchema } from '../../domain/customers/customer-input.js';
import { DomainError } from '../../domain/errors.js';
import { fieldErrorsOf } from '../../domain/validation.js';
import { findCustomerOrFail, type CustomersDeps } from './deps.js';
import type { CustomerFields, CustomerRecord } from './ports.js';

function validate(data: unknown): CustomerFields {
  const parsed = customerInputSchema.safeParse(data);
  if (!parsed.success) throw new DomainError('validation', 'invalid customer', fieldErrorsOf(parsed.error));
  return parsed.data;
}

async function ensureEmailFree(deps: CustomersDeps, email: string, ownId: number | null) {
  const other = await deps.customersPanel.idByEmail(email);
  if (other !== null && other !== ownId) throw new DomainError('conflict', 'email taken', { email: 'email_taken' });
}

export async function createCustomer(deps: CustomersDeps, data: unknown): Promise<CustomerRecord> {
  const fields = validate(data);
  await ensureEmailFree(deps, fields.email, null);
  try {
    return await findCustomerOrFail(deps, await deps.customersPanel.insert(fields, deps.clock.now()));
  } catch (error) {
    // Two creations with one email at the same moment: the unique index decides.
    if (await deps.customersPanel.idByEmail(fields.email)) throw new DomainError('conflict', 'email taken', { email: 'email_taken' }, { cause: error });
    throw error;
  }
}

/** Only the fields given change; the rest are taken from the stored account before validation. */
export async function patchCustomer(deps: CustomersDeps, id: number, data: unknown): Promise<CustomerRecord> {
  const existing = await findCustomerOrFail(deps, id);
  if (existing.anonymizedAt) throw new DomainError('conflict', 'anonymized');
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new DomainError('validation', 'body', { body: 'invalid_type' });
  const stored: Record<string, unknown> = {
    email: existing.email,
    name: existing.name,
    phone: existing.phone,
    company: existing.company,
    ico: existing.ico,
    dic: existing.dic,
    locale: existing.locale,
    blocked: existing.blocked,
    note: existing.note,
    billingAddress: existing.billingAddress,
    shippingAddress: existing.shippingAddress,
  };
  const fields = validate({ ...stored, ...data });
  const given = Object.fromEntries(Object.keys(data).map((k) => [k, fields[k as keyof CustomerFields]])) as Partial<CustomerFields>;
  if (given.email !== undefined) await ensureEmailFree(deps, given.email, id);
  await deps.customersPanel.update(null, id, given, deps.clock.now());
  return findCustomerOrFail(deps, id);
}
