/** How the customer lists sort and page: the sort keys and the opaque keyset cursors (value of the sort column + id). */

export const CUSTOMER_SORTS = ['registered', 'orders', 'spent'] as const;
export type CustomerSort = (typeof CUSTOMER_SORTS)[number];
export const isCustomerSort = (v: unknown): v is CustomerSort => CUSTOMER_SORTS.includes(v as CustomerSort);

/** The last row of a page: its sort value (an instant for `registered`, a number otherwise) and id. */
export type CustomerCursor = { sort: CustomerSort; value: string | number; id: number };
/** One-time buyers page by their last order's time, then by email. */
export type GuestCursor = { lastOrderAt: string; email: string };

const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
function decode(text: string): unknown {
  if (text.length > 600 || !/^[A-Za-z0-9_-]+$/.test(text)) return null;
  try {
    return JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
}

const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;

export const encodeCustomerCursor = (c: CustomerCursor) => encode([c.sort, c.value, c.id]);

/** Null for anything that is not a cursor we made for this sort (a tampered or stale one). */
export function decodeCustomerCursor(text: string, sort: CustomerSort): CustomerCursor | null {
  const raw = decode(text);
  if (!Array.isArray(raw) || raw.length !== 3 || raw[0] !== sort || !Number.isSafeInteger(raw[2])) return null;
  const value: unknown = raw[1];
  const ok = sort === 'registered' ? typeof value === 'string' && ISO.test(value) : Number.isSafeInteger(value);
  return ok ? { sort, value: value as string | number, id: raw[2] as number } : null;
}

export const encodeGuestCursor = (c: GuestCursor) => encode([c.lastOrderAt, c.email]);

export function decodeGuestCursor(text: string): GuestCursor | null {
  const raw = decode(text);
  if (!Array.isArray(raw) || raw.length !== 2 || typeof raw[0] !== 'string' || !ISO.test(raw[0]) || typeof raw[1] !== 'string' || raw[1].length > 254) return null;
  return { lastOrderAt: raw[0], email: raw[1] };
}
