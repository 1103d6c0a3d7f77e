/** Product lists: the admin's keyset-paged table and the storefront's sorted pages, with full-text search on either database. */
import { sql, type ExpressionBuilder, type SelectQueryBuilder } from 'kysely';
import type { AdminProductQuery, ProductPage, ProductSummary, StoreProductQuery } from '../../services/catalog/ports.js';
import { searchTerms } from '../../domain/catalog/search-text.js';
import type { Database } from './schema.js';
import { isPostgres, type Db } from './kysely.js';
import { toImage } from './catalog-product-repo.js';

type ProductQuery = SelectQueryBuilder<Database, 'products', object>;

/** Every word must match, each as a prefix ("cokol" finds "čokoláda"); null when the query has no words. */
function matchExpression(db: Db, q: string) {
  const terms = searchTerms(q);
  if (terms.length === 0) return null;
  if (isPostgres(db)) {
    const tsquery = terms.map((t) => `${t}:*`).join(' & ');
    return (eb: ExpressionBuilder<Database, 'products'>) => eb(sql.ref('products.search_vector'), '@@', sql`to_tsquery('simple', ${tsquery})`);
  }
  const match = terms.map((t) => `"${t}"*`).join(' ');
  return (eb: ExpressionBuilder<Database, 'products'>) => eb('products.id', 'in', sql<number>`(select rowid from products_fts where products_fts match ${match})`);
}

function filtered(db: Db, base: ProductQuery, f: { q?: string; categoryIds?: number[]; inStock?: boolean; active?: boolean }): ProductQuery | null {
  let query = base;
  if (f.q?.trim()) {
    const match = matchExpression(db, f.q);
    if (!match) return null;
    query = query.where(match);
  }
  if (f.categoryIds) {
    const ids = f.categoryIds;
    if (ids.length === 0) return null;
    query = query.where((eb) =>
      eb.exists(eb.selectFrom('product_categories as pc').select('pc.product_id').whereRef('pc.product_id', '=', 'products.id').where('pc.category_id', 'in', ids)),
    );
  }
  if (f.inStock !== undefined) query = query.where('products.stock_total', f.inStock ? '>' : '<=', 0);
  if (f.active !== undefined) query = query.where('products.active', '=', f.active ? 1 : 0);
  return query;
}

const SUMMARY_COLUMNS = ['products.id', 'products.name', 'products.slug', 'products.active', 'products.vat_rate', 'products.min_price', 'products.stock_total', 'products.created_at'] as const;

/** Adds what a card needs besides the product row: the first image, the cheapest variant's compare-at price, the variant count. */
async function summaries(db: Db, rows: { id: number; name: string; slug: string; active: number; vat_rate: number; min_price: number; stock_total: number; created_at: string }[]): Promise<ProductSummary[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [images, variants] = await Promise.all([
    db.selectFrom('product_images').selectAll().where('product_id', 'in', ids).orderBy('position').orderBy('id').execute(),
    db.selectFrom('variants').select(['product_id', 'price', 'compare_at_price']).where('product_id', 'in', ids).orderBy('price').execute(),
  ]);
  return rows.map((r) => {
    const own = variants.filter((v) => v.product_id === r.id);
    const image = images.find((i) => i.product_id === r.id);
    return {
      id: r.id,
      name: r.name,
      slug: r.slug,
      active: r.active === 1,
      vatRate: r.vat_rate,
      minPrice: r.min_price,
      compareAtPrice: own[0]?.compare_at_price ?? null,
      stockTotal: r.stock_total,
      variantCount: own.length,
      image: image ? toImage(image) : null,
      createdAt: r.created_at,
    };
  });
}

const SORT_COLUMN = { newest: 'products.id', name: 'products.name', price: 'products.min_price', stock: 'products.stock_total' } as const;

const encodeCursor = (value: string | number, id: number) => Buffer.from(JSON.stringify([value, id])).toString('base64url');
function decodeCursor(cursor: string): [string | number, number] | null {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 2 && ['string', 'number'].includes(typeof parsed[0]) && Number.isSafeInteger(parsed[1])) return parsed as [string | number, number];
  } catch {
    // a bad cursor reads as the first page
  }
  return null;
}

export async function adminProductList(db: Db, q: AdminProductQuery): Promise<ProductPage> {
  const where = filtered(db, db.selectFrom('products'), { q: q.q, categoryIds: q.categoryId === undefined ? undefined : [q.categoryId], inStock: q.inStock, active: q.active });
  if (!where) return { items: [], nextCursor: null, prevCursor: null };
  let query = where.select([...SUMMARY_COLUMNS]);
  const column = SORT_COLUMN[q.sort];
  // "newest" runs id descending; the others run ascending with id as the tie-breaker.
  const descending = q.sort === 'newest';
  const backwards = !!q.cursor?.before;
  const position = decodeCursor(q.cursor?.before ?? q.cursor?.after ?? '');
  const forwardDir = descending !== backwards ? 'desc' : 'asc';
  if (position) {
    const [value, id] = position;
    const op = forwardDir === 'desc' ? '<' : '>';
    query = q.sort === 'newest' ? query.where('products.id', op, id) : query.where((eb) => eb.or([eb(column, op, value), eb.and([eb(column, '=', value), eb('products.id', op, id)])]));
  }
  if (q.sort !== 'newest') query = query.orderBy(column, forwardDir);
  query = query.orderBy('products.id', forwardDir);
  const rows = await query.limit(q.limit + 1).execute();
  const more = rows.length > q.limit;
  const page = rows.slice(0, q.limit);
  if (backwards) page.reverse();
  const cursorOf = (r: (typeof rows)[number]) => encodeCursor(q.sort === 'newest' ? r.id : q.sort === 'name' ? r.name : q.sort === 'price' ? r.min_price : r.stock_total, r.id);
  const first = page[0];
  const last = page[page.length - 1];
  return {
    items: await summaries(db, page),
    nextCursor: last && (backwards || more) ? cursorOf(last) : null,
    prevCursor: first && (backwards ? more : !!position) ? cursorOf(first) : null,
  };
}

export async function storeProductList(db: Db, q: StoreProductQuery): Promise<{ items: ProductSummary[]; total: number }> {
  const query = filtered(db, db.selectFrom('products').where('products.active', '=', 1), { q: q.q, categoryIds: q.categoryIds, inStock: q.inStock });
  if (!query) return { items: [], total: 0 };
  let list = query.select([...SUMMARY_COLUMNS]);
  if (q.sort === 'price') list = list.orderBy('products.min_price', 'asc').orderBy('products.id', 'desc');
  else if (q.sort === 'price_desc') list = list.orderBy('products.min_price', 'desc').orderBy('products.id', 'desc');
  else if (q.sort === 'name') list = list.orderBy('products.name', 'asc').orderBy('products.id', 'asc');
  else list = list.orderBy('products.id', 'desc');
  const [rows, count] = await Promise.all([
    list.limit(q.limit).offset((q.page - 1) * q.limit).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: await summaries(db, rows), total: Number(count.n) };
}
