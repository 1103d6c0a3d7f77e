/** Kysely implementation of the Orders panel port: keyset-paged list with filters, timeline, parcels, guarded status moves. */
import { sql, type ExpressionBuilder } from 'kysely';
import type { Tx } from '../../services/ports.js';
import type { ListCursor, OrderListRow, OrderPanelRepo } from '../../services/orders/panel-ports.js';
import { ORDER_STATUSES, type OrderStatus, type PaymentStatus } from '../../domain/orders/order-status.js';
import { isPostgres, type Db } from './kysely.js';
import type { Database } from './schema.js';
import { markStatsDirtyById } from './stats-rollup.js';

const on = (tx: Tx | null, db: Db) => (tx ? (tx as unknown as Db) : db);
const like = (text: string) => `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export function orderPanelRepo(db: Db): OrderPanelRepo {
  const postgres = isPostgres(db);
  // Row values, so both databases seek the (created_at, id) index to the cursor instead of filtering from the top.
  const older = (eb: ExpressionBuilder<Database, 'orders'>, c: ListCursor) => eb(eb.refTuple('orders.created_at', 'orders.id'), '<', eb.tuple(c.createdAt, c.id));
  const newer = (eb: ExpressionBuilder<Database, 'orders'>, c: ListCursor) => eb(eb.refTuple('orders.created_at', 'orders.id'), '>', eb.tuple(c.createdAt, c.id));

  return {
    async list(query) {
      const backwards = !!query.before && !query.after;
      let select = db
        .selectFrom('orders')
        .select(['id', 'number', 'status', 'payment_status', 'created_at', 'total', 'item_count', 'email', 'name', 'payment_name', 'tracking_missing'])
        // The flag is for the staff's own notes: the shop's automatic ones (the guest's data, an unverified email) do not count.
        .select((eb) =>
          eb.exists(eb.selectFrom('order_events').select('order_events.id').whereRef('order_events.order_id', '=', 'orders.id').where('order_events.kind', '=', 'note').where('order_events.actor', '<>', 'system')).as('has_notes'),
        );
      if (query.status) select = select.where('status', '=', query.status);
      if (query.paymentStatus) select = select.where('payment_status', '=', query.paymentStatus);
      if (query.from) select = select.where('created_at', '>=', query.from);
      if (query.to) select = select.where('created_at', '<=', query.to);
      const q = query.q?.trim();
      if (q && /^[^@\s]+@\S*$/.test(q)) {
        // An email (or its start): a prefix match on lower(email), which the orders_email_lower index answers.
        const prefix = q.toLowerCase();
        select = postgres
          ? select.where(sql<boolean>`lower(orders.email) like ${`${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`} escape ${sql`'\\'`}`)
          : select.where(sql<boolean>`lower(orders.email) >= ${prefix} and lower(orders.email) < ${`${prefix}\uffff`}`);
      } else if (q) {
        const pattern = like(q);
        const escape = sql`'\\'`;
        select = select.where((eb) =>
          eb.or([
            eb('number', '=', q),
            sql<boolean>`lower(orders.name) like ${pattern} escape ${escape}`,
            sql<boolean>`lower(orders.email) like ${pattern} escape ${escape}`,
            sql<boolean>`replace(coalesce(orders.phone, ''), ' ', '') like ${like(q.replace(/\s/g, ''))} escape ${escape}`,
            eb.exists(eb.selectFrom('order_parcels').select('order_parcels.id').whereRef('order_parcels.order_id', '=', 'orders.id').where('order_parcels.tracking_number', '=', q)),
          ]),
        );
      }
      if (query.after) select = select.where((eb) => older(eb, query.after!));
      if (backwards) select = select.where((eb) => newer(eb, query.before!));
      const direction = backwards ? 'asc' : 'desc';
      const rows = await select.orderBy('created_at', direction).orderBy('id', direction).limit(query.limit + 1).execute();
      const more = rows.length > query.limit;
      const page = rows.slice(0, query.limit);
      if (backwards) page.reverse();
      const items: OrderListRow[] = page.map((r) => ({
        id: r.id,
        number: r.number,
        status: r.status as OrderStatus,
        paymentStatus: r.payment_status as PaymentStatus,
        createdAt: r.created_at,
        total: r.total,
        currency: 'CZK',
        itemCount: r.item_count,
        email: r.email,
        name: r.name,
        paymentName: r.payment_name,
        hasNotes: Boolean(r.has_notes),
        trackingMissing: r.tracking_missing === 1,
      }));
      const cursorOf = (row: OrderListRow | undefined) => (row ? { createdAt: row.createdAt, id: row.id } : null);
      return {
        items,
        next: backwards || more ? cursorOf(items.at(-1)) : null,
        previous: query.after || (backwards && more) ? cursorOf(items[0]) : null,
      };
    },

    async statusCounts() {
      const rows = await db.selectFrom('orders').select(['status', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('status').execute();
      const counts = Object.fromEntries(ORDER_STATUSES.map((s) => [s, 0])) as Record<OrderStatus, number>;
      for (const row of rows) if (row.status in counts) counts[row.status as OrderStatus] = Number(row.n);
      return counts;
    },

    async countNew() {
      const row = await db.selectFrom('orders').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'new').executeTakeFirstOrThrow();
      return Number(row.n);
    },

    async timeline(orderId) {
      const rows = await db.selectFrom('order_events').selectAll().where('order_id', '=', orderId).orderBy('id', 'desc').execute();
      return rows.map((r) => ({ id: r.id, at: r.at, kind: r.kind, actor: r.actor, internal: r.internal === 1, statusFrom: r.status_from as OrderStatus | null, statusTo: r.status_to as OrderStatus | null, text: r.text }));
    },

    async emails(orderId) {
      const rows = await db.selectFrom('outbox_emails').select(['kind', 'to_address', 'subject', 'status', 'sent_at', 'created_at']).where('order_id', '=', orderId).orderBy('id', 'desc').execute();
      return rows.map((r) => ({ kind: r.kind, to: r.to_address, subject: r.subject, status: r.status, sentAt: r.sent_at, createdAt: r.created_at }));
    },

    async parcels(tx, orderId) {
      const rows = await on(tx, db).selectFrom('order_parcels').selectAll().where('order_id', '=', orderId).orderBy('id').execute();
      return rows.map((r) => ({ id: r.id, carrier: r.carrier, trackingNumber: r.tracking_number, createdAt: r.created_at }));
    },

    async trackingMissing(orderId) {
      const row = await db.selectFrom('orders').select('tracking_missing').where('id', '=', orderId).executeTakeFirst();
      return row?.tracking_missing === 1;
    },

    async addParcels(tx, orderId, parcels, at) {
      if (parcels.length === 0) return;
      await on(tx, db)
        .insertInto('order_parcels')
        .values(parcels.map((p) => ({ order_id: orderId, carrier: p.carrier, tracking_number: p.trackingNumber, created_at: at.toISOString() })))
        .execute();
    },

    async moveStatus(tx, orderId, from, to, at) {
      const result = await on(tx, db).updateTable('orders').set({ status: to, updated_at: at.toISOString() }).where('id', '=', orderId).where('status', '=', from).executeTakeFirst();
      if (Number(result.numUpdatedRows) === 1) await markStatsDirtyById(on(tx, db), orderId);
      return Number(result.numUpdatedRows) === 1;
    },

    async setTrackingMissing(tx, orderId, missing) {
      await on(tx, db).updateTable('orders').set({ tracking_missing: missing ? 1 : 0 }).where('id', '=', orderId).execute();
    },

    async setPaymentStatus(tx, orderId, status, at) {
      // When it was paid dates a prepaid order's taxable supply; a refund keeps it, an undone payment clears it.
      const paidAt = status === 'paid' ? { paid_at: at.toISOString() } : status === 'unpaid' ? { paid_at: null } : {};
      await on(tx, db).updateTable('orders').set({ payment_status: status, updated_at: at.toISOString(), ...paidAt }).where('id', '=', orderId).execute();
    },

    async returnStock(tx, orderId) {
      const executor = on(tx, db);
      const items = await executor
        .selectFrom('order_items')
        .innerJoin('variants', 'variants.id', 'order_items.variant_id')
        .select(['order_items.sku', 'order_items.quantity', 'order_items.variant_id', 'variants.product_id'])
        .where('order_items.order_id', '=', orderId)
        .orderBy('order_items.variant_id')
        .execute();
      for (const item of items) {
        await executor.updateTable('variants').set((eb) => ({ stock: eb('stock', '+', item.quantity) })).where('id', '=', item.variant_id!).execute();
      }
      const productIds = [...new Set(items.map((i) => i.product_id))].sort((a, b) => a - b);
      if (productIds.length > 0) {
        if (postgres) await executor.selectFrom('products').select('id').where('id', 'in', productIds).orderBy('id').forUpdate().execute();
        await executor
          .updateTable('products')
          .set({ stock_total: sql<number>`(select coalesce(sum(v.stock), 0) from variants v where v.product_id = products.id)` })
          .where('id', 'in', productIds)
          .execute();
      }
      return items.map((i) => ({ sku: i.sku, quantity: i.quantity }));
    },

    async lastEventId(tx, orderId) {
      const row = await on(tx, db).selectFrom('order_events').select('id').where('order_id', '=', orderId).orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
      return row.id;
    },
  };
}
