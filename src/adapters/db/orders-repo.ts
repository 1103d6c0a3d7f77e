/** Kysely implementation of the order and customer ports: stock taken with a guarded update, numbers from a sequence row. */
import { sql, type Selectable } from 'kysely';
import type { Tx } from '../../services/ports.js';
import type { CustomerRepo, Order, OrderRepo } from '../../services/orders/ports.js';
import type { OrderStatus, PaymentStatus } from '../../domain/orders/order-status.js';
import { isPostgres, type Db } from './kysely.js';
import type { OrdersTable } from './orders-schema.js';
import { markStatsDirty } from './stats-rollup.js';

const on = (tx: Tx | null, db: Db) => (tx ? (tx as unknown as Db) : db);

function toOrder(row: Selectable<OrdersTable>, items: Order['items']): Order {
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
    payment: { code: row.payment_code, kind: row.payment_kind, name: row.payment_name, price: row.payment_price, vatRate: row.payment_vat_rate },
    variableSymbol: row.variable_symbol,
    note: row.note,
    itemCount: row.item_count,
    itemsTotal: row.items_total,
    total: row.total,
    currency: 'CZK',
    accessToken: row.access_token,
    items,
    createdAt: row.created_at,
  };
}

export function orderRepo(db: Db): OrderRepo {
  const postgres = isPostgres(db);
  const knownSequences = new Set<string>();
  const load = async (row: Selectable<OrdersTable> | undefined, executor: Db = db) => {
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
        .select(['variants.id as variantId', 'variants.product_id as productId', 'variants.sku', 'variants.name as variantName', 'products.name as productName', 'variants.price', 'products.vat_rate as vatRate', 'variants.stock', 'products.active'])
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
      }));
    },

    async takeStock(tx, variantId, quantity) {
      const result = await on(tx, db)
        .updateTable('variants')
        .set((eb) => ({ stock: eb('stock', '-', quantity) }))
        .where('id', '=', variantId)
        .where('stock', '>=', quantity)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async refreshProductStock(tx, productIds) {
      if (productIds.length === 0) return;
      const sorted = [...productIds].sort((a, b) => a - b);
      // Rows are locked in id order first, so two orders updating the same products never deadlock.
      if (postgres) await on(tx, db).selectFrom('products').select('id').where('id', 'in', sorted).orderBy('id').forUpdate().execute();
      await on(tx, db)
        .updateTable('products')
        .set({ stock_total: sql<number>`(select coalesce(sum(v.stock), 0) from variants v where v.product_id = products.id)` })
        .where('id', 'in', productIds)
        .execute();
    },

    async nextSequence(tx, scope) {
      if (postgres) {
        // A PostgreSQL sequence hands out numbers without a row lock held to commit, so orders do not queue behind
        // each other (a rolled-back order leaves a gap, which order numbers may have).
        const name = `order_number_${scope.replace(/\W/g, '')}`;
        if (!knownSequences.has(name)) {
          await sql`create sequence if not exists ${sql.id(name)}`.execute(db);
          knownSequences.add(name);
        }
        const row = await sql<{ n: number }>`select nextval(${name}::regclass) as n`.execute(on(tx, db));
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
      const row = await executor
        .insertInto('orders')
        .values({
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
          payment_code: order.payment.code,
          payment_kind: order.payment.kind,
          payment_name: order.payment.name,
          payment_price: order.payment.price,
          payment_vat_rate: order.payment.vatRate,
          variable_symbol: order.variableSymbol,
          note: order.note,
          item_count: order.itemCount,
          items_total: order.itemsTotal,
          total: order.total,
          currency: order.currency,
          access_token: order.accessToken,
          idempotency_key: order.idempotencyKey,
          request_hash: order.requestHash,
          created_at: order.createdAt,
          updated_at: order.createdAt,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await executor
        .insertInto('order_items')
        .values(order.items.map((item, position) => ({ order_id: row.id, variant_id: item.variantId, sku: item.sku, name: item.name, quantity: item.quantity, unit_price: item.unitPrice, vat_rate: item.vatRate, total: item.total, position })))
        .execute();
      await markStatsDirty(executor, row.id, row.created_at);
      return toOrder(row, order.items.map(({ variantId: _variantId, ...item }) => item));
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
