/** `kramek seed --demo`: the demo shop's categories and products with variants, prices, stock and generated images; idempotent. */
import { slugFromName } from '../../domain/catalog/slug.js';
import type { VariantInput } from '../../domain/catalog/product-rules.js';
import type { Clock } from '../ports.js';
import { DEMO_CATEGORIES, DEMO_PRODUCTS, type DemoProduct } from './demo-catalog.js';
import { saveProduct, type ProductDeps } from './save-product.js';
import { createCategory } from './create-category.js';
import { addProductImage } from './product-images.js';
import type { ImageStore } from './ports.js';

export type SeedDeps = ProductDeps & { images: ImageStore; clock: Clock; catalogOptions: { vatRates: readonly number[]; maxImageBytes: number } };

function variantsOf(p: DemoProduct, index: number, sku: string): VariantInput[] {
  // Deterministic variety: some sold out, some with the last pieces, a few in a sale.
  const stockOf = (k: number) => [40, 12, 0, 3, 25, 80, 2, 15][(index + k) % 8]!;
  const sale = index % 7 === 3;
  const price = (koruny: number) => Math.round(koruny) * 100;
  const variant = (suffix: string, name: string, koruny: number, k: number, weightGrams: number | null): VariantInput => ({
    sku: `${sku}-${suffix}`,
    name,
    price: price(koruny),
    compareAtPrice: sale ? price(koruny * 1.25) : null,
    stock: stockOf(k),
    weightGrams,
  });
  switch (p.kind) {
    case 'tea':
      return [variant('50G', '50 g', p.base * 0.55, 0, 50), variant('100G', '100 g', p.base, 1, 100), variant('250G', '250 g', p.base * 2.2, 2, 250)];
    case 'coffee':
      return [variant('250Z', '250 g zrnková', p.base, 0, 250), variant('250M', '250 g mletá', p.base, 1, 250), variant('1KGZ', '1 kg zrnková', p.base * 3.5, 2, 1000)];
    case 'chocolate':
      return [variant('100G', '100 g', p.base, 0, 100)];
    default:
      return (p.colours ?? ['']).map((c, k) => variant(c ? slugFromName(c).toUpperCase() : 'KS', c, p.base, k, 500));
  }
}

export async function seedDemo(deps: SeedDeps): Promise<{ categories: number; products: number }> {
  let categories = 0;
  let products = 0;
  const known = new Map((await deps.categories.all()).map((c) => [c.slug, c.id]));
  for (const c of DEMO_CATEGORIES) {
    if (known.has(c.slug)) continue;
    const parentId = c.parent ? (known.get(c.parent) ?? null) : null;
    const created = await createCategory(deps, { name: c.name, slug: c.slug, description: c.description, parentId, visible: true });
    known.set(c.slug, created.id);
    categories++;
  }
  for (const [index, p] of DEMO_PRODUCTS.entries()) {
    const slug = slugFromName(p.name);
    if (await deps.products.slugTaken(slug)) continue;
    const sku = `${p.kind.slice(0, 3).toUpperCase()}-${String(index + 1).padStart(3, '0')}`;
    const category = DEMO_CATEGORIES.find((c) => c.slug === p.category)!;
    const product = await saveProduct(deps, {
      name: p.name,
      slug,
      description: `${p.text}\n\n**Původ:** pečlivě vybraný dodavatel.\n\n- skladujte v suchu\n- spotřebujte do 12 měsíců`,
      vatRate: p.kind === 'thing' ? 21 : 12,
      active: true,
      categoryIds: [known.get(p.category)!],
      variants: variantsOf(p, index, sku),
    });
    await addProductImage(deps, product.id, { bytes: await deps.images.placeholder(p.name, category.hue + index * 7), alt: p.name });
    products++;
  }
  return { categories, products };
}
