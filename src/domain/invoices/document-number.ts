/**
 * Numbers of tax documents: a pattern such as `FV{YYYY}-{SEQ:5}` (→ FV2026-00001) per series (invoices, credit notes),
 * counted gap-free within a year when the pattern shows the year (otherwise for all time), and the variable symbol
 * a number gives (its digits).
 */
export type DocumentKind = 'invoice' | 'credit_note';

export const DEFAULT_NUMBER_FORMATS: Record<DocumentKind, string> = { invoice: 'FV{YYYY}-{SEQ:5}', credit_note: 'OD{YYYY}-{SEQ:5}' };

const TOKEN = /\{(YYYY|YY|SEQ:(\d{1,2}))\}/g;
/** Letters, digits and the separators accounting programs accept in a document number. */
const LITERAL = /^[A-Za-z0-9/._-]*$/;
/** Pohoda's document number holds 32 characters; kept shorter so a year and a long sequence still fit. */
const MAX_LENGTH = 24;

export type NumberFormatProblem = 'document_number_format_invalid' | 'document_number_needs_sequence' | 'document_number_too_long';

export function documentNumberFormatProblem(format: string): NumberFormatProblem | null {
  if (!LITERAL.test(format.replace(TOKEN, ''))) return 'document_number_format_invalid';
  const sequences = [...format.matchAll(TOKEN)].filter((m) => m[1]!.startsWith('SEQ'));
  if (sequences.length !== 1) return 'document_number_needs_sequence';
  const width = Number(sequences[0]![2]);
  if (width < 3 || width > 9) return 'document_number_needs_sequence';
  if (formatDocumentNumber(format, 2026, 1).length > MAX_LENGTH) return 'document_number_too_long';
  return null;
}

/** The text of a pattern without its placeholders: two series whose literal texts are equal could produce the same number. */
export const literalPart = (format: string): string => format.replace(TOKEN, '#');

export function formatDocumentNumber(format: string, year: number, sequence: number): string {
  return format.replace(TOKEN, (_all, token: string, width?: string) => {
    if (token === 'YYYY') return String(year);
    if (token === 'YY') return String(year % 100).padStart(2, '0');
    return String(sequence).padStart(Number(width), '0');
  });
}

/** The counter a number is drawn from: `invoice:2026`, or `invoice` when the pattern does not show the year. */
export function seriesKey(kind: DocumentKind, format: string, year: number): string {
  return /\{YYYY\}|\{YY\}/.test(format) ? `${kind}:${year}` : kind;
}

/** The variable symbol of a document number: its digits, the last 10 when there are more (a symbol holds at most 10). */
export function variableSymbolOf(documentNumber: string): string {
  const digits = documentNumber.replace(/\D/g, '');
  return digits.slice(-10);
}
