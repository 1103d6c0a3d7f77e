/** Kysely implementation of the order and customer ports: stock taken with a guarded update, numbers from a sequence row. */
import { sql, type Selectable } from 'kysely';
import type { Tx } from '../../services/ports.js';
import type { CustomerRepo, Order, OrderRepo, StockLine } from '../../services/orders/ports.js';
import type { OrderStatus, PaymentStatus } from '../../domain/orders/order-status.js';
import { isPostgres, type Db } from './kysely.js';
import type { OrdersTable } from './orders-schema.js';
import { markStatsDirty } from './stats-rollup.js';

const on = (tx: Tx | null, db: Db) => (tx ? (tx as unknown as Db) : db);

function toOrder(row: Selectable<OrdersTable> & { pickup_point: string | null; weight_grams: number | null }, items: Order['items']): Order {
  return {
    id: row.id,
    number: row.number,
    status: row.status as OrderStatus,
    paymentStatus: row.payment_status as PaymentStatus,
    customerId: row.customer_id,
    locale: row.locale === 'en' ? 'en' : 'cs',
    email: row.email,
    name: row.name,
    phone: row.phone,
    company: row.company,
    ico: row.ico,
    dic: row.dic,
    billingAddress: JSON.parse(row.billing_address),
    shippingAddress: row.shipping_address ? JSON.parse(row.shipping_address) : null,
    shipping: { code: row.shipping_code, name: row.shipping_name, carrier: row.shipping_carrier, price: row.shipping_price, vatRate: row.shipping_vat_rate },
    pickupPoint: row.pickup_point ? JSON.parse(row.pickup_point) : null,
    weightGrams: row.weight_grams ?? 0,
    payment: { code: row.payment_code, kind: row.payment_kind, name: row.payment_name, price: row.payment_price, vatRate: row.payment_vat_rate },
    variableSymbol: row.variable_symbol,
    note: row.note,
    itemCount: row.item_count,
    itemsTotal: row.items_total,
    discount: row.discount ? JSON.parse(row.discount) : null,
    total: row.total,
    currency: 'CZK',
    accessToken: row.access_token,
    items,
    createdAt: row.created_at,
  };
}

/**
 * PostgreSQL, one statement: the variants are locked in id order, each guarded update takes its quantity (a row another
 * order changed meanwhile is re-checked at its newest version), then the products of the taken variants are locked in
 * id order. Every order takes its locks in that same order — variants by id, then products by id — so two orders wait
 * for each other but never deadlock; the products stay locked until commit, for the stock totals written next.
 */
async function takeStockPostgres(executor: Db, lines: StockLine[]): Promise<number[]> {
  const wanted = sql.join(lines.map((l) => sql`(${l.variantId}::bigint, ${l.quantity}::integer)`));
  const result = await sql<{ id: number }>`
    with wanted(id, quantity) as (values ${wanted}),
    locked as materialized (select v.id from variants v where v.id in (select id from wanted) order by v.id for update),
    taken as (
      update variants v set stock = v.stock - w.quantity
      from wanted w, locked l
      where v.id = w.id and l.id = w.id and v.stock >= w.quantity
      returning v.id, v.product_id
    ),
    products_locked as materialized (select p.id from products p where p.id in (select product_id from taken) order by p.id for update)
    select t.id from taken t where (select count(*) from products_locked) >= 0`.execute(executor);
  return result.rows.map((r) => Number(r.id));
}

