/** Creates a product or replaces one with what a form or the API gives: rules, unique slug and SKUs, known categories. */
import { DomainError } from '../../domain/errors.js';
import { checkProduct, type FieldErrors, type ProductInput } from '../../domain/catalog/product-rules.js';
import { nextSlug } from '../../domain/catalog/slug.js';
import type { Clock } from '../ports.js';
import type { CategoryRepo, Product, ProductRepo, ProductWrite } from './ports.js';

export type ProductDeps = { products: ProductRepo; categories: CategoryRepo; clock: Clock; catalogOptions: { vatRates: readonly number[] } };

/** Everything but the database's last word: returns the write or the field problems. */
export async function prepareProduct(deps: ProductDeps, input: ProductInput, id?: number): Promise<{ write: ProductWrite; errors: FieldErrors }> {
  const { draft, errors } = checkProduct(input, deps.catalogOptions.vatRates);
  const known = new Set((await deps.categories.all()).map((c) => c.id));
  if (draft.categoryIds.some((c) => !known.has(c))) errors.categoryIds = 'category_unknown';

  if (!errors.slug && !errors.name) {
    if (input.slug?.trim()) {
      if (await deps.products.slugTaken(draft.slug, id)) errors.slug = 'slug_taken';
    } else {
      const base = draft.slug;
      for (let attempt = 1; await deps.products.slugTaken(draft.slug, id); attempt++) draft.slug = nextSlug(base, attempt);
    }
  }
  const taken = new Set(await deps.products.skusTaken(draft.variants.map((v) => v.sku).filter(Boolean), id));
  draft.variants.forEach((v, i) => {
    if (taken.has(v.sku)) errors[`variants.${i}.sku`] = 'sku_taken';
  });
  if (id !== undefined) {
    const existing = await deps.products.findById(id);
    if (!existing) throw new DomainError('not_found');
    const own = new Set(existing.variants.map((v) => v.id));
    draft.variants.forEach((v, i) => {
      if (v.id !== undefined && !own.has(v.id)) errors[`variants.${i}.id`] = 'variant_unknown';
    });
  } else {
    draft.variants.forEach((v) => delete v.id);
  }
  return { write: draft, errors };
}

export async function saveProduct(deps: ProductDeps, input: ProductInput, id?: number): Promise<Product> {
  const { write, errors } = await prepareProduct(deps, input, id);
  if (Object.keys(errors).length) throw new DomainError('validation', 'invalid product', errors);
  return deps.products.save(write, deps.clock.now(), id);
}
