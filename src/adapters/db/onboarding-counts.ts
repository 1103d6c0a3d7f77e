/** The counts behind the seven-steps home page, each read from its own area's tables. */
import type { OnboardingCounts } from '../../services/settings/ports.js';
import type { Db } from './kysely.js';

export function onboardingCounts(db: Db): OnboardingCounts {
  const count = async (query: { executeTakeFirstOrThrow(): Promise<{ n: number | string | bigint }> }) => Number((await query.executeTakeFirstOrThrow()).n);
  return {
    categories: () => count(db.selectFrom('categories').select((eb) => eb.fn.countAll<number>().as('n'))),
    products: () => count(db.selectFrom('products').where('active', '=', 1).where('stock_total', '>', 0).select((eb) => eb.fn.countAll<number>().as('n'))),
    publishedPages: () => count(db.selectFrom('pages').where('published', '=', 1).select((eb) => eb.fn.countAll<number>().as('n'))),
    // Orders arrive with checkout; until then a shop has none.
    orders: async () => 0,
  };
}
