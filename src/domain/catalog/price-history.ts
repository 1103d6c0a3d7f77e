/**
 * The 30-day lowest price (Consumer Protection Act § 12a, the EU Omnibus rule): beside a price reduction the shop
 * shows the lowest price at which it offered the goods in the 30 days before the reduction. A reduction begins when
 * the current price was set, so the figure is fixed from then on (and kept with the variant).
 */

export const LOWEST_PRICE_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

export type PricePoint = { price: number; at: string };

/**
 * The lowest of the prices in effect at any moment of the 30 days before `at`, when the new price is set. `history`
 * holds the variant's prices with the instants they were set (any order); a price is in effect from its instant until
 * the next one, the newest until `at`. Null when no price was in effect in that window (a new variant).
 */
export function lowestPriorPrice(history: readonly PricePoint[], at: Date): number | null {
  const end = at.getTime();
  const start = end - LOWEST_PRICE_DAYS * DAY_MS;
  const points = history.map((p) => ({ price: p.price, from: Date.parse(p.at) })).filter((p) => p.from < end).sort((a, b) => a.from - b.from);
  let lowest: number | null = null;
  points.forEach((p, i) => {
    const until = points[i + 1]?.from ?? end;
    if (until > p.from && until > start && (lowest === null || p.price < lowest)) lowest = p.price;
  });
  return lowest;
}

/** What the shop shows as "the lowest price of the last 30 days" beside a price: the kept figure, or the price itself when it was never lower. */
export function lowestPriceShown(price: number, lowestPrior: number | null): number {
  return lowestPrior === null ? price : lowestPrior;
}
