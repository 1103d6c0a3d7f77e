/**
 * The Fio banka download, run by the worker: at most one call per 30 s per token (the bank answers 409 to more), the
 * movements since the bank's bookmark stored and paired, and the last movement id remembered. When processing
 * failed after a download, the next call moves the bank's bookmark back to the last movement stored (`set-last-id`),
 * so the movements come again; pairing is idempotent on the movement id, so nothing is paired twice.
 */
import { StatementError } from '../../domain/payments/bank-movement.js';
import { lastMovementId, parseFioStatement } from '../../domain/payments/fio-json.js';
import { getSettings } from '../settings/get-settings.js';
import { importMovements, type ImportSummary } from './import-statement.js';
import type { PairingDeps } from './pair-movement.js';
import { FioApiError, type FioApi } from './ports.js';

export const FIO_MIN_GAP_MS = 30_000;
const SOURCE = 'fio';
const ACTOR = 'Fio banka (automaticky)';

export type FioPollResult =
  | { status: 'off' }
  | { status: 'too_soon' }
  | { status: 'rewound'; lastId: string }
  | { status: 'failed'; error: string }
  | ({ status: 'imported' } & ImportSummary);

export async function pollFio(deps: PairingDeps & { fio: FioApi }, options: { force?: boolean } = {}): Promise<FioPollResult> {
  const settings = await getSettings(deps);
  const { token, poll } = settings.payments.fio;
  if (!token || (!poll && !options.force)) return { status: 'off' };
  if (!(await deps.payments.claimSyncCall(SOURCE, deps.clock.now(), FIO_MIN_GAP_MS))) return { status: 'too_soon' };
  const state = await deps.payments.syncState(SOURCE);
  try {
    if (state.lastResult?.startsWith('failed') && state.lastId) {
      await deps.fio.setLastId(token, state.lastId);
      await deps.payments.saveSyncResult(SOURCE, { lastResult: `rewound to ${state.lastId}` });
      return { status: 'rewound', lastId: state.lastId };
    }
    const movements = parseFioStatement(await deps.fio.last(token));
    const summary = await importMovements(deps, movements, 'fio-api', ACTOR);
    const lastId = lastMovementId(movements) ?? state.lastId;
    await deps.payments.saveSyncResult(SOURCE, { lastId, lastResult: `ok: ${summary.added} new, ${summary.paid + summary.overpaid} paid` });
    return { status: 'imported', ...summary };
  } catch (error) {
    if (!(error instanceof FioApiError || error instanceof StatementError)) {
      // Stored movements stay; the rest come again after the bookmark is moved back.
      await deps.payments.saveSyncResult(SOURCE, { lastResult: `failed: ${error instanceof Error ? error.message : String(error)}` });
      throw error;
    }
    // The bank refused (a bad token, 409 too soon) or sent what is not a statement: nothing was stored.
    const reason = error instanceof FioApiError && error.status === 409 ? 'too_soon' : error.message;
    await deps.payments.saveSyncResult(SOURCE, { lastResult: `error: ${reason}` });
    return { status: 'failed', error: reason };
  }
}
