/** Every product and variant as CSV (the import's format), produced a batch at a time so big catalogues stream. */
import { writeProductCsv } from '../../domain/catalog/product-csv.js';
import type { CategoryRepo, ProductRepo } from './ports.js';

export async function* exportProductsCsv(deps: { products: ProductRepo; categories: CategoryRepo }): AsyncGenerator<string> {
  const slugs = new Map((await deps.categories.all()).map((c) => [c.id, c.slug]));
  let first = true;
  for await (const batch of deps.products.eachBatch(500)) {
    const rows = batch.flatMap((p) =>
      p.variants.map((v) => ({
        productSlug: p.slug,
        productName: p.name,
        categorySlugs: p.categoryIds.flatMap((id) => (slugs.has(id) ? [slugs.get(id)!] : [])),
        vatRate: p.vatRate,
        active: p.active,
        description: p.description,
        sku: v.sku,
        variantName: v.name,
        price: v.price,
        compareAtPrice: v.compareAtPrice,
        stock: v.stock,
        weightGrams: v.weightGrams,
      })),
    );
    yield writeProductCsv(rows, first);
    first = false;
  }
  if (first) yield writeProductCsv([], true);
}
