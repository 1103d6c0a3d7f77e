/**
 * Fio banka's API statement (`…/transactions.json`): `accountStatement.info` names the account, each
 * `transactionList.transaction[]` entry holds columns as `{value, name, id}` or null — column22 the movement id,
 * column0 the day (`2026-03-02+0100`), column1 the amount in crowns, column14 the currency, column5 the variable
 * symbol, column16 the message for the payee, column2/column3/column10 the payer's account, bank and name.
 */
import { StatementError, decimalToMinor, normalizeSymbol, oneLine, type BankMovement } from './bank-movement.js';

type Column = { value: unknown } | null | undefined;
type FioTransaction = Record<string, Column>;

const valueOf = (t: FioTransaction, n: number): unknown => t[`column${n}`]?.value ?? null;
const textOf = (t: FioTransaction, n: number): string => {
  const v = valueOf(t, n);
  return typeof v === 'string' || typeof v === 'number' ? String(v) : '';
};

/** The movements of a parsed Fio JSON statement; a document of another shape is a StatementError. */
export function parseFioStatement(json: unknown): BankMovement[] {
  const statement = (json as { accountStatement?: { info?: Record<string, unknown>; transactionList?: { transaction?: unknown } } } | null)?.accountStatement;
  if (!statement || typeof statement !== 'object') throw new StatementError('Fio: no accountStatement in the document');
  const info = statement.info ?? {};
  const account = [info.accountId, info.bankId].filter((v) => typeof v === 'string' && v).join('/') || String(info.iban ?? '');
  const list = statement.transactionList?.transaction ?? [];
  if (!Array.isArray(list)) throw new StatementError('Fio: transactionList.transaction is not a list');
  return list.map((entry: FioTransaction, index) => {
    const id = textOf(entry, 22);
    const day = /^(\d{4}-\d{2}-\d{2})/.exec(textOf(entry, 0))?.[1];
    const rawAmount = valueOf(entry, 1);
    const amount = typeof rawAmount === 'number' ? decimalToMinor(rawAmount.toFixed(2)) : typeof rawAmount === 'string' ? decimalToMinor(rawAmount) : null;
    if (!/^\d+$/.test(id) || !day || amount === null) throw new StatementError(`Fio: movement ${index + 1} lacks its id, day or amount`);
    const counterAccount = textOf(entry, 2);
    const bank = textOf(entry, 3);
    return {
      bankId: id,
      account,
      bookedOn: day,
      amount,
      currency: textOf(entry, 14) || String(info.currency ?? 'CZK'),
      variableSymbol: normalizeSymbol(textOf(entry, 5)),
      message: oneLine(textOf(entry, 16)),
      counterparty: oneLine(`${counterAccount}${counterAccount && bank ? `/${bank}` : ''} ${textOf(entry, 10)}`),
    };
  });
}

/** The highest movement id of a statement (what `set-last-id` would be set to), or null for an empty one. */
export function lastMovementId(movements: BankMovement[]): string | null {
  let best: bigint | null = null;
  for (const m of movements) if (best === null || BigInt(m.bankId) > best) best = BigInt(m.bankId);
  return best === null ? null : String(best);
}
