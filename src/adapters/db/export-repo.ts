/** Reads orders for exports in keyset batches (oldest first) with their items, parcels and history, and logs exports on the timeline. */
import { sql, type Selectable, type SelectQueryBuilder } from 'kysely';
import type { ExportOrder } from '../../domain/exports/export-order.js';
import type { ExportQuery, ExportRepo } from '../../services/exports/ports.js';
import { isPostgres, type Db } from './kysely.js';
import type { Database } from './schema.js';
import type { OrdersTable } from './orders-schema.js';

const COLUMNS = [
  'id', 'number', 'status', 'payment_status', 'created_at', 'locale', 'email', 'name', 'phone', 'company', 'ico', 'dic', 'billing_address', 'shipping_address',
  'shipping_code', 'shipping_name', 'shipping_carrier', 'shipping_price', 'shipping_vat_rate', 'payment_code', 'payment_kind', 'payment_name', 'payment_price', 'payment_vat_rate',
  'variable_symbol', 'note', 'items_total', 'total', 'currency',
] as const;

type Row = Pick<Selectable<OrdersTable>, (typeof COLUMNS)[number]>;

function filtered<O>(select: SelectQueryBuilder<Database, 'orders', O>, query: ExportQuery) {
  let s = select;
  if (query.numbers) s = s.where('number', 'in', query.numbers.length ? query.numbers : ['']);
  if (query.from) s = s.where('created_at', '>=', query.from);
  if (query.to) s = s.where('created_at', '<', query.to);
  if (query.status) s = s.where('status', '=', query.status);
  return s;
}

function toExportOrder(r: Row): ExportOrder {
  return {
    id: r.id,
    number: r.number,
    status: r.status,
    paymentStatus: r.payment_status,
    createdAt: r.created_at,
    locale: r.locale,
    customer: { email: r.email, name: r.name, phone: r.phone, company: r.company, ico: r.ico, dic: r.dic },
    billingAddress: JSON.parse(r.billing_address),
    shippingAddress: r.shipping_address ? JSON.parse(r.shipping_address) : null,
    shipping: { code: r.shipping_code, name: r.shipping_name, carrier: r.shipping_carrier, price: r.shipping_price, vatRate: r.shipping_vat_rate },
    payment: { code: r.payment_code, kind: r.payment_kind, name: r.payment_name, price: r.payment_price, vatRate: r.payment_vat_rate },
    variableSymbol: r.variable_symbol,
    note: r.note,
    itemsTotal: r.items_total,
    total: r.total,
    currency: r.currency,
    items: [],
    parcels: [],
    history: [],
  };
}

export function exportRepo(db: Db): ExportRepo {
  const postgres = isPostgres(db);
  return {
    async *batches(query, options) {
      let after: { createdAt: string; id: number } | null = null;
      for (;;) {
        let select = filtered(db.selectFrom('orders').select(COLUMNS), query);
        if (after) {
          const c = after;
          // A row-value comparison walks the (created_at, id) index on both databases, so every batch costs the same.
          select = select.where(sql<boolean>`(created_at, id) > (${c.createdAt}, ${c.id})`);
        }
        const rows = await select.orderBy('created_at').orderBy('id').limit(options.batchSize).execute();
        if (rows.length === 0) return;
        const orders = rows.map(toExportOrder);
        const byId = new Map(orders.map((o) => [o.id, o]));
        const ids = orders.map((o) => o.id);
        const [items, parcels, events] = await Promise.all([
          db.selectFrom('order_items').select(['order_id', 'sku', 'name', 'quantity', 'unit_price', 'vat_rate', 'total']).where('order_id', 'in', ids).orderBy('order_id').orderBy('position').execute(),
          db.selectFrom('order_parcels').select(['order_id', 'carrier', 'tracking_number', 'created_at']).where('order_id', 'in', ids).orderBy('order_id').orderBy('id').execute(),
          options.history
            ? db.selectFrom('order_events').select(['order_id', 'at', 'kind', 'status_from', 'status_to', 'text']).where('order_id', 'in', ids).where('kind', '!=', 'note').orderBy('order_id').orderBy('id').execute()
            : Promise.resolve([]),
        ]);
        for (const i of items) byId.get(i.order_id)!.items.push({ sku: i.sku, name: i.name, quantity: i.quantity, unitPrice: i.unit_price, vatRate: i.vat_rate, total: i.total });
        for (const p of parcels) byId.get(p.order_id)!.parcels.push({ carrier: p.carrier, trackingNumber: p.tracking_number, createdAt: p.created_at });
        for (const e of events) byId.get(e.order_id)!.history.push({ at: e.at, kind: e.kind, statusFrom: e.status_from, statusTo: e.status_to, text: e.text });
        yield orders;
        if (rows.length < options.batchSize) return;
        const last = rows[rows.length - 1]!;
        after = { createdAt: last.created_at, id: last.id };
      }
    },

    async count(query) {
      const row = await filtered(db.selectFrom('orders').select((eb) => eb.fn.countAll<number>().as('n')), query).executeTakeFirstOrThrow();
      return Number(row.n);
    },

    async newestNumber() {
      const row = await db.selectFrom('orders').select('number').orderBy('created_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
      return row?.number ?? null;
    },

    async logExports(orderIds, event) {
      if (orderIds.length === 0) return;
      // INSERT … SELECT: one small statement per batch (the ids are its only per-row parameters).
      const at = event.at.toISOString();
      const instant = postgres ? sql<string>`cast(${at} as timestamptz)` : sql<string>`${at}`;
      await db
        .insertInto('order_events')
        .columns(['order_id', 'at', 'kind', 'actor', 'internal', 'text'])
        .expression(
          db
            .selectFrom('orders')
            .select(['id', instant.as('at'), sql<string>`${'export'}`.as('kind'), sql<string>`${event.actor}`.as('actor'), sql<number>`1`.as('internal'), sql<string>`${event.text}`.as('text')])
            .where('id', 'in', orderIds),
        )
        .execute();
    },
  };
}
