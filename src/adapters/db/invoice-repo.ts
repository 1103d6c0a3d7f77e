/** Kysely implementation of the invoice port: documents as frozen JSON content, numbers from a counter row per series. */
import { sql, type Selectable } from 'kysely';
import { DomainError } from '../../domain/errors.js';
import type { DocumentKind, Invoice, InvoiceContent } from '../../domain/invoices/invoice.js';
import type { PaymentStatus } from '../../domain/orders/order-status.js';
import type { Tx } from '../../services/ports.js';
import type { InvoiceListRow, InvoiceRepo } from '../../services/invoices/ports.js';
import { isPostgres, type Db } from './kysely.js';
import type { InvoicesTable } from './invoice-schema.js';

const on = (tx: Tx | null, db: Db) => (tx ? (tx as unknown as Db) : db);

type Row = Selectable<InvoicesTable> & { order_number: string };

function toInvoice(row: Row): Invoice {
  return {
    id: row.id,
    kind: row.kind as DocumentKind,
    number: row.number,
    orderId: row.order_id,
    orderNumber: row.order_number,
    invoiceId: row.invoice_id,
    simplified: row.simplified === 1,
    vatPayer: row.vat_payer === 1,
    locale: row.locale === 'en' ? 'en' : 'cs',
    issuedAt: row.issued_at,
    issueDate: row.issue_date,
    taxableDate: row.taxable_date,
    dueDate: row.due_date,
    variableSymbol: row.variable_symbol,
    total: row.total,
    currency: 'CZK',
    reason: row.reason,
    creditedTotal: row.credited_total,
    uuid: row.uuid,
    issuedBy: row.issued_by,
    content: JSON.parse(row.content) as InvoiceContent,
  };
}

/** A unique index refusing the insert: the order got its live invoice from a request that committed first. */
function rethrowTaken(error: unknown): never {
  const e = error as { code?: string; message?: string; detail?: string; constraint?: string };
  if (e.code === 'SQLITE_CONSTRAINT_UNIQUE' || e.code === '23505') {
    const text = `${e.message ?? ''} ${e.detail ?? ''} ${e.constraint ?? ''}`;
    if (/active_order_id/.test(text)) throw new DomainError('invoice_exists', 'order already invoiced', undefined, { cause: error });
    throw new DomainError('conflict', 'document number taken', { number: 'document_number_taken' }, { cause: error });
  }
  throw error;
}

