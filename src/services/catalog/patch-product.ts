/**
 * Changes only the given parts of a product (the admin API's PATCH). Variants are matched by `id` or `sku` and only
 * their given fields change; an unmatched entry with a SKU is a new variant; `remove: true` deletes one.
 */
import { DomainError } from '../../domain/errors.js';
import type { ProductInput, VariantInput } from '../../domain/catalog/product-rules.js';
import { saveProduct, type ProductDeps } from './save-product.js';
import type { Product } from './ports.js';

export type VariantPatch = Partial<VariantInput> & { id?: number; sku?: string; remove?: boolean };
export type ProductPatch = Partial<Omit<ProductInput, 'variants'>> & { variants?: VariantPatch[] };
// Fields a patch leaves out keep their current values, the product's feed data included.

export async function patchProduct(deps: ProductDeps, id: number, patch: ProductPatch): Promise<Product> {
  const current = await deps.products.findById(id);
  if (!current) throw new DomainError('not_found');
  const variants: VariantInput[] = current.variants.map((v) => ({ ...v }));
  const errors: Record<string, string> = {};
  const removed = new Set<VariantInput>();
  (patch.variants ?? []).forEach((p, i) => {
    const index = variants.findIndex((v) => (p.id !== undefined ? v.id === p.id : v.sku === p.sku));
    if (index === -1) {
      if (p.id !== undefined) errors[`variants.${i}.id`] = 'variant_unknown';
      else if (p.remove) errors[`variants.${i}.sku`] = 'variant_unknown';
      else variants.push({ sku: p.sku ?? '', name: p.name ?? '', price: p.price ?? NaN, compareAtPrice: p.compareAtPrice ?? null, stock: p.stock ?? 0, weightGrams: p.weightGrams ?? null, ean: p.ean ?? null });
      return;
    }
    const target = variants[index]!;
    if (p.remove) removed.add(target);
    else {
      const { remove: _remove, id: _id, ...fields } = p;
      Object.assign(target, Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)));
    }
  });
  if (Object.keys(errors).length) throw new DomainError('validation', 'unknown variant', errors);
  return saveProduct(
    deps,
    {
      name: patch.name ?? current.name,
      slug: patch.slug ?? current.slug,
      description: patch.description ?? current.description,
      vatRate: patch.vatRate ?? current.vatRate,
      active: patch.active ?? current.active,
      categoryIds: patch.categoryIds ?? current.categoryIds,
      variants: variants.filter((v) => !removed.has(v)),
      manufacturer: patch.manufacturer ?? current.manufacturer,
      feedCategories: { ...current.feedCategories, ...patch.feedCategories },
    },
    id,
  );
}
