/** The rules a product and its variants must follow; problems come back as field path → message key. */
import { CZECH_VAT_RATES } from '../money/vat.js';
import { DESCRIPTION_MAX, htmlToText, renderMarkdown } from '../markdown.js';
import { isValidSlug, slugFromName } from './slug.js';
import { productSearchText } from './search-text.js';
import { isValidGtin, normalizeGtin } from './gtin.js';

export const MAX_PRICE = 100_000_000_00; // 100 million Kč in haléře
export const MAX_STOCK = 1_000_000_000;
export const MAX_VARIANTS = 100;
export const DEFAULT_VAT_RATES: readonly number[] = CZECH_VAT_RATES;

export type VariantInput = {
  id?: number;
  sku: string;
  name: string;
  price: number;
  compareAtPrice: number | null;
  stock: number;
  weightGrams: number | null;
  /** EAN / GTIN (8, 12, 13 or 14 digits with a valid check digit); null or empty: none. */
  ean?: string | null;
};

/** The category of the product in each comparison site's own tree (empty: the shop's category path is sent). */
export type FeedCategories = { heureka: string; zbozi: string; google: string };
export const FEEDS = ['heureka', 'zbozi', 'google'] as const;
export const NO_FEED_CATEGORIES: FeedCategories = { heureka: '', zbozi: '', google: '' };

export type ProductInput = {
  name: string;
  slug: string;
  description: string;
  vatRate: number;
  active: boolean;
  categoryIds: number[];
  variants: VariantInput[];
  /** Manufacturer or brand (feeds, structured data); empty: not given. */
  manufacturer?: string;
  feedCategories?: Partial<FeedCategories>;
};

/** A validated product ready to store: derived HTML, search text and list figures included. */
export type ProductDraft = Omit<ProductInput, 'variants' | 'manufacturer' | 'feedCategories'> & {
  variants: (VariantInput & { ean: string | null })[];
  manufacturer: string;
  feedCategories: FeedCategories;
  descriptionHtml: string;
  searchText: string;
  minPrice: number;
  stockTotal: number;
};

export type FieldErrors = Record<string, string>;

const isWhole = (n: unknown, max: number): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0 && n <= max;

export function normalizeSku(sku: string): string {
  return sku.trim();
}

export function variantProblems(v: VariantInput, path: string, errors: FieldErrors): void {
  const sku = normalizeSku(v.sku ?? '');
  if (!sku) errors[`${path}.sku`] = 'sku_required';
  else if (sku.length > 64 || !/^[\p{L}\p{N}._/-]+$/u.test(sku)) errors[`${path}.sku`] = 'sku_invalid';
  if ((v.name ?? '').trim().length > 100) errors[`${path}.name`] = 'variant_name_too_long';
  if (!isWhole(v.price, MAX_PRICE)) errors[`${path}.price`] = 'price_invalid';
  if (v.compareAtPrice !== null && v.compareAtPrice !== undefined) {
    if (!isWhole(v.compareAtPrice, MAX_PRICE)) errors[`${path}.compareAtPrice`] = 'price_invalid';
    else if (isWhole(v.price, MAX_PRICE) && v.compareAtPrice <= v.price) errors[`${path}.compareAtPrice`] = 'compare_at_not_higher';
  }
  if (!isWhole(v.stock, MAX_STOCK)) errors[`${path}.stock`] = 'stock_invalid';
  if (v.weightGrams !== null && v.weightGrams !== undefined && !isWhole(v.weightGrams, 10_000_000)) errors[`${path}.weightGrams`] = 'weight_invalid';
  if (v.ean && !isValidGtin(v.ean)) errors[`${path}.ean`] = 'ean_invalid';
}

/**
 * Checks a whole product (what a form, the API or one CSV product gives) and derives what is stored.
 * Uniqueness against the database (slug, SKUs) is the service's job; duplicates inside the input are caught here.
 */
export function checkProduct(input: ProductInput, vatRates: readonly number[] = DEFAULT_VAT_RATES): { draft: ProductDraft; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const name = (input.name ?? '').trim();
  if (!name) errors.name = 'name_required';
  else if (name.length > 200) errors.name = 'name_too_long';
  const slug = (input.slug ?? '').trim().toLowerCase() || slugFromName(name);
  if (name && !isValidSlug(slug)) errors.slug = 'slug_invalid';
  const description = (input.description ?? '').trim();
  if (description.length > DESCRIPTION_MAX) errors.description = 'description_too_long';
  if (!vatRates.includes(input.vatRate)) errors.vatRate = 'vat_rate_not_offered';
  const manufacturer = (input.manufacturer ?? '').trim();
  if (manufacturer.length > 200) errors.manufacturer = 'too_long';
  const feedCategories = { ...NO_FEED_CATEGORIES };
  for (const feed of FEEDS) {
    feedCategories[feed] = (input.feedCategories?.[feed] ?? '').trim().replace(/\s+/g, ' ');
    if (feedCategories[feed].length > 255) errors[`feedCategories.${feed}`] = 'too_long';
  }
  if (!Array.isArray(input.variants) || input.variants.length === 0) errors.variants = 'variants_required';
  else if (input.variants.length > MAX_VARIANTS) errors.variants = 'variants_too_many';

  const variants = (input.variants ?? []).map((v) => ({
    ...v,
    sku: normalizeSku(v.sku ?? ''),
    name: (v.name ?? '').trim(),
    compareAtPrice: v.compareAtPrice ?? null,
    weightGrams: v.weightGrams ?? null,
    ean: v.ean?.trim() ? normalizeGtin(v.ean) : null,
  }));
  const seen = new Map<string, number>();
  variants.forEach((v, i) => {
    variantProblems(v, `variants.${i}`, errors);
    if (v.sku && seen.has(v.sku)) errors[`variants.${i}.sku`] = 'sku_duplicate';
    seen.set(v.sku, i);
  });

  const descriptionHtml = errors.description ? '' : renderMarkdown(description);
  const draft: ProductDraft = {
    name,
    slug,
    description,
    descriptionHtml,
    vatRate: input.vatRate,
    active: !!input.active,
    categoryIds: [...new Set(input.categoryIds ?? [])],
    variants,
    manufacturer,
    feedCategories,
    searchText: productSearchText({ name, descriptionText: htmlToText(descriptionHtml), variants }),
    minPrice: variants.length ? Math.min(...variants.map((v) => (isWhole(v.price, MAX_PRICE) ? v.price : 0))) : 0,
    stockTotal: variants.reduce((sum, v) => sum + (isWhole(v.stock, MAX_STOCK) ? v.stock : 0), 0),
  };
  return { draft, errors };
}
