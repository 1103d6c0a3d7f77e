/** Kysely implementation of the customer account port: customers, their one-time tokens, their orders and milestones. */
import type { Selectable } from 'kysely';
import type { Tx } from '../../services/ports.js';
import type { AccountRepo, Customer } from '../../services/accounts/ports.js';
import type { OrderStatus, PaymentStatus } from '../../domain/orders/order-status.js';
import type { TokenPurpose } from '../../domain/accounts/account-tokens.js';
import { WITHDRAWAL_EVENT } from '../../domain/accounts/withdrawal.js';
import { isPostgres, type Db } from './kysely.js';
import type { CustomersTable } from './orders-schema.js';

const on = (tx: Tx | null, db: Db) => (tx ? (tx as unknown as Db) : db);
const json = (value: unknown) => (value ? JSON.stringify(value) : null);

const toCustomer = (row: Selectable<CustomersTable>): Customer => ({
  id: row.id,
  email: row.email,
  name: row.name,
  phone: row.phone,
  company: row.company,
  ico: row.ico,
  dic: row.dic,
  passwordHash: row.password_hash,
  locale: row.locale === 'en' ? 'en' : 'cs',
  blocked: row.blocked === 1,
  billingAddress: row.billing_address ? JSON.parse(row.billing_address) : null,
  shippingAddress: row.shipping_address ? JSON.parse(row.shipping_address) : null,
  createdAt: row.created_at,
});

export function accountRepo(db: Db): AccountRepo {
  const postgres = isPostgres(db);
  return {
    async findById(id) {
      const row = await db.selectFrom('customers').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toCustomer(row) : null;
    },

    async findByEmail(email) {
      const row = await db.selectFrom('customers').selectAll().where('email', '=', email).executeTakeFirst();
      return row ? toCustomer(row) : null;
    },

    async insert(c, at) {
      const row = await db
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
          billing_address: json(c.billingAddress),
          shipping_address: json(c.shippingAddress),
          created_at: at.toISOString(),
          updated_at: at.toISOString(),
        })
        .onConflict((oc) => oc.column('email').doNothing())
        .returning('id')
        .executeTakeFirst();
      return row?.id ?? null;
    },

    async updateProfile(id, p, at) {
      await db
        .updateTable('customers')
        .set({ name: p.name, phone: p.phone, company: p.company, ico: p.ico, dic: p.dic, billing_address: json(p.billingAddress), shipping_address: json(p.shippingAddress), updated_at: at.toISOString() })
        .where('id', '=', id)
        .execute();
    },

    async setPassword(id, passwordHash, at) {
      await db.updateTable('customers').set({ password_hash: passwordHash, updated_at: at.toISOString() }).where('id', '=', id).execute();
    },

    async setEmail(id, email, at) {
      const taken = await db.selectFrom('customers').select('id').where('email', '=', email).where('id', '!=', id).executeTakeFirst();
      if (taken) return false;
      try {
        await db.updateTable('customers').set({ email, updated_at: at.toISOString() }).where('id', '=', id).execute();
        return true;
      } catch {
        return false; // the unique index: another account took the address between the check and the update
      }
    },

    async insertToken(tx, t) {
      await on(tx, db)
        .insertInto('customer_tokens')
        .values({ customer_id: t.customerId, purpose: t.purpose, token_hash: t.tokenHash, new_email: t.newEmail, expires_at: t.expiresAt.toISOString(), created_at: t.createdAt.toISOString() })
        .execute();
    },

    async countTokensSince(customerId, purpose, since) {
      const row = await db
        .selectFrom('customer_tokens')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('customer_id', '=', customerId)
        .where('purpose', '=', purpose)
        .where('created_at', '>=', since.toISOString())
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    async findToken(tokenHash, purpose) {
      const row = await db.selectFrom('customer_tokens').selectAll().where('token_hash', '=', tokenHash).where('purpose', '=', purpose).executeTakeFirst();
      return row ? { id: row.id, customerId: row.customer_id, purpose: row.purpose as TokenPurpose, newEmail: row.new_email, expiresAt: row.expires_at, usedAt: row.used_at } : null;
    },

    async useToken(id, at) {
      const result = await db.updateTable('customer_tokens').set({ used_at: at.toISOString() }).where('id', '=', id).where('used_at', 'is', null).executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async orders(customerId, page) {
      const [rows, count] = await Promise.all([
        db
          .selectFrom('orders')
          .select(['number', 'created_at', 'status', 'payment_status', 'total', 'item_count'])
          .where('customer_id', '=', customerId)
          .orderBy('created_at', 'desc')
          .orderBy('id', 'desc')
          .limit(page.limit)
          .offset(page.offset)
          .execute(),
        db.selectFrom('orders').select((eb) => eb.fn.countAll<number>().as('n')).where('customer_id', '=', customerId).executeTakeFirstOrThrow(),
      ]);
      return {
        rows: rows.map((r) => ({ number: r.number, createdAt: r.created_at, status: r.status as OrderStatus, paymentStatus: r.payment_status as PaymentStatus, total: r.total, currency: 'CZK', itemCount: r.item_count })),
        total: Number(count.n),
      };
    },

    async orderMilestones(tx, orderId) {
      const executor = on(tx, db);
      // SQLite runs one writer at a time; PostgreSQL needs the row lock.
      let status = executor.selectFrom('orders').select('status').where('id', '=', orderId);
      if (tx && postgres) status = status.forUpdate();
      const order = await status.executeTakeFirst();
      const delivered = await executor
        .selectFrom('order_events')
        .select((eb) => eb.fn.min('at').as('at'))
        .where('order_id', '=', orderId)
        .where('status_to', 'in', ['shipped', 'completed'])
        .executeTakeFirst();
      const withdrawn = await executor
        .selectFrom('order_events')
        .select((eb) => eb.fn.min('at').as('at'))
        .where('order_id', '=', orderId)
        .where('kind', '=', WITHDRAWAL_EVENT)
        .executeTakeFirst();
      const date = (v: unknown) => (v ? new Date(v as string) : null);
      return { status: (order?.status ?? 'cancelled') as OrderStatus, deliveredAt: date(delivered?.at), withdrawnAt: date(withdrawn?.at) };
    },
  };
}
