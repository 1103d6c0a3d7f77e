/** Money as integers in minor units (haléře) with a currency; the one rounding rule; Czech and English formatting and input. */
export type Currency = 'CZK';
export const CURRENCY: Currency = 'CZK';

/** Rounds half away from zero to a whole number of minor units — the one rounding rule of Kramek. */
export function roundMinor(value: number): number {
  return Math.sign(value) * Math.round(Math.abs(value));
}

const NARROW_NBSP = '\u202F';
const NBSP = '\u00A0';

function groupThousands(digits: string, separator: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

/**
 * `123450` → `1 234,50 Kč` (cs, narrow no-break spaces between thousands) or `CZK 1,234.50` (en).
 * `whole: true` drops `,00` on whole amounts, as product cards show prices (`1 234 Kč`).
 */
export function formatMoney(minor: number, locale: 'cs' | 'en' = 'cs', options: { whole?: boolean } = {}): string {
  if (!Number.isInteger(minor)) throw new RangeError(`money must be whole minor units, got ${minor}`);
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  const units = String(Math.floor(abs / 100));
  const cents = String(abs % 100).padStart(2, '0');
  const showCents = !(options.whole && cents === '00');
  if (locale === 'en') return `${sign}CZK${NBSP}${groupThousands(units, ',')}${showCents ? `.${cents}` : ''}`;
  return `${sign}${groupThousands(units, NARROW_NBSP)}${showCents ? `,${cents}` : ''}${NBSP}Kč`;
}

/** A decimal amount as people type it (`1 234,50`, `1234.5`, `99 Kč`) → minor units, or null when it is not one. */
export function parseMoneyInput(text: string): number | null {
  const cleaned = text.trim().replace(/\s*(Kč|CZK)$/i, '').replace(/[\s\u00A0\u202F]/g, '');
  const match = /^(-?)(\d+)(?:[.,](\d{1,2}))?$/.exec(cleaned);
  if (!match) return null;
  const minor = Number(match[2]) * 100 + Number((match[3] ?? '0').padEnd(2, '0'));
  if (!Number.isSafeInteger(minor)) return null;
  return match[1] ? -minor : minor;
}
