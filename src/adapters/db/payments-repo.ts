/** Bank movements, the Fio bookmark, card payments and refunds in the database (either dialect). */
import { sql, type Selectable } from 'kysely';
import type { PairingOutcome, UnmatchedReason } from '../../domain/payments/pairing.js';
import type { CardPayment, CardPaymentStatus, CardRefund, MovementSource, OrderForPayment, PaymentRepo, StoredMovement } from '../../services/payments/ports.js';
import type { Tx } from '../../services/ports.js';
import { isPostgres, type Db } from './kysely.js';
import type { BankMovementsTable, CardPaymentsTable, CardRefundsTable } from './payments-schema.js';

const on = (tx: Tx | null, db: Db) => (tx ? (tx as unknown as Db) : db);
const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : String(v));
const isoOrNull = (v: unknown) => (v === null || v === undefined ? null : iso(v));

/** Movements that still wait for the owner: nothing paired, or a part of an order's price. */
const WAITING = ['unmatched', 'partial'] as const;
/** Movements that brought money to their order. */
const RECEIVED = ['partial', 'paid', 'overpaid'] as const;

function toMovement(r: Selectable<BankMovementsTable> & { order_number: string | null }): StoredMovement {
  return {
    id: Number(r.id),
    source: r.source as MovementSource,
    account: r.account,
    bankId: r.bank_id,
    bookedOn: r.booked_on,
    amount: Number(r.amount),
    currency: r.currency,
    variableSymbol: r.variable_symbol,
    message: r.message,
    counterparty: r.counterparty,
    outcome: r.outcome as PairingOutcome,
    reason: r.reason as UnmatchedReason | null,
    orderId: r.order_id,
    orderNumber: r.order_number,
    importedAt: iso(r.imported_at),
    importedBy: r.imported_by,
    resolvedAt: isoOrNull(r.resolved_at),
    resolvedBy: r.resolved_by,
  };
}

const toCardPayment = (r: Selectable<CardPaymentsTable>): CardPayment => ({
  id: Number(r.id),
  orderId: r.order_id,
  provider: r.provider,
  transId: r.trans_id,
  amount: r.amount,
  currency: r.currency,
  status: r.status as CardPaymentStatus,
  redirectUrl: r.redirect_url,
  createdAt: iso(r.created_at),
});

const toRefund = (r: Selectable<CardRefundsTable>): CardRefund => ({
  id: Number(r.id),
  creditNoteId: r.credit_note_id,
  cardPaymentId: r.card_payment_id,
  amount: r.amount,
  currency: r.currency,
  status: r.status as CardRefund['status'],
  lastError: r.last_error,
});

