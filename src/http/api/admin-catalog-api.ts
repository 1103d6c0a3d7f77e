/** The admin JSON API for the catalogue (/api/admin/products, /api/admin/categories): list, read, create, partial update, delete. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { CURRENCY } from '../../domain/money/money.js';
import { DomainError } from '../../domain/errors.js';
import type { Services } from '../../services/services.js';
import type { AdminProductSort, Category, Product } from '../../services/catalog/ports.js';
import { requireApiToken } from '../middleware/admin-auth.js';
import { thumbUrl } from '../storefront/media-routes.js';

const int = z.number().int();
const variantFields = { name: z.string().max(1000), price: int, compareAtPrice: int.nullable(), stock: int, weight: int.nullable(), ean: z.string().max(40).nullable() };
const productFields = {
  name: z.string().max(1000),
  slug: z.string().max(1000),
  description: z.string().max(100_000),
  vatRate: int,
  active: z.boolean(),
  categoryIds: z.array(int).max(500),
  categories: z.array(z.string().max(200)).max(500),
  manufacturer: z.string().max(1000),
  feedCategories: z.object({ heureka: z.string().max(1000), zbozi: z.string().max(1000), google: z.string().max(1000) }).partial(),
};
const newProduct = z.object({
  ...productFields,
  name: productFields.name,
  variants: z.array(z.object({ sku: z.string().max(200), ...variantFields, name: variantFields.name.optional(), compareAtPrice: variantFields.compareAtPrice.optional(), stock: int.optional(), weight: variantFields.weight.optional(), ean: variantFields.ean.optional() })).max(500),
}).partial({ slug: true, description: true, vatRate: true, active: true, categoryIds: true, categories: true, manufacturer: true, feedCategories: true });
const productPatch = z.object({
  ...productFields,
  variants: z.array(z.object({ id: int, sku: z.string().max(200), remove: z.boolean(), ...variantFields }).partial()).max(500),
}).partial();
const newCategory = z.object({ name: z.string().max(1000), slug: z.string().max(1000).optional(), description: z.string().max(100_000).optional(), parentId: int.nullable().optional(), visible: z.boolean().optional() });
const categoryPatch = newCategory.partial();
const listQuery = z.object({
  q: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
  category: z.coerce.number().int().optional(),
  active: z.enum(['0', '1', 'true', 'false']).optional(),
  inStock: z.enum(['0', '1', 'true', 'false']).optional(),
  sort: z.enum(['newest', 'name', 'price', 'stock']).default('newest'),
});

/** Type errors in a JSON body become 422 with the paths, before any rule runs. */
function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body ?? {});
  if (result.success) return result.data;
  const fields = Object.fromEntries(result.error.issues.map((i) => [i.path.join('.') || 'body', i.code === 'invalid_type' && i.input === undefined ? 'required' : 'value_invalid']));
  throw new DomainError('validation', 'invalid body', fields);
}

const flag = (v: string | undefined) => (v === undefined ? undefined : v === '1' || v === 'true');

export function adminProductJson(p: Product) {
  return {
    id: p.id,
    slug: p.slug,
    name: p.name,
    description: p.description,
    descriptionHtml: p.descriptionHtml,
    vatRate: p.vatRate,
    active: p.active,
    categoryIds: p.categoryIds,
    manufacturer: p.manufacturer,
    feedCategories: p.feedCategories,
    images: p.images.map((i) => ({ id: i.id, url: thumbUrl(i, 1280), width: i.width, height: i.height, alt: i.alt })),
    variants: p.variants.map((v) => ({ id: v.id, sku: v.sku, name: v.name, price: v.price, compareAtPrice: v.compareAtPrice, currency: CURRENCY, vatRate: p.vatRate, stock: v.stock, weight: v.weightGrams, ean: v.ean, lowestPrice30d: v.lowestPrice30d })),
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
  };
}

const categoryJson = (c: Category) => ({ id: c.id, parentId: c.parentId, name: c.name, slug: c.slug, description: c.description, position: c.position, visible: c.visible, createdAt: c.createdAt, updatedAt: c.updatedAt });

