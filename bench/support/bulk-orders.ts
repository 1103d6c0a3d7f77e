/**
 * Fast bulk generation of N orders (1–4 items each) with a small catalogue, registered customers and guests, for the
 * 1M-order benchmarks and the statistics tests: multi-row inserts in batches, SQLite in one transaction.
 * Deterministic for a given seed, so a test can recompute everything from the rows it reads back.
 */
import { sql } from 'kysely';
import { isPostgres, type Db } from '../../src/adapters/db/kysely.js';
import { rebuildStatsRollups } from '../../src/adapters/db/stats-rollup.js';

export type BulkOptions = {
  orders: number;
  /** Orders are spread evenly at random over `days` days ending at `end` (default: about two years up to now). */
  end?: Date;
  days?: number;
  seed?: number;
  /** Explicit creation instants for the first orders (range-edge tests); the rest are random. */
  at?: string[];
  /** Called after each batch with the number of orders written so far. */
  progress?: (written: number) => void;
};

export type BulkCatalog = { categories: number; products: number; variants: { id: number; sku: string; name: string; price: number; vatRate: number; productId: number }[] };

const STATUSES = ['new', 'processing', 'shipped', 'completed', 'cancelled'] as const;
const SHIPPING = [
  { code: 'ppl', name: 'PPL', carrier: 'ppl', price: 9900, vat: 21 },
  { code: 'zasilkovna', name: 'Zásilkovna', carrier: 'zasilkovna', price: 7900, vat: 21 },
  { code: 'pickup', name: 'Osobní odběr', carrier: 'none', price: 0, vat: 21 },
];
const PAYMENT = [
  { code: 'bank-transfer', kind: 'bank_transfer', name: 'Převodem', price: 0, vat: 21 },
  { code: 'cod', kind: 'cod', name: 'Dobírka', price: 3900, vat: 21 },
  { code: 'card', kind: 'card', name: 'Kartou', price: 0, vat: 0 },
];
const CATEGORY_COUNT = 8;
const PRODUCT_COUNT = 40;

