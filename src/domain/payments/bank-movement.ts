/** One movement on the shop's bank account as every statement format reads it, and the small helpers they share. */

export type BankMovement = {
  /** The bank's own id of the movement (Fio: ID pohybu; GPC: the transaction id; camt.053: AcctSvcrRef), unique per account. */
  bankId: string;
  /** The shop's account the statement is of (number or IBAN); with `bankId` it names the movement for good. */
  account: string;
  /** Booking day, `YYYY-MM-DD`. */
  bookedOn: string;
  /** Minor units; positive money in, negative money out. */
  amount: number;
  /** ISO 4217. */
  currency: string;
  /** Digits without leading zeros; '' when the payer gave none. */
  variableSymbol: string;
  /** The message for the payee (zpráva pro příjemce), one line. */
  message: string;
  /** The payer's account and name as far as the bank says them. */
  counterparty: string;
};

export type StatementFormat = 'gpc' | 'camt053' | 'fio-json';

/** A statement that could not be read: the line or element and what is wrong, for a clear message. */
export class StatementError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'StatementError';
  }
}

/** `1234.5`, `-1234.50`, `12,5` → minor units exactly (no floating point): statements carry at most two decimals. */
export function decimalToMinor(text: string): number | null {
  const match = /^\s*([+-]?)(\d{1,13})(?:[.,](\d{1,2}))?\s*$/.exec(text);
  if (!match) return null;
  const minor = Number(match[2]) * 100 + Number((match[3] ?? '').padEnd(2, '0'));
  return match[1] === '-' ? -minor : minor;
}

/** A variable symbol as written by a payer (`0000012345`, ` 12345 `) → `12345`; '' for none or no digits-only value. */
export function normalizeSymbol(raw: string): string {
  const digits = raw.trim();
  if (!/^\d{1,10}$/.test(digits)) return '';
  return digits.replace(/^0+/, '');
}

/** Text to one tidy line (statements pad with spaces and break messages over records). */
export const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();
