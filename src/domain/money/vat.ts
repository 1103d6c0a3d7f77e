/**
 * VAT on gross (VAT-inclusive) prices, as Czech shops quote them. The tax of a document is computed
 * per rate from the total of that rate (§ 37 ZDPH): VAT = gross × rate / (100 + rate), rounded to haléře.
 */
import { roundMinor } from './money.js';

/** The Czech rates since 2024 (%); Configuration may offer a different list. */
export const CZECH_VAT_RATES = [21, 12, 0] as const;

export type VatSplit = { base: number; vat: number; gross: number };

export function splitGross(gross: number, ratePercent: number): VatSplit {
  if (ratePercent < 0 || ratePercent > 100) throw new RangeError(`VAT rate out of range: ${ratePercent}`);
  const vat = roundMinor((gross * ratePercent) / (100 + ratePercent));
  return { base: gross - vat, vat, gross };
}

export type VatLine = { gross: number; vatRate: number };
export type VatSummaryRow = VatSplit & { rate: number };

/** One row per rate (highest rate first), each computed from that rate's total. */
export function vatSummary(lines: readonly VatLine[]): VatSummaryRow[] {
  const byRate = new Map<number, number>();
  for (const line of lines) byRate.set(line.vatRate, (byRate.get(line.vatRate) ?? 0) + line.gross);
  return [...byRate.entries()].sort(([a], [b]) => b - a).map(([rate, gross]) => ({ rate, ...splitGross(gross, rate) }));
}

export function totalsOf(summary: readonly VatSummaryRow[]): VatSplit {
  return summary.reduce((sum, row) => ({ base: sum.base + row.base, vat: sum.vat + row.vat, gross: sum.gross + row.gross }), { base: 0, vat: 0, gross: 0 });
}
