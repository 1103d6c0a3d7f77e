/** Czech bank account numbers (`prefix-number/bank`, mod-11 rule), IBAN (mod-97) and the conversion between them. */

const PREFIX_WEIGHTS = [10, 5, 8, 4, 2, 1];
const NUMBER_WEIGHTS = [6, 3, 7, 9, 10, 5, 8, 4, 2, 1];

export type CzechAccount = { prefix: string; number: string; bank: string };

function weightedSumIsMod11(digits: string, weights: number[]): boolean {
  const padded = digits.padStart(weights.length, '0');
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += Number(padded[i]) * weights[i]!;
  return sum % 11 === 0;
}

/** Parses and checks `19-2000145399/0800` or `2000145399/2010`; null when the form or a checksum is wrong. */
export function parseCzechAccount(value: string): CzechAccount | null {
  const match = /^(?:(\d{1,6})-)?(\d{2,10})\/(\d{4})$/.exec(value.replace(/\s/g, ''));
  if (!match) return null;
  const [, prefix = '', number, bank] = match as unknown as [string, string | undefined, string, string];
  if (prefix && !weightedSumIsMod11(prefix, PREFIX_WEIGHTS)) return null;
  if (!weightedSumIsMod11(number, NUMBER_WEIGHTS) || /^0+$/.test(number)) return null;
  return { prefix: prefix.replace(/^0+/, ''), number: number.replace(/^0+/, ''), bank };
}

export function formatCzechAccount(account: CzechAccount): string {
  return `${account.prefix ? `${account.prefix}-` : ''}${account.number}/${account.bank}`;
}

const IBAN_LENGTHS: Record<string, number> = { CZ: 24, SK: 24, AT: 20, DE: 22, PL: 28, HU: 28, GB: 22, FR: 27, IT: 27, ES: 24, NL: 18, BE: 16, CH: 21, IE: 22, LU: 20, SI: 19, HR: 21 };

function mod97(numeric: string): number {
  let remainder = 0;
  for (const ch of numeric) remainder = (remainder * 10 + Number(ch)) % 97;
  return remainder;
}

function ibanNumeric(rearranged: string): string {
  return rearranged.replace(/[A-Z]/g, (ch) => String(ch.charCodeAt(0) - 55));
}

export function normalizeIban(value: string): string {
  return value.replace(/\s/g, '').toUpperCase();
}

export function isValidIban(value: string): boolean {
  const iban = normalizeIban(value);
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(iban)) return false;
  const expected = IBAN_LENGTHS[iban.slice(0, 2)];
  if (expected !== undefined && iban.length !== expected) return false;
  return mod97(ibanNumeric(iban.slice(4) + iban.slice(0, 4))) === 1;
}

/** `CZ65 0800 0000 1920 0014 5399` written in groups of four. */
export function formatIban(value: string): string {
  return normalizeIban(value).replace(/(.{4})(?=.)/g, '$1 ');
}

export function czechAccountToIban(account: CzechAccount): string {
  const bban = account.bank + account.prefix.padStart(6, '0') + account.number.padStart(10, '0');
  const check = 98 - mod97(ibanNumeric(`${bban}CZ00`));
  return `CZ${String(check).padStart(2, '0')}${bban}`;
}

export function ibanToCzechAccount(value: string): CzechAccount | null {
  const iban = normalizeIban(value);
  if (!iban.startsWith('CZ') || !isValidIban(iban)) return null;
  const bank = iban.slice(4, 8);
  const prefix = iban.slice(8, 14).replace(/^0+/, '');
  const number = iban.slice(14).replace(/^0+/, '');
  return parseCzechAccount(`${prefix ? `${prefix}-` : ''}${number}/${bank}`);
}

/** SWIFT/BIC codes of the banks Czech shops use most, so the owner rarely has to look one up. */
const BIC_BY_BANK: Record<string, string> = {
  '0100': 'KOMBCZPP',
  '0300': 'CEKOCZPP',
  '0600': 'AGBACZPP',
  '0710': 'CNBACZPP',
  '0800': 'GIBACZPX',
  '2010': 'FIOBCZPP',
  '2060': 'CITFCZPP',
  '2250': 'CTASCZ22',
  '2700': 'BACXCZPP',
  '3030': 'AIRACZPP',
  '3500': 'INGBCZPP',
  '5500': 'RZBCCZPP',
  '5800': 'JTBPCZPP',
  '6100': 'EQBKCZPP',
  '6210': 'BREXCZPP',
  '6800': 'VBOECZ2X',
};

export function bicForCzechBank(bank: string): string | null {
  return BIC_BY_BANK[bank] ?? null;
}

export function isValidBic(value: string): boolean {
  return /^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$/.test(value.trim().toUpperCase());
}
