/** Reads orders for exports in keyset batches (oldest first), each with its items, parcels and history, and logs exports on the timeline. */
import { sql, type SelectQueryBuilder } from 'kysely';
import type { ExportAddress, ExportItem, ExportOrder } from '../../domain/exports/export-order.js';
import type { ExportQuery, ExportRepo } from '../../services/exports/ports.js';
import { isPostgres, type Db } from './kysely.js';
import type { Database } from './schema.js';

// Each order comes back as one JSON array (its columns, then its items, parcels and history as nested arrays) beside the
// keyset columns: decoding one JSON text per order costs half as much as building a row object of 29 columns and rows
// from further queries, and the reading is most of an export's CPU time. The nested lists are correlated subqueries,
// each an index lookup by order id whatever the planner's statistics say (a separate IN-list query over the history
// was planned as a full scan right after a large export had logged itself, while the statistics still said "empty").
const FIELDS = [
  'number', 'status', 'payment_status', 'locale', 'email', 'name', 'phone', 'company', 'ico', 'dic', 'billing_address', 'shipping_address',
  'shipping_code', 'shipping_name', 'shipping_carrier', 'shipping_price', 'shipping_vat_rate', 'payment_code', 'payment_kind', 'payment_name', 'payment_price', 'payment_vat_rate',
  'variable_symbol', 'note', 'items_total', 'total', 'currency',
] as const;

type Packed = [
  number: string, status: string, paymentStatus: string, locale: string, email: string, name: string, phone: string | null, company: string | null, ico: string | null, dic: string | null,
  billingAddress: string, shippingAddress: string | null, shippingCode: string, shippingName: string, shippingCarrier: string, shippingPrice: number, shippingVatRate: number,
  paymentCode: string, paymentKind: string, paymentName: string, paymentPrice: number, paymentVatRate: number, variableSymbol: string, note: string | null,
  itemsTotal: number, total: number, currency: string,
  items: [sku: string, name: string, quantity: number, unitPrice: number, vatRate: number, total: number][],
  parcels: [carrier: string, trackingNumber: string, createdAt: string][],
  history: [at: string, kind: string, statusFrom: string | null, statusTo: string | null, text: string][],
];

function packedOrder(postgres: boolean, history: boolean) {
  const fields = sql.raw(FIELDS.map((f) => `orders.${f}`).join(', '));
  // A nested list of one table's rows for this order, in the order given ([] when none). Instants as ISO text with Z,
  // as the rest of Kramek sees them (PostgreSQL would write its own offset form into JSON).
  const list = (columns: string, from: string, where: string, orderBy: string) =>
    postgres
      ? sql`coalesce((select json_agg(json_build_array(${sql.raw(columns)}) order by ${sql.raw(orderBy)}) from ${sql.raw(from)} where ${sql.raw(where)}), '[]'::json)`
      : sql`json((select json_group_array(json_array(${sql.raw(columns)}) order by ${sql.raw(orderBy)}) from ${sql.raw(from)} where ${sql.raw(where)}))`;
  const iso = (column: string) => (postgres ? `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')` : column);
  const items = list('sku, name, quantity, unit_price, vat_rate, total', 'order_items i', 'i.order_id = orders.id', 'i.position');
  const parcels = list(`carrier, tracking_number, ${iso('p.created_at')}`, 'order_parcels p', 'p.order_id = orders.id', 'p.id');
  const events = history
    ? list(`${iso('e.at')}, kind, status_from, status_to, text`, 'order_events e', "e.order_id = orders.id and e.kind <> 'note'", 'e.id')
    : sql`${postgres ? sql`'[]'::json` : sql`json('[]')`}`;
  return postgres ? sql<string>`json_build_array(${fields}, ${items}, ${parcels}, ${events})` : sql<string>`json_array(${fields}, ${items}, ${parcels}, ${events})`;
}

function filtered<O>(select: SelectQueryBuilder<Database, 'orders', O>, query: ExportQuery) {
  let s = select;
  if (query.numbers) s = s.where('number', 'in', query.numbers.length ? query.numbers : ['']);
  if (query.from) s = s.where('created_at', '>=', query.from);
  if (query.to) s = s.where('created_at', '<', query.to);
  if (query.status) s = s.where('status', '=', query.status);
  return s;
}

/** Addresses repeat (returning customers, one shop's pick-up points): each distinct JSON text is decoded once per batch. */
function addressReader() {
  const seen = new Map<string, ExportAddress>();
  return (json: string): ExportAddress => {
    let address = seen.get(json);
    if (!address) {
      address = JSON.parse(json) as ExportAddress;
      seen.set(json, address);
    }
    return address;
  };
}

function toExportOrder(id: number, createdAt: string, p: Packed, address: (json: string) => ExportAddress, discount: string | null): ExportOrder {
  const items: ExportItem[] = new Array(p[27].length);
  for (let k = 0; k < items.length; k++) {
    const i = p[27][k]!;
    items[k] = { sku: i[0], name: i[1], quantity: i[2], unitPrice: i[3], vatRate: i[4], total: i[5] };
  }
  return {
    id,
    number: p[0],
    status: p[1],
    paymentStatus: p[2],
    createdAt,
    locale: p[3],
    customer: { email: p[4], name: p[5], phone: p[6], company: p[7], ico: p[8], dic: p[9] },
    billingAddress: address(p[10]),
    shippingAddress: p[11] ? address(p[11]) : null,
    shipping: { code: p[12], name: p[13], carrier: p[14], price: p[15], vatRate: p[16] },
    payment: { code: p[17], kind: p[18], name: p[19], price: p[20], vatRate: p[21] },
    variableSymbol: p[22],
    note: p[23],
    itemsTotal: p[24],
    // Most orders have none: a column of its own beside the packed array, decoded only when present.
    discount: discount ? JSON.parse(discount) : null,
    total: p[25],
    currency: p[26],
    items,
    parcels: p[28].map((x) => ({ carrier: x[0], trackingNumber: x[1], createdAt: x[2] })),
    history: p[29].map((x) => ({ at: x[0], kind: x[1], statusFrom: x[2], statusTo: x[3], text: x[4] })),
  };
}

export function exportRepo(db: Db): ExportRepo {
  const postgres = isPostgres(db);
  return {
    async *batches(query, options) {
      const packed = packedOrder(postgres, options.history);
      const read = async (after: { createdAt: string; id: number } | null) => {
        let select = filtered(db.selectFrom('orders').select(['id', 'created_at', 'discount', packed.as('j')]), query);
        if (after) {
          // A row-value comparison walks the (created_at, id) index on both databases, so every batch costs the same.
          select = select.where(sql<boolean>`(created_at, id) > (${after.createdAt}, ${after.id})`);
        }
        const rows = await select.orderBy('created_at').orderBy('id').limit(options.batchSize).execute();
        const address = addressReader();
        // PostgreSQL hands json back decoded; SQLite gives the text.
        const orders = rows.map((r) => toExportOrder(r.id, r.created_at, (typeof r.j === 'string' ? JSON.parse(r.j) : r.j) as Packed, address, r.discount));
        const last = rows.length < options.batchSize ? null : { createdAt: rows[rows.length - 1]!.created_at, id: rows[rows.length - 1]!.id };
        return { orders, last };
      };
      // The next batch is read while the caller writes this one: on PostgreSQL the database and the writing overlap.
      let next = read(null);
      for (;;) {
        const { orders, last } = await next;
        if (orders.length === 0) return;
        if (last) {
          next = read(last);
          next.catch(() => {}); // a caller that stops early never awaits it; its failure is not an unhandled rejection
        }
        yield orders;
        if (!last) return;
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
