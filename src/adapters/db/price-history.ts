/**
 * The price history of variants, written in the transaction of every product save (the admin form, the API's POST and
 * PATCH, the CSV import and the demo seed all save through the product repo): a variant whose price differs from its
 * last recorded one gets a row, and its 30-day lowest price is worked out from the rows before.
 */
import type { Transaction } from 'kysely';
import { LOWEST_PRICE_DAYS, lowestPriorPrice, type PricePoint } from '../../domain/catalog/price-history.js';
import type { Database } from './schema.js';
import type { Db } from './kysely.js';

type Executor = Db | Transaction<Database>;

export async function recordPriceChanges(trx: Executor, productId: number, at: Date): Promise<void> {
  const variants = await trx
    .selectFrom('variants as v')
    .select(['v.id', 'v.price'])
    .select((eb) =>
      eb.selectFrom('variant_price_history as h').select('h.price').whereRef('h.variant_id', '=', 'v.id').orderBy('h.changed_at', 'desc').orderBy('h.id', 'desc').limit(1).as('last_price'),
    )
    .where('v.product_id', '=', productId)
    .execute();
  const changed = variants.filter((v) => v.last_price === null || Number(v.last_price) !== v.price);
  if (changed.length === 0) return;
  const ids = changed.map((v) => v.id);
  const since = new Date(at.getTime() - LOWEST_PRICE_DAYS * 24 * 60 * 60 * 1000).toISOString();
  // The prices set within the window, and the one in effect when it opened (the newest set before it).
  const [recent, opening] = await Promise.all([
    trx.selectFrom('variant_price_history').select(['variant_id', 'price', 'changed_at']).where('variant_id', 'in', ids).where('changed_at', '>=', since).execute(),
    trx
      .selectFrom('variant_price_history as h')
      .select(['h.variant_id', 'h.price', 'h.changed_at'])
      .where('h.id', 'in', (eb) => eb.selectFrom('variant_price_history').select((e) => e.fn.max('id').as('id')).where('variant_id', 'in', ids).where('changed_at', '<', since).groupBy('variant_id'))
      .execute(),
  ]);
  const history = new Map<number, PricePoint[]>();
  for (const row of [...recent, ...opening]) history.set(Number(row.variant_id), [...(history.get(Number(row.variant_id)) ?? []), { price: Number(row.price), at: row.changed_at }]);
  for (const v of changed) {
    const lowest = v.last_price === null ? null : lowestPriorPrice(history.get(v.id) ?? [], at);
    await trx.updateTable('variants').set({ lowest_price_30d: lowest }).where('id', '=', v.id).execute();
  }
  await trx.insertInto('variant_price_history').values(changed.map((v) => ({ variant_id: v.id, price: v.price, changed_at: at.toISOString() }))).execute();
}
