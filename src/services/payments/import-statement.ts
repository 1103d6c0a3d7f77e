/** Imports a bank statement (upload in the admin, `kramek payments import FILE`, the Fio job): every movement stored once and paired. */
import { DomainError } from '../../domain/errors.js';
import { StatementError, type BankMovement } from '../../domain/payments/bank-movement.js';
import { parseStatement } from '../../domain/payments/statement.js';
import { getSettings } from '../settings/get-settings.js';
import { movementKey, pairMovement, type PairingDeps } from './pair-movement.js';
import type { MovementSource } from './ports.js';

export type ImportSummary = { format: MovementSource; movements: number; added: number; duplicates: number; paid: number; partial: number; overpaid: number; unmatched: number; outgoing: number };

/** Stores and pairs the movements one by one (each in its own transaction: one bad order never blocks the rest). */
export async function importMovements(deps: PairingDeps, movements: BankMovement[], source: MovementSource, actor: string): Promise<ImportSummary> {
  const settings = await getSettings(deps);
  const summary: ImportSummary = { format: source, movements: movements.length, added: 0, duplicates: 0, paid: 0, partial: 0, overpaid: 0, unmatched: 0, outgoing: 0 };
  // Movements stored before (a statement imported again, overlapping statements) are skipped without a transaction.
  const stored = new Set<string>();
  for (let i = 0; i < movements.length; i += 500) for (const key of await deps.payments.storedKeys(movements.slice(i, i + 500).map(movementKey))) stored.add(key);
  for (const movement of movements) {
    const result = stored.has(movementKey(movement)) ? ({ outcome: 'duplicate' } as const) : await pairMovement(deps, movement, source, actor, settings);
    if (result.outcome === 'duplicate') summary.duplicates++;
    else {
      summary.added++;
      if (result.outcome !== 'ignored') summary[result.outcome]++;
    }
  }
  return summary;
}

/** A statement file: its format found from its content; an unreadable file is a validation error that changes nothing. */
export async function importStatement(deps: PairingDeps, input: { bytes: Uint8Array; actor: string }): Promise<ImportSummary> {
  let parsed: ReturnType<typeof parseStatement>;
  try {
    parsed = parseStatement(input.bytes);
  } catch (error) {
    if (error instanceof StatementError) throw new DomainError('validation', error.message, { file: 'statement_unreadable' }, { params: { reason: error.reason } });
    throw error;
  }
  return importMovements(deps, parsed.movements, parsed.format, input.actor);
}
