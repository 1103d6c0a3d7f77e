/** The product form as strings (kept as typed when it comes back with errors) and its conversion to the use case's input. */
import { parseMoneyInput } from '../../../domain/money/money.js';
import { FEEDS, type FeedCategories, type ProductInput } from '../../../domain/catalog/product-rules.js';
import type { Product } from '../../../services/catalog/ports.js';
import { list, str } from '../catalog-forms.js';

export type VariantValues = { id: string; sku: string; name: string; price: string; compareAtPrice: string; stock: string; weightGrams: string; ean: string; remove: boolean };
export type ProductFormValues = { name: string; slug: string; description: string; vatRate: string; active: boolean; categoryIds: string[]; variants: VariantValues[]; manufacturer: string; feedCategories: FeedCategories };

export const BLANK_VARIANT_ROWS = 2;
const MAX_ROWS = 120;

const blankVariant = (): VariantValues => ({ id: '', sku: '', name: '', price: '', compareAtPrice: '', stock: '', weightGrams: '', ean: '', remove: false });

/** 12900 → "129", 12950 → "129,50": how a Czech shop owner types prices. */
export function moneyText(minor: number | null): string {
  if (minor === null) return '';
  const whole = Math.floor(minor / 100);
  const cents = minor % 100;
  return cents ? `${whole},${String(cents).padStart(2, '0')}` : String(whole);
}

export function valuesOfProduct(p: Product): ProductFormValues {
  return {
    name: p.name,
    slug: p.slug,
    description: p.description,
    vatRate: String(p.vatRate),
    active: p.active,
    categoryIds: p.categoryIds.map(String),
    variants: [
      ...p.variants.map((v) => ({
        id: String(v.id),
        sku: v.sku,
        name: v.name,
        price: moneyText(v.price),
        compareAtPrice: moneyText(v.compareAtPrice),
        stock: String(v.stock),
        weightGrams: v.weightGrams === null ? '' : String(v.weightGrams),
        ean: v.ean ?? '',
        remove: false,
      })),
      ...Array.from({ length: BLANK_VARIANT_ROWS }, blankVariant),
    ],
    manufacturer: p.manufacturer,
    feedCategories: { ...p.feedCategories },
  };
}

export function emptyProductValues(defaultVat: number): ProductFormValues {
  return { name: '', slug: '', description: '', vatRate: String(defaultVat), active: true, categoryIds: [], variants: [blankVariant(), blankVariant(), blankVariant()], manufacturer: '', feedCategories: { heureka: '', zbozi: '', google: '' } };
}

export function valuesOfBody(body: Record<string, unknown>): ProductFormValues {
  const variants: VariantValues[] = [];
  for (let i = 0; i < MAX_ROWS && `variants.${i}.sku` in body; i++) {
    const f = (name: string) => str(body[`variants.${i}.${name}`]).trim();
    variants.push({ id: f('id'), sku: f('sku'), name: f('name'), price: f('price'), compareAtPrice: f('compareAtPrice'), stock: f('stock'), weightGrams: f('weightGrams'), ean: f('ean'), remove: f('remove') === '1' });
  }
  return {
    name: str(body.name),
    slug: str(body.slug).trim(),
    description: str(body.description),
    vatRate: str(body.vatRate),
    active: str(body.active) === '1',
    categoryIds: list(body.categoryIds),
    variants,
    manufacturer: str(body.manufacturer),
    feedCategories: Object.fromEntries(FEEDS.map((feed) => [feed, str(body[`feedCategories.${feed}`])])) as FeedCategories,
  };
}

const whole = (text: string, empty: number | null): number | null => (text === '' ? empty : /^\d{1,12}$/.test(text.replace(/\s/g, '')) ? Number(text.replace(/\s/g, '')) : NaN);

/** The input for the use case, and for each of its variants the form row it came from (blank and removed rows are skipped). */
export function inputOfValues(v: ProductFormValues): { input: ProductInput; rows: number[] } {
  const rows: number[] = [];
  const variants = v.variants.flatMap((row, index) => {
    const blank = !row.sku && !row.name && !row.price && !row.compareAtPrice && !row.stock && !row.weightGrams && !row.ean;
    if (row.remove || (blank && !row.id)) return [];
    rows.push(index);
    return [
      {
        id: row.id ? Number(row.id) : undefined,
        sku: row.sku,
        name: row.name,
        price: row.price === '' ? NaN : (parseMoneyInput(row.price) ?? NaN),
        compareAtPrice: row.compareAtPrice === '' ? null : (parseMoneyInput(row.compareAtPrice) ?? NaN),
        stock: whole(row.stock, 0) as number,
        weightGrams: whole(row.weightGrams, null),
        ean: row.ean || null,
      },
    ];
  });
  return {
    input: {
      name: v.name,
      slug: v.slug,
      description: v.description,
      vatRate: /^\d{1,3}$/.test(v.vatRate) ? Number(v.vatRate) : NaN,
      active: v.active,
      categoryIds: v.categoryIds.map(Number).filter(Number.isSafeInteger),
      variants,
      manufacturer: v.manufacturer,
      feedCategories: v.feedCategories,
    },
    rows,
  };
}

/** Field paths of the use case (`variants.0.price`) mapped back to the form's rows. */
export function errorsToRows(errors: Record<string, string>, rows: number[]): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).map(([path, message]) => [path.replace(/^variants\.(\d+)\./, (_, i: string) => `variants.${rows[Number(i)] ?? i}.`), message]));
}
