/** Turns a settings form (flat dotted field names) into a settings patch, and errors back into field ids. */
import { parseMoneyInput } from '../../../domain/money/money.js';

export type FormBody = Record<string, string | string[] | undefined>;
export type FieldKind = 'text' | 'bool' | 'money' | 'moneyOrEmpty' | 'int' | 'intList' | 'list' | 'kg' | 'kgOrEmpty' | 'weightBands';

/** Kilograms as typed (`2,5`, `10`) → whole grams, or null when it is not a weight. */
export function parseKilograms(text: string): number | null {
  const match = /^(\d{1,4})(?:[.,](\d{1,3}))?$/.exec(text.trim().replace(/\s*kg$/i, ''));
  return match ? Number(match[1]) * 1000 + Number((match[2] ?? '0').padEnd(3, '0')) : null;
}

/** Grams shown as the owner types kilograms: 2500 → `2,5`. */
export const kilogramsText = (grams: number | null) => (grams === null ? '' : String(grams / 1000).replace('.', ','));

/** `5 = 119; 10 = 159,50` → weight bands (over 5 kg 119 Kč, …); null when a part is not of that form. */
function parseWeightBands(text: string): { overGrams: number; price: number }[] | null {
  const parts = text.split(';').map((p) => p.trim()).filter(Boolean);
  const bands = parts.map((part) => {
    const [weight, price] = part.split('=').map((v) => v?.trim() ?? '');
    const overGrams = parseKilograms(weight ?? '');
    const minor = parseMoneyInput(price ?? '');
    return overGrams !== null && minor !== null ? { overGrams, price: minor } : null;
  });
  return bands.every((b) => b !== null) ? (bands as { overGrams: number; price: number }[]) : null;
}

/** `bankAccounts.0.number` → `bankAccounts-0-number`, a safe element id. */
export const fieldId = (path: string) => path.replace(/\./g, '-');

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

function convert(kind: FieldKind, sent: string | string[] | undefined): unknown {
  // A group of checkboxes sharing one name sends each ticked value.
  if (kind === 'list') return (Array.isArray(sent) ? sent : sent === undefined ? [] : [sent]).map((v) => v.trim()).filter(Boolean);
  const raw = first(sent);
  const value = (raw ?? '').trim();
  switch (kind) {
    case 'bool':
      return raw !== undefined; // an unticked checkbox is simply not sent
    case 'money':
      return parseMoneyInput(value) ?? value; // left as text, so validation names the field
    case 'moneyOrEmpty':
      return value === '' ? null : (parseMoneyInput(value) ?? value);
    case 'int':
      return /^-?\d+$/.test(value) ? Number(value) : value;
    case 'kg':
      return parseKilograms(value) ?? value;
    case 'kgOrEmpty':
      return value === '' ? null : (parseKilograms(value) ?? value);
    case 'weightBands':
      return parseWeightBands(value) ?? value;
    case 'intList':
      return value === '' ? [] : value.split(/[,;\s]+/).filter(Boolean).map((v) => (/^\d+$/.test(v) ? Number(v) : v));
    default:
      return raw ?? '';
  }
}

/** Reads the listed fields of a section; `fields` maps a field path to its kind. */
export function readFields(body: FormBody, fields: Record<string, FieldKind>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [path, kind] of Object.entries(fields)) out[path] = convert(kind, body[path]);
  return out;
}

/**
 * Reads repeated rows (`shippingMethods.0.code`, `shippingMethods.1.code`, …): rows left blank or
 * ticked "remove" are dropped, the rest keep their order.
 */
export function readRows(
  body: FormBody,
  prefix: string,
  fields: Record<string, FieldKind>,
  isBlank: (row: Record<string, string>) => boolean,
): { rows: Record<string, unknown>[]; raw: Record<string, string>[] } {
  const indexes = new Set<number>();
  for (const name of Object.keys(body)) {
    const match = new RegExp(`^${prefix}\\.(\\d+)\\.`).exec(name);
    if (match) indexes.add(Number(match[1]));
  }
  const rows: Record<string, unknown>[] = [];
  const raw: Record<string, string>[] = [];
  for (const index of [...indexes].sort((a, b) => a - b)) {
    const sent = (f: string) => body[`${prefix}.${index}.${f}`];
    // Shown again as the form shows stored values: a checkbox as 'true'/'false', a checkbox group as a list.
    const rawOf = (f: string, kind: FieldKind) => (kind === 'bool' ? String(sent(f) !== undefined) : kind === 'list' ? (convert('list', sent(f)) as string[]).join(',') : (first(sent(f)) ?? '').trim());
    const rawRow = Object.fromEntries(Object.entries(fields).map(([f, kind]) => [f, rawOf(f, kind)]));
    if (body[`${prefix}.${index}.remove`] !== undefined || isBlank(rawRow)) continue;
    rows.push(Object.fromEntries(Object.entries(fields).map(([f, kind]) => [f, convert(kind, sent(f))])));
    raw.push(rawRow);
  }
  // Kept rows are renumbered, so validation errors (by index) point at the rows shown again.
  return { rows, raw };
}

/** Flat form values (`prefix.0.field` → text) for rows, numbered from 0. */
export function rowValues(prefix: string, rows: Record<string, unknown>[]): Record<string, string> {
  const values: Record<string, string> = {};
  rows.forEach((row, i) => {
    for (const [field, value] of Object.entries(row)) values[`${prefix}.${i}.${field}`] = value === null || value === undefined ? '' : String(value);
  });
  return values;
}

/** Flat form values of submitted text fields, so a refused form shows what was typed. */
export function textValues(body: FormBody, names: string[]): Record<string, string> {
  return Object.fromEntries(names.map((n) => [n, first(body[n]) ?? '']));
}

/** Validation paths come back relative to the whole settings; forms name fields relative to their section. */
export function sectionErrors(fields: Record<string, string> | undefined, section: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(fields ?? {})) out[path.startsWith(`${section}.`) ? path.slice(section.length + 1) : path] = message;
  return out;
}
