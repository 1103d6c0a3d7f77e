/** Discount codes: their kinds and scopes, the rules a code must follow when saved, and when it may be used. */
import { parseMoneyInput } from '../money/money.js';

export const DISCOUNT_KINDS = ['percent', 'amount', 'free_shipping'] as const;
export type DiscountKind = (typeof DISCOUNT_KINDS)[number];
export const DISCOUNT_SCOPES = ['all', 'categories', 'products'] as const;
export type DiscountScope = (typeof DISCOUNT_SCOPES)[number];

export type DiscountCode = {
  id: number;
  /** Upper case: customers may type it in any case. */
  code: string;
  kind: DiscountKind;
  /** Percent (1–100) for `percent`, haléře for `amount`, 0 for `free_shipping`. */
  value: number;
  startsAt: string | null;
  endsAt: string | null;
  /** Goods (with VAT, before the discount) the order must reach. */
  minOrder: number | null;
  usageLimit: number | null;
  perCustomerLimit: number | null;
  used: number;
  scope: DiscountScope;
  /** Category ids (with their sub-categories) or product ids the code applies to. */
  scopeIds: number[];
  active: boolean;
  note: string;
  createdAt: string;
  updatedAt: string;
};

export type DiscountInput = Pick<DiscountCode, 'code' | 'kind' | 'value' | 'startsAt' | 'endsAt' | 'minOrder' | 'usageLimit' | 'perCustomerLimit' | 'scope' | 'scopeIds' | 'active' | 'note'>;

export const normalizeCode = (text: string): string => text.trim().toUpperCase();
const CODE = /^[A-Z0-9][A-Z0-9_-]{1,39}$/;
export const MAX_DISCOUNT_AMOUNT = 10_000_000_00;

const isCount = (n: unknown): boolean => n === null || (typeof n === 'number' && Number.isSafeInteger(n) && n >= 1 && n <= 1_000_000_000);

/** Problems of a code as the admin saves it (field → message key); the uniqueness of the code is the service's job. */
export function discountProblems(d: DiscountInput): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!CODE.test(d.code)) errors.code = 'discount_code_invalid';
  if (!DISCOUNT_KINDS.includes(d.kind)) errors.kind = 'invalid_value';
  else if (d.kind === 'percent' && !(Number.isInteger(d.value) && d.value >= 1 && d.value <= 100)) errors.value = 'discount_percent_invalid';
  else if (d.kind === 'amount' && !(Number.isSafeInteger(d.value) && d.value >= 1 && d.value <= MAX_DISCOUNT_AMOUNT)) errors.value = 'price_invalid';
  if (d.minOrder !== null && !(Number.isSafeInteger(d.minOrder) && d.minOrder >= 0 && d.minOrder <= MAX_DISCOUNT_AMOUNT)) errors.minOrder = 'price_invalid';
  if (!isCount(d.usageLimit)) errors.usageLimit = 'number_invalid';
  if (!isCount(d.perCustomerLimit)) errors.perCustomerLimit = 'number_invalid';
  for (const key of ['startsAt', 'endsAt'] as const) if (d[key] !== null && Number.isNaN(Date.parse(d[key]!))) errors[key] = 'date_invalid';
  if (d.startsAt && d.endsAt && !errors.startsAt && !errors.endsAt && Date.parse(d.endsAt) <= Date.parse(d.startsAt)) errors.endsAt = 'discount_ends_before_start';
  if (!DISCOUNT_SCOPES.includes(d.scope)) errors.scope = 'invalid_value';
  else if (d.scope !== 'all' && d.scopeIds.length === 0) errors.scopeIds = 'discount_scope_empty';
  if (d.note.length > 200) errors.note = 'too_long';
  return errors;
}

/** Why a code cannot be used now (a message key), or null: switched off, not yet or no longer valid, used up. */
export function unusableReason(code: Pick<DiscountCode, 'active' | 'startsAt' | 'endsAt' | 'usageLimit' | 'used'>, now: Date): string | null {
  if (!code.active) return 'discount_unknown';
  if (code.startsAt && now.getTime() < Date.parse(code.startsAt)) return 'discount_not_started';
  if (code.endsAt && now.getTime() >= Date.parse(code.endsAt)) return 'discount_expired';
  if (code.usageLimit !== null && code.used >= code.usageLimit) return 'discount_used_up';
  return null;
}

/** A value typed in the admin form: `10` (percent) or `150,50` (Kč). */
export function parseDiscountValue(kind: DiscountKind, text: string): number {
  if (kind === 'free_shipping') return 0;
  if (kind === 'percent') return /^\d{1,3}$/.test(text.trim().replace(/\s*%$/, '')) ? Number(text.trim().replace(/\s*%$/, '')) : NaN;
  return parseMoneyInput(text) ?? NaN;
}