/** mulberry32: a tiny seeded generator, so runs repeat exactly. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function nextId(db: Db, table: 'orders' | 'customers' | 'categories' | 'products' | 'variants'): Promise<number> {
  const row = await db.selectFrom(table).select((eb) => eb.fn.max<number>('id').as('m')).executeTakeFirst();
  return Number(row?.m ?? 0) + 1;
}

async function seedCatalog(db: Db, now: string, tag: string): Promise<BulkCatalog> {
  const firstCategory = await nextId(db, 'categories');
  const firstProduct = await nextId(db, 'products');
  const firstVariant = await nextId(db, 'variants');
  await db.insertInto('categories').values(Array.from({ length: CATEGORY_COUNT }, (_, c) => ({ id: firstCategory + c, parent_id: null, name: `Kategorie ${c + 1} <${tag}>`, slug: `bulk-${tag}-kategorie-${c + 1}`, description: '', position: c, visible: 1, created_at: now, updated_at: now }))).execute();
  const variants: BulkCatalog['variants'] = [];
  const products = [];
  for (let p = 0; p < PRODUCT_COUNT; p++) {
    const vatRate = p % 5 === 4 ? 12 : p % 10 === 9 ? 0 : 21;
    const price = 4900 + ((p * 7919) % 200) * 100 + (p % 3) * 50;
    products.push({ id: firstProduct + p, name: `Zboží ${p + 1}`, slug: `bulk-${tag}-zbozi-${p + 1}`, description: '', description_html: '', vat_rate: vatRate, active: 1, min_price: price, stock_total: 2000, search_text: `zbozi ${p + 1}`, created_at: now, updated_at: now });
    for (let v = 0; v < 2; v++) variants.push({ id: firstVariant + p * 2 + v, productId: firstProduct + p, sku: `BULK-${tag}-${p + 1}-${v ? 'B' : 'A'}`, name: `Zboží ${p + 1} ${v ? 'velké' : 'malé'}`, price: price + v * 2000, vatRate });
  }
  await db.insertInto('products').values(products).execute();
  await db.insertInto('variants').values(variants.map((v, i) => ({ id: v.id, product_id: v.productId, sku: v.sku, name: v.name.split(' ').at(-1)!, price: v.price, compare_at_price: null, stock: 1000, weight_grams: null, position: i % 2 }))).execute();
  // Most products in one category, every fifth in two, a few in none (they count under no category).
  const links = [];
  for (let p = 0; p < PRODUCT_COUNT; p++) {
    if (p % 13 === 12) continue;
    links.push({ product_id: firstProduct + p, category_id: firstCategory + (p % CATEGORY_COUNT), position: 0 });
    if (p % 5 === 0) links.push({ product_id: firstProduct + p, category_id: firstCategory + ((p + 3) % CATEGORY_COUNT), position: 1 });
  }
  await db.insertInto('product_categories').values(links).execute();
  return { categories: CATEGORY_COUNT, products: PRODUCT_COUNT, variants };
}

/** Writes the catalogue, customers and `orders` orders; returns the catalogue used. */
export async function bulkOrders(db: Db, options: BulkOptions): Promise<BulkCatalog> {
  const postgres = isPostgres(db);
  const rnd = random(options.seed ?? 1);
  const end = (options.end ?? new Date()).getTime();
  const span = (options.days ?? 730) * 86_400_000;
  const now = new Date(end).toISOString();
  const tag = (options.seed ?? 1).toString(36);
  const work = async (db: Db) => {
    const catalog = await seedCatalog(db, now, tag);
    const customerCount = Math.max(1, Math.ceil(options.orders / 8));
    const guestCount = Math.max(1, Math.ceil(options.orders / 3));
    const firstCustomer = await nextId(db, 'customers');
    for (let c = 0; c < customerCount; c += 2000) {
      const rows = Array.from({ length: Math.min(2000, customerCount - c) }, (_, k) => ({ id: firstCustomer + c + k, email: `zakaznik${c + k}.${tag}@example.cz`, name: `Zákazník ${c + k}`, phone: null, company: null, ico: null, dic: null, password_hash: null, billing_address: null, shipping_address: null, created_at: now, updated_at: now }));
      await db.insertInto('customers').values(rows).execute();
    }
    // Orders in time order, so ids grow with created_at as they do in a real shop.
    const explicit = options.at ?? [];
    const drawn = Array.from({ length: Math.max(0, options.orders - explicit.length) }, () => new Date(end - Math.floor(rnd() * span)).toISOString()).sort();
    const times = [...explicit.slice(0, options.orders), ...drawn];
    const firstOrder = await nextId(db, 'orders');
    const BATCH = postgres ? 1000 : 400;
    for (let start = 0; start < options.orders; start += BATCH) {
      const orders = [];
      const items = [];
      for (let i = start; i < Math.min(options.orders, start + BATCH); i++) {
        const id = firstOrder + i;
        const created = times[i]!;
        const age = (end - Date.parse(created)) / 86_400_000;
        // Recent orders are still open; older ones mostly completed; about one in twelve cancelled.
        const roll = rnd();
        const status = roll < 0.08 ? 'cancelled' : age < 3 ? STATUSES[Math.floor(rnd() * 3)]! : age < 10 && roll < 0.3 ? 'shipped' : 'completed';
        const paymentStatus = status === 'completed' || status === 'shipped' ? 'paid' : status === 'cancelled' && roll < 0.03 ? 'refunded' : 'unpaid';
        const registered = rnd() < 0.6;
        const who = Math.floor(rnd() * (registered ? customerCount : guestCount));
        const email = registered ? `zakaznik${who}.${tag}@example.cz` : `Host${who}.${tag}@Example.net`;
        const shipping = SHIPPING[Math.floor(rnd() * SHIPPING.length)]!;
        const payment = PAYMENT[Math.floor(rnd() * PAYMENT.length)]!;
        const lines = 1 + Math.floor(rnd() * 4);
        let itemsTotal = 0;
        let count = 0;
        for (let l = 0; l < lines; l++) {
          const variant = catalog.variants[Math.floor(rnd() * catalog.variants.length)]!;
          const quantity = 1 + Math.floor(rnd() * 3);
          const total = variant.price * quantity;
          itemsTotal += total;
          count += quantity;
          items.push({ order_id: id, variant_id: variant.id, sku: variant.sku, name: variant.name, quantity, unit_price: variant.price, vat_rate: variant.vatRate, total, position: l });
        }
        const number = String(id).padStart(8, '0');
        orders.push({
          id, number, status, payment_status: paymentStatus, customer_id: registered ? firstCustomer + who : null, locale: 'cs', email, name: registered ? `Zákazník ${who}` : `Host ${who}`,
          phone: null, company: null, ico: null, dic: null, billing_address: '{}', shipping_address: null,
          shipping_code: shipping.code, shipping_name: shipping.name, shipping_carrier: shipping.carrier, shipping_price: shipping.price, shipping_vat_rate: shipping.vat,
          payment_code: payment.code, payment_kind: payment.kind, payment_name: payment.name, payment_price: payment.price, payment_vat_rate: payment.vat,
          variable_symbol: number, note: null, item_count: count, items_total: itemsTotal, total: itemsTotal + shipping.price + payment.price, currency: 'CZK',
          access_token: `bulk-${tag}-${id}`, idempotency_key: null, request_hash: null, created_at: created, updated_at: created,
        });
      }
      await db.insertInto('orders').values(orders).execute();
      // PostgreSQL takes at most 65 535 parameters a statement: items (9 columns) go in slices.
      for (let k = 0; k < items.length; k += 3000) await db.insertInto('order_items').values(items.slice(k, k + 3000)).execute();
      options.progress?.(Math.min(options.orders, start + BATCH));
    }
    if (postgres) {
      for (const table of ['orders', 'customers', 'categories', 'products', 'variants'])
        await sql`select setval(pg_get_serial_sequence(${table}, 'id'), (select max(id) from ${sql.table(table)}))`.execute(db);
    }
    // Rows written behind the order services' back: the statistics' summaries are recomputed from them.
    await rebuildStatsRollups(db);
    return catalog;
  };
  return postgres ? work(db) : db.transaction().execute((trx) => work(trx as unknown as Db));
}
