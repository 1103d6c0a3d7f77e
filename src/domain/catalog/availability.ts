/** What a shopper is told about stock: in stock, the last few pieces, or sold out. */
export type Availability = { kind: 'in_stock' } | { kind: 'last_pieces'; count: number } | { kind: 'sold_out' };

export const LAST_PIECES_THRESHOLD = 5;

export function availabilityOf(stock: number): Availability {
  if (stock <= 0) return { kind: 'sold_out' };
  if (stock <= LAST_PIECES_THRESHOLD) return { kind: 'last_pieces', count: stock };
  return { kind: 'in_stock' };
}
