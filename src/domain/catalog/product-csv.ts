/**
 * The product CSV: one row per variant, product columns repeated (or left blank on later rows).
 * Reading accepts a UTF-8 BOM, `;` or `,` and Czech decimal commas; every bad row is reported with its line number.
 */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { parseMoneyInput } from '../money/money.js';
import { slugFromName } from './slug.js';

export const CSV_COLUMNS = ['product_slug', 'product_name', 'categories', 'vat_rate', 'active', 'description', 'sku', 'variant_name', 'price', 'compare_at_price', 'stock', 'weight_grams'] as const;
type Column = (typeof CSV_COLUMNS)[number];

export type CsvVariant = { line: number; sku: string; name: string; price: number; compareAtPrice: number | null; stock: number; weightGrams: number | null };
export type CsvProduct = {
  line: number;
  slug: string;
  name: string;
  categorySlugs: string[] | null;
  vatRate: number | null;
  active: boolean | null;
  description: string | null;
  variants: CsvVariant[];
};
export type CsvProblem = { line: number; column: string; problem: string };

const MAX_ROWS = 50_000;

function detectDelimiter(text: string): ';' | ',' {
  const header = text.slice(0, text.indexOf('\n') === -1 ? text.length : text.indexOf('\n'));
  return (header.match(/;/g)?.length ?? 0) >= (header.match(/,/g)?.length ?? 0) ? ';' : ',';
}

const wholeNumber = (text: string): number | null => (/^\d{1,12}$/.test(text.replace(/[\s\u00A0\u202F]/g, '')) ? Number(text.replace(/[\s\u00A0\u202F]/g, '')) : null);

function flag(text: string): boolean | null {
  const t = text.trim().toLowerCase();
  if (['1', 'ano', 'yes', 'true', 'a'].includes(t)) return true;
  if (['0', 'ne', 'no', 'false', 'n'].includes(t)) return false;
  return null;
}

export function readProductCsv(input: string | Buffer): { products: CsvProduct[]; problems: CsvProblem[] } {
  const text = (typeof input === 'string' ? input : input.toString('utf8')).replace(/^\uFEFF/, '');
  const problems: CsvProblem[] = [];
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { delimiter: detectDelimiter(text), info: true, relax_column_count: true, skip_empty_lines: true, trim: true, bom: true }) as unknown as typeof records;
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    return { products: [], problems: [{ line, column: '', problem: 'csv_malformed' }] };
  }
  const header = records[0]?.record.map((h) => h.trim().toLowerCase()) ?? [];
  const missing = ['sku', 'price'].filter((c) => !header.includes(c));
  if (!header.includes('product_slug') && !header.includes('product_name')) missing.push('product_name');
  if (missing.length) return { products: [], problems: missing.map((column) => ({ line: 1, column, problem: 'csv_column_missing' })) };
  if (records.length - 1 > MAX_ROWS) return { products: [], problems: [{ line: MAX_ROWS + 2, column: '', problem: 'csv_too_many_rows' }] };

  const byKey = new Map<string, CsvProduct>();
  for (const { record, info } of records.slice(1)) {
    const line = info.lines;
    const cell = (c: Column): string | undefined => {
      const i = header.indexOf(c);
      return i === -1 ? undefined : (record[i] ?? '');
    };
    const bad = (column: Column, problem: string) => problems.push({ line, column, problem });
    const slug = (cell('product_slug') || '').toLowerCase() || slugFromName(cell('product_name') ?? '');
    if (!slug) {
      bad('product_name', 'name_required');
      continue;
    }
    let product = byKey.get(slug);
    if (!product) {
      product = { line, slug, name: '', categorySlugs: null, vatRate: null, active: null, description: null, variants: [] };
      byKey.set(slug, product);
    }
    const name = cell('product_name');
    if (name && !product.name) product.name = name;
    const categories = cell('categories');
    if (categories && !product.categorySlugs) product.categorySlugs = categories.split(/[|,]/).map((s) => s.trim().toLowerCase()).filter(Boolean);
    const vat = cell('vat_rate')?.replace(/\s*%$/, '');
    if (vat) {
      const rate = wholeNumber(vat);
      if (rate === null) bad('vat_rate', 'vat_rate_not_offered');
      else product.vatRate ??= rate;
    }
    const active = cell('active');
    if (active) {
      const value = flag(active);
      if (value === null) bad('active', 'flag_invalid');
      else product.active ??= value;
    }
    const description = cell('description');
    if (description && product.description === null) product.description = description;

    const price = parseMoneyInput(cell('price') ?? '');
    if (price === null || price < 0) bad('price', 'price_invalid');
    const compareText = cell('compare_at_price') ?? '';
    const compareAtPrice = compareText ? parseMoneyInput(compareText) : null;
    if (compareText && (compareAtPrice === null || compareAtPrice < 0)) bad('compare_at_price', 'price_invalid');
    const stockText = cell('stock') ?? '';
    const stock = stockText ? wholeNumber(stockText) : 0;
    if (stock === null) bad('stock', 'stock_invalid');
    const weightText = cell('weight_grams') ?? '';
    const weightGrams = weightText ? wholeNumber(weightText) : null;
    if (weightText && weightGrams === null) bad('weight_grams', 'weight_invalid');
    product.variants.push({ line, sku: cell('sku') ?? '', name: cell('variant_name') ?? '', price: price ?? -1, compareAtPrice, stock: stock ?? -1, weightGrams });
  }
  return { products: [...byKey.values()], problems };
}

/** CSV field names for the rule paths of product-rules (`variants.0.price` → `price`). */
export function csvColumnOf(path: string): string {
  const last = path.split('.').pop() ?? path;
  const map: Record<string, string> = { name: 'product_name', slug: 'product_slug', vatRate: 'vat_rate', categoryIds: 'categories', compareAtPrice: 'compare_at_price', weightGrams: 'weight_grams', variants: 'sku', stock: 'stock', price: 'price', sku: 'sku', description: 'description' };
  return path.startsWith('variants.') && last === 'name' ? 'variant_name' : (map[last] ?? last);
}

export type CsvExportRow = {
  productSlug: string;
  productName: string;
  categorySlugs: string[];
  vatRate: number;
  active: boolean;
  description: string;
  sku: string;
  variantName: string;
  price: number;
  compareAtPrice: number | null;
  stock: number;
  weightGrams: number | null;
};

const decimal = (minor: number) => `${Math.floor(minor / 100)},${String(minor % 100).padStart(2, '0')}`;

/** Rows as Czech spreadsheets open them: BOM, semicolons, decimal commas. */
export function writeProductCsv(rows: Iterable<CsvExportRow>, withHeader = true): string {
  const data = [...rows].map((r) => [
    r.productSlug,
    r.productName,
    r.categorySlugs.join('|'),
    String(r.vatRate),
    r.active ? '1' : '0',
    r.description,
    r.sku,
    r.variantName,
    decimal(r.price),
    r.compareAtPrice === null ? '' : decimal(r.compareAtPrice),
    String(r.stock),
    r.weightGrams === null ? '' : String(r.weightGrams),
  ]);
  const body = stringify(withHeader ? [[...CSV_COLUMNS], ...data] : data, { delimiter: ';', record_delimiter: '\r\n' });
  return withHeader ? `\uFEFF${body}` : body;
}
