/**
 * Order-number formats: `{YYYY}{SEQ:6}` (default) gives 2026000001. Numbers are digits only and at most
 * 10 long, so they serve as the variable symbol of a bank transfer.
 */
export const DEFAULT_ORDER_NUMBER_FORMAT = '{YYYY}{SEQ:6}';

const TOKEN = /\{(YYYY|YY|SEQ:(\d{1,2}))\}/g;

export type OrderNumberProblem = 'order_number_format_invalid' | 'order_number_too_long' | 'order_number_needs_sequence';

export function orderNumberFormatProblem(format: string): OrderNumberProblem | null {
  const literal = format.replace(TOKEN, '');
  if (!/^\d*$/.test(literal)) return 'order_number_format_invalid';
  const sequences = [...format.matchAll(TOKEN)].filter((m) => m[1]!.startsWith('SEQ'));
  if (sequences.length !== 1 || Number(sequences[0]![2]) < 3) return 'order_number_needs_sequence';
  if (formatOrderNumber(format, 2026, 1).length > 10) return 'order_number_too_long';
  return null;
}

/** Whether the sequence restarts each year (the format shows the year). */
export const restartsYearly = (format: string): boolean => /\{YYYY\}|\{YY\}/.test(format);

export function formatOrderNumber(format: string, year: number, sequence: number): string {
  return format.replace(TOKEN, (_all, token: string, width?: string) => {
    if (token === 'YYYY') return String(year);
    if (token === 'YY') return String(year % 100).padStart(2, '0');
    return String(sequence).padStart(Number(width), '0');
  });
}
