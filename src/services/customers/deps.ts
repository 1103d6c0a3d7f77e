/** The dependencies every Customers panel use case gets, and the lookups they share. */
import { DomainError } from '../../domain/errors.js';
import type { Clock, OutboxRepo, Transactor } from '../ports.js';
import type { SettingsRepo } from '../settings/ports.js';
import type { CustomerRecord, CustomersPanelRepo } from './ports.js';

export type CustomersDeps = { customersPanel: CustomersPanelRepo; outbox: OutboxRepo; settings: SettingsRepo; transactor: Transactor; clock: Clock; publicUrl: string };

export async function findCustomerOrFail(deps: CustomersDeps, id: number): Promise<CustomerRecord> {
  const customer = Number.isSafeInteger(id) && id > 0 ? await deps.customersPanel.byId(id) : null;
  if (!customer) throw new DomainError('not_found');
  return customer;
}

/** A text field of a form or JSON body: trimmed, required, bounded, optionally one line. */
export function requiredText(value: unknown, field: string, max: number, oneLine = false): string {
  const v = typeof value === 'string' ? value.replace(/\r\n?/g, '\n').trim() : '';
  if (!v) throw new DomainError('validation', field, { [field]: 'required' });
  if (v.length > max) throw new DomainError('validation', field, { [field]: 'too_long' });
  // eslint-disable-next-line no-control-regex
  if (oneLine && /[\u0000-\u001F\u007F]/.test(v)) throw new DomainError('validation', field, { [field]: 'single_line' });
  return v;
}