export function invoiceRepo(db: Db): InvoiceRepo {
  const postgres = isPostgres(db);
  const select = (executor: Db) => executor.selectFrom('invoices').innerJoin('orders', 'orders.id', 'invoices.order_id').selectAll('invoices').select('orders.number as order_number');
  const listRow = (executor: Db) =>
    executor
      .selectFrom('invoices')
      .innerJoin('orders', 'orders.id', 'invoices.order_id')
      .selectAll('invoices')
      .select(['orders.number as order_number', 'orders.name as customer_name', 'orders.payment_status']);
  const toListRow = (row: Row & { customer_name: string; payment_status: string }): InvoiceListRow => {
    const { content: _content, ...rest } = toInvoice(row);
    return { ...rest, customerName: row.customer_name, paymentStatus: row.payment_status as PaymentStatus };
  };

  return {
    async lockOrder(tx, orderId) {
      // FOR NO KEY UPDATE: rows referring to the order (its events, emails, documents) may still be inserted meanwhile.
      if (postgres) await on(tx, db).selectFrom('orders').select('id').where('id', '=', orderId).forNoKeyUpdate().execute();
    },

    async activeInvoice(tx, orderId) {
      const row = await select(on(tx, db)).where('invoices.active_order_id', '=', orderId).executeTakeFirst();
      return row ? toInvoice(row) : null;
    },

    async nextNumber(tx, series) {
      // The counter row stays locked (PostgreSQL) or the database write-locked (SQLite) until commit; a rollback
      // undoes the increment, so numbers are handed out without gaps and never twice.
      const row = await on(tx, db)
        .insertInto('invoice_counters')
        .values({ series, last_value: 1 })
        .onConflict((oc) => oc.column('series').doUpdateSet({ last_value: sql<number>`invoice_counters.last_value + 1` }))
        .returning('last_value')
        .executeTakeFirstOrThrow();
      return Number(row.last_value);
    },

    async insert(tx, invoice) {
      const row = await on(tx, db)
        .insertInto('invoices')
        .values({
          kind: invoice.kind,
          number: invoice.number,
          series: invoice.series,
          sequence: invoice.sequence,
          order_id: invoice.orderId,
          invoice_id: invoice.invoiceId,
          active_order_id: invoice.kind === 'invoice' ? invoice.orderId : null,
          simplified: invoice.simplified ? 1 : 0,
          vat_payer: invoice.vatPayer ? 1 : 0,
          locale: invoice.locale,
          issued_at: invoice.issuedAt,
          issue_date: invoice.issueDate,
          taxable_date: invoice.taxableDate,
          due_date: invoice.dueDate,
          variable_symbol: invoice.variableSymbol,
          total: invoice.total,
          currency: invoice.currency,
          reason: invoice.reason,
          uuid: invoice.uuid,
          issued_by: invoice.issuedBy,
          content: JSON.stringify(invoice.content),
        })
        .returning('id')
        .executeTakeFirstOrThrow()
        .catch(rethrowTaken);
      const { series: _series, sequence: _sequence, ...fields } = invoice;
      return { ...fields, id: Number(row.id), creditedTotal: 0 };
    },

    async findById(tx, id) {
      let query = select(on(tx, db)).where('invoices.id', '=', id);
      if (tx && postgres) query = query.forUpdate('invoices');
      const row = await query.executeTakeFirst();
      return row ? toInvoice(row) : null;
    },

    async creditNotesOf(tx, invoiceId) {
      const rows = await select(on(tx, db)).where('invoices.invoice_id', '=', invoiceId).orderBy('invoices.id').execute();
      return rows.map(toInvoice);
    },

    async recordCredit(tx, invoiceId, creditedTotal, fully) {
      await on(tx, db)
        .updateTable('invoices')
        .set({ credited_total: creditedTotal, ...(fully ? { active_order_id: null } : {}) })
        .where('id', '=', invoiceId)
        .execute();
    },

    async forOrder(orderId) {
      return (await select(db).where('invoices.order_id', '=', orderId).orderBy('invoices.id').execute()).map(toInvoice);
    },

    async forCustomer(customerId) {
      const rows = await listRow(db).where('orders.customer_id', '=', customerId).orderBy('invoices.id', 'desc').limit(500).execute();
      return rows.map(toListRow);
    },

    async list(query) {
      let q = listRow(db);
      if (query.kind) q = q.where('invoices.kind', '=', query.kind);
      if (query.paid !== undefined) q = q.where('orders.payment_status', query.paid ? '=' : '<>', 'paid');
      if (query.from) q = q.where('invoices.issue_date', '>=', query.from);
      if (query.to) q = q.where('invoices.issue_date', '<=', query.to);
      if (query.before) q = q.where('invoices.id', '<', query.before);
      const rows = await q.orderBy('invoices.id', 'desc').limit(query.limit + 1).execute();
      const items = rows.slice(0, query.limit).map(toListRow);
      return { items, next: rows.length > query.limit ? items.at(-1)!.id : null };
    },

    async issuedBetween(from, to, afterId, limit) {
      const rows = await select(db).where('invoices.issue_date', '>=', from).where('invoices.issue_date', '<=', to).where('invoices.id', '>', afterId).orderBy('invoices.id').limit(limit).execute();
      return rows.map(toInvoice);
    },

    async milestones(tx, orderId) {
      const executor = on(tx, db);
      const order = await executor.selectFrom('orders').select('paid_at').where('id', '=', orderId).executeTakeFirst();
      const shipped = await executor.selectFrom('order_events').select((eb) => eb.fn.min('at').as('at')).where('order_id', '=', orderId).where('status_to', '=', 'shipped').executeTakeFirst();
      return { paidAt: order?.paid_at ?? null, shippedAt: (shipped?.at as string | null | undefined) ?? null };
    },
  };
}
