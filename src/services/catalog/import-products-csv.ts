/**
 * Imports products and variants from CSV: products matched by slug, variants by SKU (others are kept).
 * Every bad row is reported with its line number, and nothing changes unless every row is valid.
 */
import { csvColumnOf, readProductCsv, type CsvProblem, type CsvProduct } from '../../domain/catalog/product-csv.js';
import type { VariantInput } from '../../domain/catalog/product-rules.js';
import { prepareProduct, type ProductDeps } from './save-product.js';
import type { ProductWrite } from './ports.js';

export type ImportResult = { ok: true; created: number; updated: number; variants: number } | { ok: false; problems: CsvProblem[] };

const DEFAULT_VAT = 21;

export async function importProductsCsv(deps: ProductDeps, file: string | Buffer): Promise<ImportResult> {
  const { products, problems } = readProductCsv(file);
  if (products.length === 0 && problems.length === 0) problems.push({ line: 2, column: '', problem: 'csv_empty' });
  const categoryIds = new Map((await deps.categories.all()).map((c) => [c.slug, c.id]));
  const skuOwner = new Map<string, string>();
  const writes: { id?: number; product: ProductWrite }[] = [];
  let created = 0;

  for (const row of products) {
    const lineOf = (path: string) => {
      const m = /^variants\.(\d+)\./.exec(path);
      return m ? (variantLines[Number(m[1])] ?? row.line) : row.line;
    };
    const existing = await deps.products.findBySlug(row.slug);
    const variants: VariantInput[] = existing ? existing.variants.map((v) => ({ ...v })) : [];
    const variantLines: number[] = variants.map(() => row.line);
    for (const v of row.variants) {
      const owner = skuOwner.get(v.sku);
      if (v.sku && owner !== undefined && owner !== row.slug) problems.push({ line: v.line, column: 'sku', problem: 'sku_duplicate' });
      skuOwner.set(v.sku, row.slug);
      const index = variants.findIndex((e) => e.sku === v.sku);
      const value = { sku: v.sku, name: v.name, price: v.price, compareAtPrice: v.compareAtPrice, stock: v.stock, weightGrams: v.weightGrams };
      if (index === -1) {
        variants.push(value);
        variantLines.push(v.line);
      } else {
        variants[index] = { ...variants[index]!, ...value };
        variantLines[index] = v.line;
      }
    }
    const unknown = (row.categorySlugs ?? []).filter((s) => !categoryIds.has(s));
    if (unknown.length) problems.push({ line: row.line, column: 'categories', problem: 'category_unknown' });
    const input = mergeProduct(row, existing, variants, categoryIds);
    if (!existing && !row.name) problems.push({ line: row.line, column: 'product_name', problem: 'name_required' });
    const { write, errors } = await prepareProduct(deps, input, existing?.id);
    for (const [path, problem] of Object.entries(errors)) {
      if (path === 'name' && !row.name) continue; // reported above
      problems.push({ line: lineOf(path), column: csvColumnOf(path), problem });
    }
    writes.push({ id: existing?.id, product: write });
    if (!existing) created++;
  }

  if (problems.length) {
    const unique = new Map(problems.map((p) => [`${p.line}|${p.column}|${p.problem}`, p]));
    return { ok: false, problems: [...unique.values()].sort((a, b) => a.line - b.line) };
  }
  await deps.products.saveAll(writes, deps.clock.now());
  return { ok: true, created, updated: writes.length - created, variants: products.reduce((n, p) => n + p.variants.length, 0) };
}

function mergeProduct(row: CsvProduct, existing: Awaited<ReturnType<ProductDeps['products']['findBySlug']>>, variants: VariantInput[], categoryIds: Map<string, number>) {
  return {
    name: row.name || existing?.name || '',
    slug: row.slug,
    description: row.description ?? existing?.description ?? '',
    vatRate: row.vatRate ?? existing?.vatRate ?? DEFAULT_VAT,
    active: row.active ?? existing?.active ?? true,
    categoryIds: row.categorySlugs ? row.categorySlugs.flatMap((s) => (categoryIds.has(s) ? [categoryIds.get(s)!] : [])) : (existing?.categoryIds ?? []),
    variants,
    // Not in the CSV: kept as they are.
    manufacturer: existing?.manufacturer,
    feedCategories: existing?.feedCategories,
  };
}
