/** Kysely implementation of the discount port: codes, their scope lookup, and uses counted by a guarded update. */
import { sql, type Selectable } from 'kysely';
import type { DiscountCode, DiscountKind, DiscountScope } from '../../domain/discounts/discount-code.js';
import type { Tx } from '../../services/ports.js';
import type { DiscountRepo } from '../../services/discounts/ports.js';
import type { Db } from './kysely.js';
import type { DiscountCodesTable } from './marketing-schema.js';

const on = (tx: Tx | null | undefined, db: Db) => (tx ? (tx as unknown as Db) : db);

const toCode = (r: Selectable<DiscountCodesTable>): DiscountCode => ({
  id: Number(r.id),
  code: r.code,
  kind: r.kind as DiscountKind,
  value: r.value,
  startsAt: r.starts_at,
  endsAt: r.ends_at,
  minOrder: r.min_order,
  usageLimit: r.usage_limit,
  perCustomerLimit: r.per_customer_limit,
  used: r.used,
  scope: r.scope as DiscountScope,
  scopeIds: JSON.parse(r.scope_ids) as number[],
  active: r.active === 1,
  note: r.note,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const columns = (d: Parameters<DiscountRepo['insert']>[0]) => ({
  code: d.code,
  kind: d.kind,
  value: d.value,
  starts_at: d.startsAt,
  ends_at: d.endsAt,
  min_order: d.minOrder,
  usage_limit: d.usageLimit,
  per_customer_limit: d.perCustomerLimit,
  scope: d.scope,
  scope_ids: JSON.stringify(d.scope === 'all' ? [] : d.scopeIds),
  active: d.active ? 1 : 0,
  note: d.note,
});

export function discountRepo(db: Db): DiscountRepo {
  const customerUses = (executor: Db, codeId: number, c: { customerId: number | null; email: string }) =>
    executor
      .selectFrom('discount_redemptions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('code_id', '=', codeId)
      .where((eb) => eb.or([eb('email', '=', c.email.toLowerCase()), ...(c.customerId !== null ? [eb('customer_id', '=', c.customerId)] : [])]))
      .executeTakeFirstOrThrow()
      .then((r) => Number(r.n));
  return {
    async list() {
      return (await db.selectFrom('discount_codes').selectAll().orderBy('id', 'desc').execute()).map(toCode);
    },
    async findById(id) {
      const row = await db.selectFrom('discount_codes').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toCode(row) : null;
    },
    async findByCode(code, tx) {
      const row = await on(tx, db).selectFrom('discount_codes').selectAll().where('code', '=', code).executeTakeFirst();
      return row ? toCode(row) : null;
    },
    async codeTaken(code, exceptId) {
      let query = db.selectFrom('discount_codes').select('id').where('code', '=', code);
      if (exceptId !== undefined) query = query.where('id', '!=', exceptId);
      return !!(await query.executeTakeFirst());
    },
    async insert(input, at) {
      const row = await db
        .insertInto('discount_codes')
        .values({ ...columns(input), created_at: at.toISOString(), updated_at: at.toISOString() })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toCode(row);
    },
    async update(id, input, at) {
      const row = await db.updateTable('discount_codes').set({ ...columns(input), updated_at: at.toISOString() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
      return toCode(row);
    },
    async delete(id) {
      const used = await db.selectFrom('discount_redemptions').select('id').where('code_id', '=', id).limit(1).executeTakeFirst();
      if (used) return false;
      await db.deleteFrom('discount_codes').where('id', '=', id).execute();
      return true;
    },
    async skuScopes(tx, skus) {
      if (skus.length === 0) return [];
      const rows = await on(tx, db)
        .selectFrom('variants as v')
        .leftJoin('product_categories as pc', 'pc.product_id', 'v.product_id')
        .select(['v.sku', 'v.product_id', 'pc.category_id'])
        .where('v.sku', 'in', skus)
        .execute();
      const bySku = new Map<string, { sku: string; productId: number; categoryIds: number[] }>();
      for (const r of rows) {
        const entry = bySku.get(r.sku) ?? { sku: r.sku, productId: Number(r.product_id), categoryIds: [] };
        if (r.category_id !== null) entry.categoryIds.push(Number(r.category_id));
        bySku.set(r.sku, entry);
      }
      return [...bySku.values()];
    },
    async redeem(tx, r) {
      const executor = on(tx, db);
      const counted = await executor
        .updateTable('discount_codes')
        .set({ used: sql<number>`used + 1` })
        .where('id', '=', r.codeId)
        .where('active', '=', 1)
        .where((eb) => eb.or([eb('usage_limit', 'is', null), eb('used', '<', eb.ref('usage_limit'))]))
        .executeTakeFirst();
      if (Number(counted.numUpdatedRows) === 0) return 'used_up';
      // Read while this order holds the code's row: another order of the same customer waits for our commit.
      if (r.perCustomerLimit !== null && (await customerUses(executor, r.codeId, r)) >= r.perCustomerLimit) return 'customer_limit';
      await executor.insertInto('discount_redemptions').values({ code_id: r.codeId, order_id: r.orderId, customer_id: r.customerId, email: r.email.toLowerCase(), created_at: r.at.toISOString() }).execute();
      return 'ok';
    },
    customerUses: (codeId, customer) => customerUses(db, codeId, customer),
  };
}
