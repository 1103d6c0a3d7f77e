/** Product lists: the admin's keyset-paged table and the storefront's sorted pages, with full-text search on either database. */
import { sql, type ExpressionBuilder, type SelectQueryBuilder } from 'kysely';
import { SEARCH_COUNT_CAP, type AdminProductQuery, type ProductPage, type ProductSummary, type StoreProductQuery } from '../../services/catalog/ports.js';
import { searchTerms } from '../../domain/catalog/search-text.js';
import type { Database } from './schema.js';
import { isPostgres, type Db } from './kysely.js';
import { toImage } from './catalog-product-repo.js';

type ProductQuery = SelectQueryBuilder<Database, 'products', object>;

/**
 * Every word must match, each as a prefix ("cokol" finds "čokoláda"), except a single letter or digit, which must
 * match a whole word: "z" in "káva z Peru" or "b" in a SKU "B-4711-S" as a prefix would merge the lists of every
 * word starting with it. Null when the query has no words.
 */
function ftsQuery(db: Db, q: string): string | null {
  const terms = searchTerms(q);
  if (terms.length === 0) return null;
  if (isPostgres(db)) return terms.map((t) => (t.length > 1 ? `${t}:*` : t)).join(' & ');
  return terms.map((t) => (t.length > 1 ? `"${t}"*` : `"${t}"`)).join(' ');
}

function matchExpression(db: Db, q: string) {
  const query = ftsQuery(db, q);
  if (query === null) return null;
  if (isPostgres(db)) return (eb: ExpressionBuilder<Database, 'products'>) => eb(sql.ref('products.search_vector'), '@@', sql`to_tsquery('simple', ${query})`);
  return (eb: ExpressionBuilder<Database, 'products'>) => eb('products.id', 'in', sql<number>`(select rowid from products_fts where products_fts match ${query})`);
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
    // Driven from the category index (a product in two sub-categories still counts once); a correlated EXISTS made
    // SQLite walk every active product instead.
    query = query.where('products.id', 'in', (eb) => eb.selectFrom('product_categories as pc').select('pc.product_id').where('pc.category_id', 'in', ids));
  }
  if (f.inStock !== undefined) query = query.where('products.stock_total', f.inStock ? '>' : '<=', 0);
  if (f.active !== undefined) query = query.where('products.active', '=', f.active ? 1 : 0);
  return query;
}

const SUMMARY_COLUMNS = ['products.id', 'products.name', 'products.slug', 'products.active', 'products.vat_rate', 'products.min_price', 'products.stock_total', 'products.created_at'] as const;
type SummaryRow = { id: number; name: string; slug: string; active: number; vat_rate: number; min_price: number; stock_total: number; created_at: string };

/** What a page of listed products becomes: cards (summaries) or, for the Store API, whole products. */
export type ExpandRows<T> = (rows: SummaryRow[]) => Promise<T[]>;

/** Adds what a card needs besides the product row: the first image, the cheapest variant's compare-at price, the variant count. */
export async function summaries(db: Db, rows: SummaryRow[]): Promise<ProductSummary[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [images, variants] = await Promise.all([
    db.selectFrom('product_images').selectAll().where('product_id', 'in', ids).orderBy('position').orderBy('id').execute(),
    db.selectFrom('variants').select(['product_id', 'price', 'compare_at_price', 'lowest_price_30d']).where('product_id', 'in', ids).orderBy('price').execute(),
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
      lowestPrice30d: own[0]?.lowest_price_30d ?? null,
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

export async function storeProductList<T>(db: Db, q: StoreProductQuery, expand: ExpandRows<T>): Promise<{ items: T[]; total: number }> {
  if (q.q?.trim() && q.sort === 'relevance') return rankedSearch(db, q, expand);
  // Within a category the unary plus keeps SQLite off the (active, id) index, which would walk the whole catalogue.
  const active = q.categoryIds ? sql<number>`+${sql.ref('products.active')}` : sql.ref<number>('products.active');
  const query = filtered(db, db.selectFrom('products').where(active, '=', 1), { q: q.q, categoryIds: q.categoryIds, inStock: q.inStock });
  if (!query) return { items: [], total: 0 };
  let list = query.select([...SUMMARY_COLUMNS]);
  if (q.sort === 'price') list = list.orderBy('products.min_price', 'asc').orderBy('products.id', 'desc');
  else if (q.sort === 'price_desc') list = list.orderBy('products.min_price', 'desc').orderBy('products.id', 'desc');
  else if (q.sort === 'name') list = list.orderBy('products.name', 'asc').orderBy('products.id', 'asc');
  else list = list.orderBy('products.id', 'desc');
  const counted = q.q?.trim() ? query.select('products.id').limit(SEARCH_COUNT_CAP) : null;
  const [rows, count] = await Promise.all([
    list.limit(q.limit).offset((q.page - 1) * q.limit).execute(),
    counted
      ? db.selectFrom(counted.as('m')).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
      : query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: await expand(rows), total: Number(count.n) };
}

/**
 * Best match first: FTS5's bm25 `rank` on SQLite, ts_rank on PostgreSQL (whose GIN index finds the matches), newer
 * first among equals. Scoring costs a little for every match, so a query matching more than SEARCH_COUNT_CAP products
 * (one common word, where the scores barely differ) lists them newest first, which the index answers at once; the
 * total stops counting at that cap too.
 */
async function rankedSearch<T>(db: Db, q: StoreProductQuery, expand: ExpandRows<T>): Promise<{ items: T[]; total: number }> {
  const query = ftsQuery(db, q.q ?? '');
  if (query === null) return { items: [], total: 0 };
  const postgres = isPostgres(db);
  const tsquery = sql`to_tsquery('simple', ${query})`;
  const base = postgres
    ? db.selectFrom('products').where(sql.ref('products.search_vector'), '@@', tsquery)
    : // Driven from the full-text index, which hands rows over in rank or rowid order.
      (db.selectFrom('products').innerJoin(sql<{ rowid: number; rank: number }>`products_fts`.as('f'), (join) => join.onRef(sql.ref('f.rowid'), '=', 'products.id')) as unknown as ProductQuery).where(
        sql.ref('f.products_fts'),
        '=',
        sql`${query}`,
      );
  const matches = filtered(db, base.where('products.active', '=', 1), { categoryIds: q.categoryIds, inStock: q.inStock });
  if (!matches) return { items: [], total: 0 };
  const count = await db.selectFrom(matches.select('products.id').limit(SEARCH_COUNT_CAP + 1).as('m')).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const total = Number(count.n);
  if (total === 0) return { items: [], total: 0 };
  const ranked =
    total > SEARCH_COUNT_CAP
      ? matches.orderBy(postgres ? sql.ref('products.id') : sql.ref('f.rowid'), 'desc')
      : postgres
        ? matches.orderBy(sql`ts_rank(products.search_vector, ${tsquery})`, 'desc').orderBy('products.id', 'desc')
        : matches.orderBy(sql.ref('f.rank')).orderBy('products.id', 'desc');
  const rows = await ranked.select([...SUMMARY_COLUMNS]).limit(q.limit).offset((q.page - 1) * q.limit).execute();
  return { items: await expand(rows), total: Math.min(total, SEARCH_COUNT_CAP) };
}
