/** Kysely implementation of the product port: loading and saving products with variants, categories and images. */
import { sql, type CompiledQuery, type Selectable, type Transaction } from 'kysely';
import type { Product, ProductImage, ProductRepo, ProductWrite, Variant } from '../../services/catalog/ports.js';
import type { Database } from './schema.js';
import type { ProductImagesTable, ProductsTable, VariantsTable } from './catalog-schema.js';
import { adminProductList, storeProductList, summaries } from './catalog-product-lists.js';
import { rethrowUnique } from './catalog-unique.js';
import { recordPriceChanges } from './price-history.js';
import type { Db } from './kysely.js';

type Executor = Db | Transaction<Database>;

export const toVariant = (r: Selectable<VariantsTable>): Variant => ({
  id: r.id,
  sku: r.sku,
  name: r.name,
  price: r.price,
  compareAtPrice: r.compare_at_price,
  stock: r.stock,
  weightGrams: r.weight_grams,
  position: r.position,
  ean: r.ean,
  lowestPrice30d: r.lowest_price_30d,
});

export const toImage = (r: Selectable<ProductImagesTable>): ProductImage => ({
  id: r.id,
  key: r.key,
  width: r.width,
  height: r.height,
  format: r.format,
  alt: r.alt,
  position: r.position,
});

/**
 * A product's reads (the storefront's product page runs them on every visit), turned into SQL once per database and
 * re-run with new parameters: building and compiling a Kysely query cost more than these index lookups themselves.
 */
function productReads(db: Db) {
  const by = (column: 'id' | 'slug') => db.selectFrom('products').selectAll().where(column, '=', column === 'id' ? 0 : '').compile();
  const reads = {
    byId: by('id'),
    bySlug: by('slug'),
    variants: db.selectFrom('variants').selectAll().where('product_id', '=', 0).orderBy('position').orderBy('id').compile(),
    links: db.selectFrom('product_categories').select('category_id').where('product_id', '=', 0).orderBy('position').compile(),
    images: db.selectFrom('product_images').selectAll().where('product_id', '=', 0).orderBy('position').orderBy('id').compile(),
  };
  const run = async <R,>(query: CompiledQuery<R>, parameter: unknown) => (await db.executeQuery<R>({ ...query, parameters: [parameter] })).rows;
  const load = async (row: Selectable<ProductsTable> | undefined): Promise<Product | null> => {
    if (!row) return null;
    const [variants, links, images] = await Promise.all([run(reads.variants, row.id), run(reads.links, row.id), run(reads.images, row.id)]);
    return toProduct(row, { categoryIds: links.map((l) => l.category_id), variants: variants.map(toVariant), images: images.map(toImage) });
  };
  /** Several products in four statements whatever their number (a list page must not read each product alone), in the order asked. */
  const byIds = async (ids: number[]): Promise<Product[]> => {
    if (ids.length === 0) return [];
    const [rows, variants, links, images] = await Promise.all([
      db.selectFrom('products').selectAll().where('id', 'in', ids).execute(),
      db.selectFrom('variants').selectAll().where('product_id', 'in', ids).orderBy('position').orderBy('id').execute(),
      db.selectFrom('product_categories').select(['product_id', 'category_id']).where('product_id', 'in', ids).orderBy('position').execute(),
      db.selectFrom('product_images').selectAll().where('product_id', 'in', ids).orderBy('position').orderBy('id').execute(),
    ]);
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.flatMap((id) => {
      const row = byId.get(id);
      if (!row) return [];
      return [
        toProduct(row, {
          categoryIds: links.filter((l) => l.product_id === id).map((l) => l.category_id),
          variants: variants.filter((v) => v.product_id === id).map(toVariant),
          images: images.filter((i) => i.product_id === id).map(toImage),
        }),
      ];
    });
  };
  return {
    byId: async (id: number) => load((await run(reads.byId, id))[0]),
    bySlug: async (slug: string) => load((await run(reads.bySlug, slug))[0]),
    byIds,
  };
}

