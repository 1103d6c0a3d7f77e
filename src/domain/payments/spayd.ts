/**
 * The QR Platba string (SPAYD 1.0, qr-platba.cz): `SPD*1.0*ACC:<IBAN>[+BIC]*AM:1234.50*CC:CZK*X-VS:<vs>*MSG:<text>`.
 * Values never contain `*` (written as `%2A`, as the spec says); texts are folded to ASCII capitals so that the
 * whole string fits the compact alphanumeric QR mode and every banking app reads it the same way.
 */
import { isValidBic, isValidIban, normalizeIban } from '../settings/bank-account.js';

export type SpaydInput = {
  iban: string;
  bic?: string | null;
  /** Amount in haléře; positive, at most 9 999 999,99. */
  amount: number;
  currency?: 'CZK';
  /** Up to 10 digits. */
  variableSymbol?: string | null;
  /** Message for the recipient; shortened to 60 characters. */
  message?: string | null;
  /** Recipient's name; shortened to 35 characters. */
  recipientName?: string | null;
};

const MAX_AMOUNT = 999_999_999; // AM holds at most 10 characters: 9999999.99
const LIMITS = { MSG: 60, RN: 35 } as const;

/** Czech (and any Latin) diacritics off, capitals, printable ASCII only, no `*` left unescaped, within `max` characters. */
export function spaydText(text: string, max: number): string {
  const ascii = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/[^\x20-\x7E]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toUpperCase();
  let out = '';
  for (const char of ascii) {
    const piece = char === '*' ? '%2A' : char;
    if (out.length + piece.length > max) break;
    out += piece;
  }
  return out.trimEnd();
}

export function formatSpaydAmount(minor: number): string {
  return `${Math.floor(minor / 100)}.${String(minor % 100).padStart(2, '0')}`;
}

/** Throws RangeError on input no bank could use (a bad IBAN, amount or symbol): a bug upstream, not a user error. */
export function spayd(input: SpaydInput): string {
  const iban = normalizeIban(input.iban);
  if (!isValidIban(iban)) throw new RangeError(`SPAYD: invalid IBAN ${JSON.stringify(input.iban)}`);
  const bic = input.bic?.trim().toUpperCase() || null;
  if (bic && !isValidBic(bic)) throw new RangeError(`SPAYD: invalid BIC ${JSON.stringify(input.bic)}`);
  if (!Number.isInteger(input.amount) || input.amount <= 0 || input.amount > MAX_AMOUNT) throw new RangeError(`SPAYD: amount out of range: ${input.amount}`);
  const vs = input.variableSymbol?.trim() || null;
  if (vs && !/^\d{1,10}$/.test(vs)) throw new RangeError(`SPAYD: the variable symbol must be 1–10 digits, got ${JSON.stringify(vs)}`);

  const fields = [`ACC:${iban}${bic ? `+${bic}` : ''}`, `AM:${formatSpaydAmount(input.amount)}`, `CC:${input.currency ?? 'CZK'}`];
  if (vs) fields.push(`X-VS:${vs}`);
  const recipient = input.recipientName ? spaydText(input.recipientName, LIMITS.RN) : '';
  if (recipient) fields.push(`RN:${recipient}`);
  const message = input.message ? spaydText(input.message, LIMITS.MSG) : '';
  if (message) fields.push(`MSG:${message}`);
  return ['SPD', '1.0', ...fields].join('*');
}