/** SQLite, one statement: the whole transaction already holds the database's single write lock. */
async function takeStockSqlite(executor: Db, lines: StockLine[]): Promise<number[]> {
  const quantity = sql<number>`(case id ${sql.join(
    lines.map((l) => sql`when ${l.variantId} then ${l.quantity}`),
    sql` `,
  )} end)`;
  const rows = await executor
    .updateTable('variants')
    .set((eb) => ({ stock: eb('stock', '-', quantity) }))
    .where('id', 'in', lines.map((l) => l.variantId))
    .where('stock', '>=', quantity)
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

const sequenceName = (scope: string) => `order_number_${scope.replace(/\W/g, '')}`;

export function orderRepo(db: Db): OrderRepo {
  const postgres = isPostgres(db);
  const sequences = new Map<string, Promise<void>>();
  /**
   * Creates a number sequence on first use. Two requests creating the same sequence at the same moment (the first
   * orders after a start, or two processes) make PostgreSQL fail one of them with a unique violation in its catalog
   * even with IF NOT EXISTS; that loser's sequence exists all the same. One creation per process, and the race tolerated.
   */
  const ensureSequence = (name: string) => {
    let ready = sequences.get(name);
    if (!ready) {
      ready = sql`create sequence if not exists ${sql.id(name)}`
        .execute(db)
        .then(
          () => undefined,
          (error: unknown) => {
            if (['23505', '42P07'].includes((error as { code?: string }).code ?? '')) return;
            sequences.delete(name);
            throw error;
          },
        );
      sequences.set(name, ready);
    }
    return ready;
  };
  const load = async (row: (Selectable<OrdersTable> & { pickup_point: string | null; weight_grams: number | null }) | undefined, executor: Db = db) => {
    if (!row) return null;
    const items = await executor.selectFrom('order_items').select(['sku', 'name', 'quantity', 'unit_price', 'vat_rate', 'total']).where('order_id', '=', row.id).orderBy('position').execute();
    return toOrder(
      row,
      items.map((i) => ({ sku: i.sku, name: i.name, quantity: i.quantity, unitPrice: i.unit_price, vatRate: i.vat_rate, total: i.total })),
    );
  };

  return {
    async variantsBySku(tx, skus) {
      if (skus.length === 0) return [];
      const rows = await on(tx, db)
        .selectFrom('variants')
        .innerJoin('products', 'products.id', 'variants.product_id')
        .select(['variants.id as variantId', 'variants.product_id as productId', 'variants.sku', 'variants.name as variantName', 'products.name as productName', 'variants.price', 'products.vat_rate as vatRate', 'variants.stock', 'products.active', 'variants.weight_grams as weightGrams'])
        .where('variants.sku', 'in', skus)
        .execute();
      return rows.map((r) => ({
        variantId: r.variantId,
        productId: r.productId,
        sku: r.sku,
        // The name as the customer saw it, kept on the order even if the product is renamed later.
        name: r.variantName ? `${r.productName} – ${r.variantName}` : r.productName,
        price: r.price,
        vatRate: r.vatRate,
        stock: r.stock,
        active: r.active === 1,
        weightGrams: r.weightGrams,
      }));
    },

    async takeStock(tx, lines) {
      if (lines.length === 0) return [];
      const executor = on(tx, db);
      const taken = new Set(postgres ? await takeStockPostgres(executor, lines) : await takeStockSqlite(executor, lines));
      const short = lines.filter((l) => !taken.has(l.variantId)).map((l) => l.variantId);
      if (short.length > 0) return short;
      // A statement of its own: on PostgreSQL it sees every order committed before this one's product locks were granted.
      const productIds = [...new Set(lines.map((l) => l.productId))];
      await executor
        .updateTable('products')
        .set({ stock_total: sql<number>`(select coalesce(sum(v.stock), 0) from variants v where v.product_id = products.id)` })
        .where('id', 'in', productIds)
        .execute();
      return [];
    },

    async prepareSequence(scope) {
      if (postgres) await ensureSequence(sequenceName(scope));
    },

    async nextSequence(tx, scope) {
      if (postgres) {
        // A PostgreSQL sequence hands out numbers without a row lock held to commit, so orders do not queue behind
        // each other (a rolled-back order leaves a gap, which order numbers may have).
        const row = await sql<{ n: number }>`select nextval(${sequenceName(scope)}::regclass) as n`.execute(on(tx, db));
        return Number(row.rows[0]!.n);
      }
      const row = await on(tx, db)
        .insertInto('order_sequences')
        .values({ scope, last_value: 1 })
        .onConflict((oc) => oc.column('scope').doUpdateSet({ last_value: sql<number>`order_sequences.last_value + 1` }))
        .returning('last_value')
        .executeTakeFirstOrThrow();
      return row.last_value;
    },

    async insert(tx, order) {
      const executor = on(tx, db);
      const values = {
        number: order.number,
        status: order.status,
        payment_status: order.paymentStatus,
        customer_id: order.customerId,
        locale: order.locale,
        email: order.email,
        name: order.name,
        phone: order.phone,
        company: order.company,
        ico: order.ico,
        dic: order.dic,
        billing_address: JSON.stringify(order.billingAddress),
        shipping_address: order.shippingAddress ? JSON.stringify(order.shippingAddress) : null,
        shipping_code: order.shipping.code,
        shipping_name: order.shipping.name,
        shipping_carrier: order.shipping.carrier,
        shipping_price: order.shipping.price,
        shipping_vat_rate: order.shipping.vatRate,
        pickup_point: order.pickupPoint ? JSON.stringify(order.pickupPoint) : null,
        weight_grams: order.weightGrams,
        payment_code: order.payment.code,
        payment_kind: order.payment.kind,
        payment_name: order.payment.name,
        payment_price: order.payment.price,
        payment_vat_rate: order.payment.vatRate,
        variable_symbol: order.variableSymbol,
        note: order.note,
        item_count: order.itemCount,
        items_total: order.itemsTotal,
        discount: order.discount ? JSON.stringify(order.discount) : null,
        total: order.total,
        currency: order.currency,
        access_token: order.accessToken,
        idempotency_key: order.idempotencyKey,
        request_hash: order.requestHash,
        created_at: order.createdAt,
        updated_at: order.createdAt,
      };
      let row: { id: number };
      if (postgres) {
        // One round trip for the order and its items: the items take the new order's id from the insert before them.
        const items = sql.join(
          order.items.map((i, position) => sql`(${i.variantId}::integer, ${i.sku}, ${i.name}, ${i.quantity}::integer, ${i.unitPrice}::integer, ${i.vatRate}::integer, ${i.total}::integer, ${position}::integer)`),
        );
        row = await executor
          .with('o', (w) => w.insertInto('orders').values(values).returning('id'))
          .insertInto('order_items')
          .columns(['order_id', 'variant_id', 'sku', 'name', 'quantity', 'unit_price', 'vat_rate', 'total', 'position'])
          .expression(sql`select o.id, x.* from o, (values ${items}) as x(variant_id, sku, name, quantity, unit_price, vat_rate, total, position)`)
          .returning('order_id as id')
          .executeTakeFirstOrThrow();
      } else {
        row = await executor.insertInto('orders').values(values).returning('id').executeTakeFirstOrThrow();
        await executor
          .insertInto('order_items')
          .values(order.items.map((item, position) => ({ order_id: row.id, variant_id: item.variantId, sku: item.sku, name: item.name, quantity: item.quantity, unit_price: item.unitPrice, vat_rate: item.vatRate, total: item.total, position })))
          .execute();
      }
      // The statistics summaries of that day are recomputed from this marker before they are next read.
      await markStatsDirty(executor, row.id, order.createdAt);
      // The order as it reads back (absent values null, addresses as stored), without reading it back.
      const { items, idempotencyKey: _key, requestHash: _hash, ...fields } = order;
      return {
        ...fields,
        id: row.id,
        customerId: order.customerId ?? null,
        phone: order.phone ?? null,
        company: order.company ?? null,
        ico: order.ico ?? null,
        dic: order.dic ?? null,
        note: order.note ?? null,
        discount: order.discount ? JSON.parse(JSON.stringify(order.discount)) : null,
        billingAddress: JSON.parse(JSON.stringify(order.billingAddress)),
        shippingAddress: order.shippingAddress ? JSON.parse(JSON.stringify(order.shippingAddress)) : null,
        items: items.map(({ variantId: _variantId, ...item }) => item),
      };
    },

    async addEvents(tx, orderId, events) {
      if (events.length === 0) return;
      await on(tx, db)
        .insertInto('order_events')
        .values(events.map((e) => ({ order_id: orderId, at: e.at.toISOString(), kind: e.kind, actor: e.actor, internal: e.internal ? 1 : 0, status_from: e.statusFrom ?? null, status_to: e.statusTo ?? null, text: e.text })))
        .execute();
    },

    async findByIdempotencyKey(key) {
      const row = await db.selectFrom('orders').selectAll().where('idempotency_key', '=', key).executeTakeFirst();
      const order = await load(row);
      return order && row ? { ...order, requestHash: row.request_hash } : null;
    },

    async findByNumber(number) {
      return load(await db.selectFrom('orders').selectAll().where('number', '=', number).executeTakeFirst());
    },

    async findByNumberIn(tx, number) {
      const executor = on(tx, db);
      return load(await executor.selectFrom('orders').selectAll().where('number', '=', number).executeTakeFirst(), executor);
    },
  };
}

export function customerRepo(db: Db): CustomerRepo {
  return {
    async insert(tx, c, at) {
      const row = await on(tx, db)
        .insertInto('customers')
        .values({
          email: c.email,
          name: c.name,
          phone: c.phone,
          company: c.company,
          ico: c.ico,
          dic: c.dic,
          password_hash: c.passwordHash,
          locale: c.locale,
          billing_address: JSON.stringify(c.billingAddress),
          shipping_address: c.shippingAddress ? JSON.stringify(c.shippingAddress) : null,
          created_at: at.toISOString(),
          updated_at: at.toISOString(),
        })
        .onConflict((oc) => oc.column('email').doNothing())
        .returning('id')
        .executeTakeFirst();
      return row?.id ?? null;
    },
  };
}