function toProduct(row: Selectable<ProductsTable>, parts: Pick<Product, 'categoryIds' | 'variants' | 'images'>): Product {
  return {
    id: row.id,
    name: row.name,
    slug: row.slug,
    description: row.description,
    descriptionHtml: row.description_html,
    vatRate: row.vat_rate,
    active: row.active === 1,
    ...parts,
    minPrice: row.min_price,
    stockTotal: row.stock_total,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    manufacturer: row.manufacturer,
    feedCategories: { heureka: row.heureka_category, zbozi: row.zbozi_category, google: row.google_category },
  };
}

async function write(trx: Executor, product: ProductWrite, at: Date, id?: number): Promise<number> {
  const columns = {
    name: product.name,
    slug: product.slug,
    description: product.description,
    description_html: product.descriptionHtml,
    vat_rate: product.vatRate,
    active: product.active ? 1 : 0,
    min_price: product.minPrice,
    stock_total: product.stockTotal,
    search_text: product.searchText,
    updated_at: at.toISOString(),
    manufacturer: product.manufacturer,
    heureka_category: product.feedCategories.heureka,
    zbozi_category: product.feedCategories.zbozi,
    google_category: product.feedCategories.google,
  };
  let productId: number;
  if (id === undefined) {
    productId = (await trx.insertInto('products').values({ ...columns, created_at: at.toISOString() }).returning('id').executeTakeFirstOrThrow()).id;
  } else {
    await trx.updateTable('products').set(columns).where('id', '=', id).execute();
    productId = id;
  }
  const keep = product.variants.flatMap((v) => (v.id ? [v.id] : []));
  let removed = trx.deleteFrom('variants').where('product_id', '=', productId);
  if (keep.length) removed = removed.where('id', 'not in', keep);
  await removed.execute();
  for (const [position, v] of product.variants.entries()) {
    const values = { sku: v.sku, name: v.name, price: v.price, compare_at_price: v.compareAtPrice, stock: v.stock, weight_grams: v.weightGrams, position, ean: v.ean };
    if (v.id) await trx.updateTable('variants').set(values).where('id', '=', v.id).where('product_id', '=', productId).execute();
    else await trx.insertInto('variants').values({ ...values, product_id: productId }).execute();
  }
  await trx.deleteFrom('product_categories').where('product_id', '=', productId).execute();
  if (product.categoryIds.length) {
    await trx
      .insertInto('product_categories')
      .values(product.categoryIds.map((category_id, position) => ({ product_id: productId, category_id, position })))
      .execute();
  }
  await recordPriceChanges(trx, productId, at);
  return productId;
}

