/**
 * Shares an amount among parts in proportion to their weights (a discount among VAT rates): each part gets the whole
 * haléře of its exact share and the haléře left over go to the largest remainders, so the parts add up exactly.
 */
export function allocate(amount: number, weights: readonly number[]): number[] {
  if (!Number.isSafeInteger(amount) || amount < 0) throw new RangeError(`amount must be whole non-negative minor units, got ${amount}`);
  const total = weights.reduce((sum, w) => sum + w, 0);
  if (total <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (amount * w) / total);
  const shares = exact.map(Math.floor);
  let left = amount - shares.reduce((sum, s) => sum + s, 0);
  // Largest remainder first; equal remainders in the given order (the highest VAT rate comes first).
  const order = exact.map((e, i) => ({ i, rest: e - shares[i]! })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) shares[order[k]!.i]! += 1;
  return shares;
}
