/** Kysely implementation of the Customers panel port: lists with order aggregates and keyset paging, profile, GDPR rows. */
import { sql, type Selectable } from 'kysely';
import type { Tx } from '../../services/ports.js';
import type { CustomerFields, CustomerRecord, CustomersPanelRepo, CustomerSummary } from '../../services/customers/ports.js';
import type { OrderStatus, PaymentStatus } from '../../domain/orders/order-status.js';
import type { Db } from './kysely.js';
import type { Database } from './schema.js';
import { anonymizeRows, personalRowsOf, subjectInvoicesOf } from './customers-gdpr-rows.js';
import { subjectEmails, subjectOrders } from './customers-subject.js';

const on = (tx: Tx | null, db: Db) => (tx ? (tx as unknown as Db) : db);
const like = (text: string) => `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
const ESCAPE = sql`'\\'`;
const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));
// Money the customer has actually spent: cancelled orders are counted but not summed.
const SPENT = sql<number>`coalesce(sum(case when orders.status <> 'cancelled' then orders.total else 0 end), 0)`;

type Row = Selectable<Database['customers']> & { order_count: number; total_spent: number };

const toSummary = (r: Row): CustomerSummary => ({
  id: Number(r.id),
  email: r.email,
  name: r.name,
  phone: r.phone,
  company: r.company,
  ico: r.ico,
  createdAt: r.created_at,
  orderCount: Number(r.order_count),
  totalSpent: Number(r.total_spent),
  blocked: r.blocked === 1,
  anonymizedAt: r.anonymized_at,
});

const toRecord = (r: Row): CustomerRecord => ({
  ...toSummary(r),
  dic: r.dic,
  locale: r.locale === 'en' ? 'en' : 'cs',
  billingAddress: r.billing_address ? JSON.parse(r.billing_address) : null,
  shippingAddress: r.shipping_address ? JSON.parse(r.shipping_address) : null,
  note: r.note,
  hasPassword: r.password_hash !== null,
  updatedAt: r.updated_at,
});

function columnsOf(fields: Partial<CustomerFields>) {
  const set: Record<string, unknown> = {};
  const map: [keyof CustomerFields, string, (v: never) => unknown][] = [
    ['email', 'email', (v) => v],
    ['name', 'name', (v) => v],
    ['phone', 'phone', (v) => v],
    ['company', 'company', (v) => v],
    ['ico', 'ico', (v) => v],
    ['dic', 'dic', (v) => v],
    ['locale', 'locale', (v) => v],
    ['blocked', 'blocked', (v: boolean) => (v ? 1 : 0)],
    ['note', 'note', (v) => v],
    ['billingAddress', 'billing_address', json],
    ['shippingAddress', 'shipping_address', json],
  ];
  for (const [key, column, convert] of map) if (fields[key] !== undefined) set[column] = convert(fields[key] as never);
  return set;
}

export function customersRepo(db: Db): CustomersPanelRepo {
  const stats = () =>
    db
      .selectFrom('orders')
      .select((eb) => ['orders.customer_id', eb.fn.countAll<number>().as('order_count'), SPENT.as('total_spent')])
      .where('orders.customer_id', 'is not', null)
      .groupBy('orders.customer_id');
  const withStats = () =>
    db
      .selectFrom('customers')
      .leftJoin(stats().as('s'), 's.customer_id', 'customers.id')
      .selectAll('customers')
      .select([sql<number>`coalesce(s.order_count, 0)`.as('order_count'), sql<number>`coalesce(s.total_spent, 0)`.as('total_spent')]);

  const withRowStats = () =>
    db
      .selectFrom('customers')
      .selectAll('customers')
      .select([
        sql<number>`(select count(*) from orders where orders.customer_id = customers.id)`.as('order_count'),
        sql<number>`(select ${SPENT} from orders where orders.customer_id = customers.id)`.as('total_spent'),
      ]);

  return {
    async list(query) {
      // By registration (or within search results) only the rows read get their aggregates, by correlated subqueries;
      // sorting all accounts by count or money needs every aggregate first, which one grouped join computes faster.
      const q = query.q?.trim();
      let inner = query.sort === 'registered' || q ? withRowStats() : withStats();
      if (q) {
        const pattern = like(q);
        const compact = like(q.replace(/\s/g, ''));
        inner = inner.where((eb) =>
          eb.or([
            sql<boolean>`lower(customers.name) like ${pattern} escape ${ESCAPE}`,
            sql<boolean>`lower(customers.email) like ${pattern} escape ${ESCAPE}`,
            sql<boolean>`lower(coalesce(customers.company, '')) like ${pattern} escape ${ESCAPE}`,
            sql<boolean>`replace(coalesce(customers.phone, ''), ' ', '') like ${compact} escape ${ESCAPE}`,
            sql<boolean>`coalesce(customers.ico, '') like ${compact} escape ${ESCAPE}`,
          ]),
        );
      }
      const column = sql.ref({ registered: 'x.created_at', orders: 'x.order_count', spent: 'x.total_spent' }[query.sort]);
      let outer = db.selectFrom(inner.as('x')).selectAll();
      const after = query.after;
      if (after) outer = outer.where(sql<boolean>`(${column} < ${after.value} or (${column} = ${after.value} and x.id < ${after.id}))`);
      const rows = (await outer.orderBy(column, 'desc').orderBy('x.id', 'desc').limit(query.limit + 1).execute()) as Row[];
      const items = rows.slice(0, query.limit).map(toSummary);
      const last = items.at(-1);
      const value = (c: CustomerSummary) => (query.sort === 'registered' ? c.createdAt : query.sort === 'orders' ? c.orderCount : c.totalSpent);
      return { items, next: rows.length > query.limit && last ? { sort: query.sort, value: value(last), id: last.id } : null };
    },

    async listGuests(query) {
      let inner = db
        .selectFrom('orders')
        .select((eb) => [
          sql<string>`lower(orders.email)`.as('email'),
          eb.fn.max('orders.name').as('name'),
          eb.fn.max('orders.phone').as('phone'),
          eb.fn.countAll<number>().as('order_count'),
          SPENT.as('total_spent'),
          eb.fn.max('orders.created_at').as('last_order_at'),
        ])
        .where('orders.customer_id', 'is', null)
        .groupBy(sql`lower(orders.email)`);
      const q = query.q?.trim();
      if (q) {
        const pattern = like(q);
        inner = inner.where((eb) =>
          eb.or([
            sql<boolean>`lower(orders.name) like ${pattern} escape ${ESCAPE}`,
            sql<boolean>`lower(orders.email) like ${pattern} escape ${ESCAPE}`,
            sql<boolean>`lower(coalesce(orders.company, '')) like ${pattern} escape ${ESCAPE}`,
            sql<boolean>`replace(coalesce(orders.phone, ''), ' ', '') like ${like(q.replace(/\s/g, ''))} escape ${ESCAPE}`,
            sql<boolean>`coalesce(orders.ico, '') like ${like(q.replace(/\s/g, ''))} escape ${ESCAPE}`,
          ]),
        );
      }
      let outer = db.selectFrom(inner.as('g')).selectAll();
      const after = query.after;
      if (after) outer = outer.where(sql<boolean>`(g.last_order_at < ${after.lastOrderAt} or (g.last_order_at = ${after.lastOrderAt} and g.email > ${after.email}))`);
      const rows = await outer.orderBy('g.last_order_at', 'desc').orderBy('g.email', 'asc').limit(query.limit + 1).execute();
      const items = rows.slice(0, query.limit).map((r) => ({ email: r.email, name: String(r.name), phone: r.phone as string | null, orderCount: Number(r.order_count), totalSpent: Number(r.total_spent), lastOrderAt: String(r.last_order_at) }));
      const last = items.at(-1);
      return { items, next: rows.length > query.limit && last ? { lastOrderAt: last.lastOrderAt, email: last.email } : null };
    },

    async byId(id) {
      const row = (await withRowStats().where('customers.id', '=', id).executeTakeFirst()) as Row | undefined;
      return row ? toRecord(row) : null;
    },

    async idByEmail(email) {
      const row = await db.selectFrom('customers').select('id').where(sql`lower(email)`, '=', email.toLowerCase()).executeTakeFirst();
      return row ? Number(row.id) : null;
    },

    async insert(fields, at) {
      const now = at.toISOString();
      const row = await db
        .insertInto('customers')
        .values({ ...(columnsOf(fields) as { email: string; name: string }), password_hash: null, created_at: now, updated_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      return Number(row.id);
    },

    async update(tx, id, fields, at) {
      const result = await on(tx, db).updateTable('customers').set({ ...columnsOf(fields), updated_at: at.toISOString() }).where('id', '=', id).executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async deleteWithoutOrders(tx, id) {
      const executor = on(tx, db);
      const result = await executor
        .deleteFrom('customers')
        .where('id', '=', id)
        .where((eb) => eb.not(eb.exists(eb.selectFrom('orders').select('orders.id').where('orders.customer_id', '=', id))))
        .executeTakeFirst();
      return Number(result.numDeletedRows) === 1;
    },

    async orders(subject) {
      const rows = await db
        .selectFrom('orders')
        .select(['id', 'number', 'status', 'payment_status', 'total', 'item_count', 'created_at', 'customer_id'])
        .where((eb) => subjectOrders(eb, subject, false))
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .execute();
      return rows.map((r) => ({ id: Number(r.id), number: r.number, status: r.status as OrderStatus, paymentStatus: r.payment_status as PaymentStatus, total: r.total, currency: 'CZK' as const, itemCount: r.item_count, createdAt: r.created_at, customerId: r.customer_id }));
    },

    async emails(subject) {
      const rows = await db
        .selectFrom('outbox_emails')
        .select(['id', 'kind', 'to_address', 'subject', 'status', 'created_at', 'sent_at', 'order_id'])
        .where((eb) => subjectEmails(eb, subject, false))
        .orderBy('id', 'desc')
        .limit(500)
        .execute();
      return rows.map((r) => ({ id: Number(r.id), kind: r.kind, to: r.to_address, subject: r.subject, status: r.status, createdAt: r.created_at, sentAt: r.sent_at, orderId: r.order_id === null ? null : Number(r.order_id) }));
    },

    async events(customerId) {
      const rows = await db.selectFrom('customer_events').select(['id', 'at', 'kind', 'actor', 'text']).where('customer_id', '=', customerId).orderBy('id', 'desc').limit(500).execute();
      return rows.map((r) => ({ ...r, id: Number(r.id) }));
    },

    async addEvent(tx, customerId, event) {
      await on(tx, db).insertInto('customer_events').values({ customer_id: customerId, at: event.at.toISOString(), kind: event.kind, actor: event.actor, text: event.text }).execute();
    },

    async linkEmail(tx, outboxId, customerId) {
      await on(tx, db).updateTable('outbox_emails').set({ customer_id: customerId }).where('id', '=', outboxId).execute();
    },

    async exportData(subject) {
      const customer = 'customerId' in subject ? await db.selectFrom('customers').selectAll().where('id', '=', subject.customerId).executeTakeFirst() : undefined;
      const orders = await db.selectFrom('orders').selectAll().where((eb) => subjectOrders(eb, subject, true)).orderBy('id').execute();
      const ids = orders.map((o) => o.id);
      const [items, events, parcels] = ids.length
        ? await Promise.all([
            db.selectFrom('order_items').selectAll().where('order_id', 'in', ids).orderBy('position').execute(),
            db.selectFrom('order_events').selectAll().where('order_id', 'in', ids).orderBy('id').execute(),
            db.selectFrom('order_parcels').selectAll().where('order_id', 'in', ids).orderBy('id').execute(),
          ])
        : [[], [], []];
      const emails = await db.selectFrom('outbox_emails').selectAll().where((eb) => subjectEmails(eb, subject, true)).orderBy('id').execute();
      const customerEvents = customer ? await db.selectFrom('customer_events').selectAll().where('customer_id', '=', customer.id).orderBy('id').execute() : [];
      const invoices = await subjectInvoicesOf(db, ids.map(Number));
      const parse = (text: string | null) => (text ? JSON.parse(text) : null);
      const { password_hash: hash, billing_address, shipping_address, ...rest } = customer ?? ({} as Selectable<Database['customers']>);
      return {
        customer: customer ? { ...rest, billing_address: parse(billing_address), shipping_address: parse(shipping_address), has_password: hash !== null } : null,
        // The document token and the idempotency data are the shop's secrets, not data about the person.
        orders: orders.map(({ access_token: _t, idempotency_key: _k, request_hash: _h, ...o }) => ({
          ...o,
          billing_address: parse(o.billing_address),
          shipping_address: parse(o.shipping_address),
          items: items.filter((i) => i.order_id === o.id).map(({ order_id: _o, variant_id: _v, ...i }) => i),
          events: events.filter((e) => e.order_id === o.id).map(({ order_id: _o, ...e }) => ({ ...e, internal: e.internal === 1 })),
          parcels: parcels.filter((p) => p.order_id === o.id).map(({ order_id: _o, ...p }) => p),
        })),
        emails: emails.map(({ claimed_by: _c, claimed_until: _u, next_attempt_at: _n, attachments, ...e }) => ({ ...e, attachments: JSON.parse(attachments) })),
        invoices,
        customerEvents,
      };
    },

    personalRows: (tx, subject) => personalRowsOf(on(tx, db), subject),
    applyAnonymization: (tx, change) => anonymizeRows(on(tx, db), change),

    async deleteCustomerTokens(tx, customerId) {
      await on(tx, db).deleteFrom('customer_tokens').where('customer_id', '=', customerId).execute();
    },
  };
}