export function adminCatalogApiPlugin(services: Services) {
  return async (app: FastifyInstance) => {
    app.addHook('onRequest', requireApiToken(services));
    const id = (text: string) => (/^\d{1,15}$/.test(text) ? Number(text) : 0);
    const categoryIdsOf = async (body: { categoryIds?: number[]; categories?: string[] }) => {
      if (body.categories === undefined) return body.categoryIds;
      const all = await services.listCategories();
      return body.categories.map((slug) => all.find((c) => c.slug === slug)?.id ?? -1);
    };
    const variantOf = (v: { weight?: number | null }) => {
      const { weight, ...rest } = v;
      return weight === undefined ? rest : { ...rest, weightGrams: weight };
    };

    app.get('/api/admin/products', async (request) => {
      const q = parse(listQuery, request.query);
      const page = await services.listProducts({ q: q.q, categoryId: q.category, active: flag(q.active), inStock: flag(q.inStock), sort: q.sort as AdminProductSort, limit: q.limit, cursor: { after: q.cursor } });
      const products = await Promise.all(page.items.map((s) => services.findProduct(s.id)));
      return { items: products.flatMap((p) => (p ? [adminProductJson(p)] : [])), nextCursor: page.nextCursor };
    });
    app.get<{ Params: { id: string } }>('/api/admin/products/:id', async (request) => {
      const product = await services.findProduct(id(request.params.id));
      if (!product) throw new DomainError('not_found');
      return adminProductJson(product);
    });
    app.post('/api/admin/products', async (request, reply) => {
      const body = parse(newProduct, request.body);
      const created = await services.createProduct({
        name: body.name,
        slug: body.slug ?? '',
        description: body.description ?? '',
        vatRate: body.vatRate ?? services.vatRates()[0] ?? 21,
        active: body.active ?? true,
        categoryIds: (await categoryIdsOf(body)) ?? [],
        manufacturer: body.manufacturer,
        feedCategories: body.feedCategories,
        variants: body.variants.map((v) => ({ sku: v.sku, name: v.name ?? '', price: v.price, compareAtPrice: v.compareAtPrice ?? null, stock: v.stock ?? 0, weightGrams: v.weight ?? null, ean: v.ean ?? null })),
      });
      return reply.code(201).send(adminProductJson(created));
    });
    app.patch<{ Params: { id: string } }>('/api/admin/products/:id', async (request) => {
      const body = parse(productPatch, request.body);
      const { categories: _c, variants, ...rest } = body;
      const saved = await services.patchProduct(id(request.params.id), { ...rest, categoryIds: await categoryIdsOf(body), variants: variants?.map(variantOf) });
      return adminProductJson(saved);
    });
    app.delete<{ Params: { id: string } }>('/api/admin/products/:id', async (request, reply) => {
      await services.deleteProduct(id(request.params.id));
      return reply.code(204).send();
    });

    app.get('/api/admin/categories', async (request) => {
      const q = parse(listQuery, request.query);
      const after = q.cursor && /^\d+$/.test(q.cursor) ? Number(q.cursor) : 0;
      const needle = q.q?.trim().toLowerCase();
      const all = (await services.listCategories()).filter((c) => c.id > after && (!needle || c.name.toLowerCase().includes(needle) || c.slug.includes(needle))).sort((a, b) => a.id - b.id);
      const items = all.slice(0, q.limit);
      return { items: items.map(categoryJson), nextCursor: all.length > q.limit ? String(items[items.length - 1]!.id) : null };
    });
    app.get<{ Params: { id: string } }>('/api/admin/categories/:id', async (request) => {
      const category = await services.findCategory(id(request.params.id));
      if (!category) throw new DomainError('not_found');
      return categoryJson(category);
    });
    app.post('/api/admin/categories', async (request, reply) => {
      const body = parse(newCategory, request.body);
      const created = await services.createCategory({ name: body.name, slug: body.slug ?? '', description: body.description ?? '', parentId: body.parentId ?? null, visible: body.visible ?? true });
      return reply.code(201).send(categoryJson(created));
    });
    app.patch<{ Params: { id: string } }>('/api/admin/categories/:id', async (request) => {
      return categoryJson(await services.updateCategory(id(request.params.id), parse(categoryPatch, request.body)));
    });
    app.delete<{ Params: { id: string }; Querystring: { moveTo?: string } }>('/api/admin/categories/:id', async (request, reply) => {
      const moveTo = request.query.moveTo ? id(request.query.moveTo) || -1 : null;
      await services.deleteCategory(id(request.params.id), { moveTo });
      return reply.code(204).send();
    });
  };
}