export function paymentRepo(db: Db): PaymentRepo {
  const postgres = isPostgres(db);
  const movements = (executor: Db) => executor.selectFrom('bank_movements').leftJoin('orders', 'orders.id', 'bank_movements.order_id').selectAll('bank_movements').select('orders.number as order_number');
  const orderRow = (executor: Db) => executor.selectFrom('orders').select(['id', 'number', 'total', 'currency', 'payment_status', 'status']);
  const toOrder = (r: { id: number; number: string; total: number; currency: string; payment_status: string; status: string }): OrderForPayment => ({
    id: Number(r.id),
    number: r.number,
    total: r.total,
    currency: r.currency,
    paymentStatus: r.payment_status,
    status: r.status,
  });

  return {
    async insertMovement(tx, m) {
      const row = await on(tx, db)
        .insertInto('bank_movements')
        .values({
          source_key: `${m.account}:${m.bankId}`,
          source: m.source,
          account: m.account,
          bank_id: m.bankId,
          booked_on: m.bookedOn,
          amount: m.amount,
          currency: m.currency,
          variable_symbol: m.variableSymbol,
          message: m.message.slice(0, 2000),
          counterparty: m.counterparty.slice(0, 300),
          outcome: m.outcome,
          reason: m.reason,
          order_id: m.orderId,
          imported_at: m.importedAt.toISOString(),
          imported_by: m.importedBy,
        })
        .onConflict((oc) => oc.column('source_key').doNothing())
        .returning('id')
        .executeTakeFirst();
      return row ? Number(row.id) : null;
    },

    async storedKeys(keys) {
      if (keys.length === 0) return new Set();
      const rows = await db.selectFrom('bank_movements').select('source_key').where('source_key', 'in', keys).execute();
      return new Set(rows.map((r) => r.source_key));
    },

    async ordersBySymbol(tx, symbol) {
      const executor = on(tx, db);
      const rows = await orderRow(executor)
        .where((eb) => eb.or([eb('variable_symbol', '=', symbol), eb('id', 'in', eb.selectFrom('invoices').select('order_id').where('invoices.variable_symbol', '=', symbol))]))
        .limit(3)
        .execute();
      return rows.map(toOrder);
    },

    async orderByNumber(tx, number) {
      const row = await orderRow(on(tx, db)).where('number', '=', number).executeTakeFirst();
      return row ? toOrder(row) : null;
    },

    async orderNumberOf(orderId) {
      return (await db.selectFrom('orders').select('number').where('id', '=', orderId).executeTakeFirst())?.number ?? null;
    },

    async lockOrder(tx, orderId) {
      let query = orderRow(on(tx, db)).where('id', '=', orderId);
      // FOR NO KEY UPDATE: two payments of one order queue; rows referring to the order may still be inserted.
      if (postgres) query = query.forNoKeyUpdate();
      const row = await query.executeTakeFirst();
      return row ? toOrder(row) : null;
    },

    async receivedFor(tx, orderId) {
      const row = await on(tx, db)
        .selectFrom('bank_movements')
        .select((eb) => eb.fn.coalesce(eb.fn.sum<number | string>('amount'), sql<number>`0`).as('sum'))
        .where('order_id', '=', orderId)
        .where('outcome', 'in', RECEIVED)
        .executeTakeFirstOrThrow();
      return Number(row.sum);
    },

    async settlePartials(tx, orderId) {
      await on(tx, db).updateTable('bank_movements').set({ outcome: 'paid' }).where('order_id', '=', orderId).where('outcome', '=', 'partial').execute();
    },

    async movement(tx, id) {
      const row = await movements(on(tx, db)).where('bank_movements.id', '=', id).executeTakeFirst();
      return row ? toMovement(row) : null;
    },

    async resolveMovement(tx, id, change) {
      await on(tx, db)
        .updateTable('bank_movements')
        .set({ outcome: change.outcome, reason: change.reason, order_id: change.orderId, resolved_at: change.at.toISOString(), resolved_by: change.by })
        .where('id', '=', id)
        .execute();
    },

    async listMovements(query) {
      let select = movements(db).orderBy('bank_movements.id', 'desc').limit(query.limit + 1);
      if (query.filter === 'waiting') select = select.where('bank_movements.outcome', 'in', WAITING);
      else if (query.filter !== 'all') select = select.where('bank_movements.outcome', '=', query.filter);
      if (query.before) select = select.where('bank_movements.id', '<', query.before);
      const rows = (await select.execute()).map(toMovement);
      const items = rows.slice(0, query.limit);
      return { items, next: rows.length > query.limit ? items.at(-1)!.id : null };
    },

    async countMovements() {
      const rows = await db.selectFrom('bank_movements').select(['outcome', (eb) => eb.fn.countAll<number | string>().as('n')]).groupBy('outcome').execute();
      const by = Object.fromEntries(rows.map((r) => [r.outcome, Number(r.n)]));
      const unmatched = by.unmatched ?? 0;
      const partial = by.partial ?? 0;
      return { waiting: unmatched + partial, unmatched, partial, all: rows.reduce((s, r) => s + Number(r.n), 0) };
    },

    async movementsOf(orderId) {
      return (await movements(db).where('bank_movements.order_id', '=', orderId).orderBy('bank_movements.id').execute()).map(toMovement);
    },

    async syncState(source) {
      const row = await db.selectFrom('bank_sync').selectAll().where('source', '=', source).executeTakeFirst();
      return { lastId: row?.last_id ?? null, lastCallAt: isoOrNull(row?.last_call_at), lastResult: row?.last_result ?? null };
    },

    async claimSyncCall(source, now, gapMs) {
      await db.insertInto('bank_sync').values({ source, last_id: null, last_call_at: null, last_result: null }).onConflict((oc) => oc.column('source').doNothing()).execute();
      const before = new Date(now.getTime() - gapMs).toISOString();
      // One conditional update: of two workers asking at once, one gets the row.
      const result = await db
        .updateTable('bank_sync')
        .set({ last_call_at: now.toISOString() })
        .where('source', '=', source)
        .where((eb) => eb.or([eb('last_call_at', 'is', null), eb('last_call_at', '<=', before)]))
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async saveSyncResult(source, state) {
      await db
        .updateTable('bank_sync')
        .set({ last_result: state.lastResult.slice(0, 1000), ...(state.lastId !== undefined ? { last_id: state.lastId } : {}) })
        .where('source', '=', source)
        .execute();
    },

    async insertCardPayment(p) {
      const at = p.at.toISOString();
      const row = await db
        .insertInto('card_payments')
        .values({ order_id: p.orderId, provider: p.provider, trans_id: p.transId, amount: p.amount, currency: p.currency, status: p.status, redirect_url: p.redirectUrl, created_at: at, updated_at: at })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toCardPayment(row);
    },

    async cardPayment(provider, transId) {
      const row = await db.selectFrom('card_payments').selectAll().where('provider', '=', provider).where('trans_id', '=', transId).executeTakeFirst();
      return row ? toCardPayment(row) : null;
    },

    async cardPaymentsOf(tx, orderId) {
      return (await on(tx, db).selectFrom('card_payments').selectAll().where('order_id', '=', orderId).orderBy('id').execute()).map(toCardPayment);
    },

    async setCardPaymentStatus(tx, id, status, at) {
      await on(tx, db).updateTable('card_payments').set({ status, updated_at: at.toISOString() }).where('id', '=', id).execute();
    },

    async insertRefund(tx, r) {
      const row = await on(tx, db)
        .insertInto('card_refunds')
        .values({ credit_note_id: r.creditNoteId, card_payment_id: r.cardPaymentId, amount: r.amount, currency: r.currency, status: 'pending', last_error: null, created_at: r.at.toISOString(), done_at: null })
        .onConflict((oc) => oc.column('credit_note_id').doNothing())
        .returning('id')
        .executeTakeFirst();
      return row ? Number(row.id) : null;
    },

    async claimRefund(id) {
      const result = await db.updateTable('card_refunds').set({ status: 'sending' }).where('id', '=', id).where('status', '=', 'pending').executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) return null;
      return toRefund(await db.selectFrom('card_refunds').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
    },

    async finishRefund(id, outcome) {
      await db
        .updateTable('card_refunds')
        .set({ status: outcome.status, last_error: outcome.error, done_at: outcome.status === 'done' ? outcome.at.toISOString() : null })
        .where('id', '=', id)
        .execute();
    },

    async pendingRefunds(limit) {
      return (await db.selectFrom('card_refunds').selectAll().where('status', '=', 'pending').orderBy('id').limit(limit).execute()).map(toRefund);
    },

    async refundIdOf(creditNoteId) {
      const row = await db.selectFrom('card_refunds').select('id').where('credit_note_id', '=', creditNoteId).executeTakeFirst();
      return row ? Number(row.id) : null;
    },

    async cardPaymentsOfRefund(refundId) {
      const row = await db.selectFrom('card_payments').innerJoin('card_refunds', 'card_refunds.card_payment_id', 'card_payments.id').selectAll('card_payments').where('card_refunds.id', '=', refundId).executeTakeFirst();
      return row ? toCardPayment(row) : null;
    },
  };
}