export function productRepo(db: Db): ProductRepo {
  const reads = productReads(db);
  const findById = reads.byId;
  return {
    findById,
    findBySlug: reads.bySlug,
    async pageRevision(slug) {
      // Read on every product page view: a plain statement skips the query builder, a third of this read's cost.
      const { rows } = await sql<{ revision: number }>`select revision from products where slug = ${slug} and active = 1`.execute(db);
      return rows[0]?.revision ?? null;
    },
    async slugTaken(slug, exceptId) {
      let query = db.selectFrom('products').select('id').where('slug', '=', slug);
      if (exceptId !== undefined) query = query.where('id', '!=', exceptId);
      return !!(await query.executeTakeFirst());
    },
    async skusTaken(skus, exceptProductId) {
      if (skus.length === 0) return [];
      const taken: string[] = [];
      for (let i = 0; i < skus.length; i += 500) {
        let query = db.selectFrom('variants').select('sku').where('sku', 'in', skus.slice(i, i + 500));
        if (exceptProductId !== undefined) query = query.where('product_id', '!=', exceptProductId);
        taken.push(...(await query.execute()).map((r) => r.sku));
      }
      return taken;
    },
    async save(product, at, id) {
      const productId = await db.transaction().execute((trx) => write(trx, product, at, id)).catch(rethrowUnique);
      return (await findById(productId))!;
    },
    async saveAll(items, at) {
      await db
        .transaction()
        .execute(async (trx) => {
          for (const item of items) await write(trx, item.product, at, item.id);
        })
        .catch(rethrowUnique);
      return items.length;
    },
    async delete(id) {
      await db.deleteFrom('products').where('id', '=', id).execute();
    },
    adminList: (query) => adminProductList(db, query),
    storeList: (query) => storeProductList(db, query, (rows) => summaries(db, rows)),
    storeListProducts: (query) => storeProductList(db, query, (rows) => reads.byIds(rows.map((r) => r.id))),
    async count() {
      const row = await db.selectFrom('products').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      return Number(row.n);
    },
    async addImage(productId, image, at) {
      const last = await db.selectFrom('product_images').select((eb) => eb.fn.max('position').as('p')).where('product_id', '=', productId).executeTakeFirst();
      const row = await db
        .insertInto('product_images')
        .values({ ...image, product_id: productId, position: Number(last?.p ?? -1) + 1, created_at: at.toISOString() })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toImage(row);
    },
    async removeImage(productId, imageId) {
      const row = await db.selectFrom('product_images').selectAll().where('id', '=', imageId).where('product_id', '=', productId).executeTakeFirst();
      if (!row) return null;
      await db.deleteFrom('product_images').where('id', '=', imageId).execute();
      return toImage(row);
    },
    async *eachBatch(size) {
      let after = 0;
      for (;;) {
        const rows = await db.selectFrom('products').selectAll().where('id', '>', after).orderBy('id').limit(size).execute();
        if (rows.length === 0) return;
        const ids = rows.map((r) => r.id);
        const [variants, links] = await Promise.all([
          db.selectFrom('variants').selectAll().where('product_id', 'in', ids).orderBy('product_id').orderBy('position').execute(),
          db.selectFrom('product_categories').select(['product_id', 'category_id']).where('product_id', 'in', ids).orderBy('position').execute(),
        ]);
        // Exports and the sitemap need no images.
        yield rows.map((row) =>
          toProduct(row, {
            categoryIds: links.filter((l) => l.product_id === row.id).map((l) => l.category_id),
            variants: variants.filter((v) => v.product_id === row.id).map(toVariant),
            images: [],
          }),
        );
        after = ids[ids.length - 1]!;
      }
    },
    async *eachFeedBatch(size) {
      let after = 0;
      for (;;) {
        const rows = await db
          .selectFrom('products')
          .select('id')
          .where('id', '>', after)
          .where('active', '=', 1)
          .where((eb) => eb.exists(eb.selectFrom('product_images').select('product_images.id').whereRef('product_images.product_id', '=', 'products.id')))
          .orderBy('id')
          .limit(size)
          .execute();
        if (rows.length === 0) return;
        yield await reads.byIds(rows.map((r) => r.id));
        after = rows[rows.length - 1]!.id;
      }
    },
    async catalogFingerprint() {
      const [products, categories] = await Promise.all([
        sql<{ n: number; r: number; m: number }>`select count(*) as n, coalesce(sum(revision), 0) as r, coalesce(max(id), 0) as m from products`.execute(db),
        sql<{ n: number; u: string | null }>`select count(*) as n, max(updated_at) as u from categories`.execute(db),
      ]);
      const p = products.rows[0]!;
      const c = categories.rows[0]!;
      return `${Number(p.n)}.${Number(p.r)}.${Number(p.m)}.${Number(c.n)}.${c.u ?? ''}`;
    },
    async publicSlugs() {
      return (await db.selectFrom('products').select(['slug', 'updated_at']).where('active', '=', 1).orderBy('id').execute()).map((r) => ({ slug: r.slug, updatedAt: r.updated_at }));
    },
  };
}
