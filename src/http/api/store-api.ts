/** The public Store API for products (CONTRACT.md): list with `q`, `category`, `page`, `limit`, and one product by slug. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { CURRENCY } from '../../domain/money/money.js';
import { DomainError } from '../../domain/errors.js';
import type { Services } from '../../services/services.js';
import type { Category, Product } from '../../services/catalog/ports.js';
import { thumbUrl } from '../storefront/media-routes.js';
import { CATALOGUE_PAGE, microCache } from '../storefront/page-cache.js';

const listQuery = z.object({
  q: z.string().max(200).optional(),
  category: z.string().max(160).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  limit: z.coerce.number().int().min(1).max(100).default(24),
});

export function productJson(p: Product, categories: Category[]) {
  const slugOf = (id: number) => categories.find((c) => c.id === id)?.slug;
  const categorySlugs = p.categoryIds.map(slugOf).filter((s): s is string => !!s);
  return {
    id: p.id,
    slug: p.slug,
    name: p.name,
    category: categorySlugs[0] ?? null,
    categories: categorySlugs,
    description: p.descriptionHtml,
    images: p.images.map((i) => ({ url: thumbUrl(i, 1280), width: i.width, height: i.height, alt: i.alt })),
    variants: p.variants.map((v) => ({
      id: v.id,
      sku: v.sku,
      name: v.name,
      price: v.price,
      compareAtPrice: v.compareAtPrice,
      currency: CURRENCY,
      vatRate: p.vatRate,
      stock: v.stock,
      weight: v.weightGrams,
    })),
  };
}

export function storeApiPlugin(services: Services) {
  return async (app: FastifyInstance) => {
    const cached = microCache(services.catalogRevision);
    app.get('/api/store/products', CATALOGUE_PAGE, async (request, reply) => {
      const parsed = listQuery.safeParse(request.query ?? {});
      if (!parsed.success) throw new DomainError('validation', 'bad query', Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.'), 'value_invalid'])));
      const { q, category, page, limit } = parsed.data;
      return cached(request, reply, 'application/json; charset=utf-8', async () => {
        // The list answers full products, as the contract's Product, read for the whole page at once.
        const [result, categories] = await Promise.all([services.storeSearchProducts(q?.trim() ?? '', { page, limit, categorySlug: category }), services.storeCategories()]);
        return JSON.stringify({ items: result.items.map((p) => productJson(p, categories)), total: result.total, page });
      });
    });

    app.get<{ Params: { slug: string } }>('/api/store/products/:slug', CATALOGUE_PAGE, async (request) => {
      const view = await services.storeProduct(request.params.slug);
      if (!view) throw new DomainError('not_found');
      return productJson(view.product, await services.storeCategories());
    });
  };
}
