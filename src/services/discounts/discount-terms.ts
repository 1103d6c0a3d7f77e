/**
 * A discount code as an order (or a cart on its way to one) may use it: found and usable now, what it applies to,
 * and whether the priced order meets its conditions. Every refusal is a validation error on `discountCode` with a
 * message key (`discount_expired`, `discount_min_order:1 000 Kč`, …) and changes nothing.
 */
import { DomainError } from '../../domain/errors.js';
import { subtreeIds } from '../../domain/catalog/category-rules.js';
import { normalizeCode, unusableReason, type DiscountCode } from '../../domain/discounts/discount-code.js';
import type { DiscountTerms } from '../../domain/discounts/apply-discount.js';
import { formatMoney } from '../../domain/money/money.js';
import type { OrderPrice } from '../../domain/orders/order-pricing.js';
import type { Category, CategoryRepo } from '../catalog/ports.js';
import type { Tx } from '../ports.js';
import type { DiscountRepo } from './ports.js';

export type DiscountDeps = { discounts: DiscountRepo; categories: CategoryRepo };

export const discountError = (key: string, detail?: string) => new DomainError('validation', `discount code: ${key}`, { discountCode: detail === undefined ? key : `${key}:${detail}` });

/** The code as typed (any case, spaces around), if it exists and may be used at `now`. */
export async function findUsableCode(deps: DiscountDeps, typed: string, now: Date, tx: Tx | null = null): Promise<DiscountCode> {
  const text = normalizeCode(typed);
  const code = text ? await deps.discounts.findByCode(text, tx) : null;
  if (!code) throw discountError('discount_unknown');
  const reason = unusableReason(code, now);
  if (reason) throw discountError(reason);
  return code;
}

/**
 * The code's terms for these SKUs: every item, or those of its products or of its categories and their sub-categories.
 * `categories` is the tree read beforehand: inside an order's transaction nothing may wait for a second connection.
 */
export async function discountTermsFor(deps: DiscountDeps, tx: Tx | null, code: DiscountCode, skus: string[], categories?: Category[]): Promise<DiscountTerms> {
  const terms = { code: code.code, kind: code.kind, value: code.value };
  if (code.scope === 'all') return { ...terms, eligibleSkus: null };
  const scopes = await deps.discounts.skuScopes(tx, skus);
  let eligible: (s: (typeof scopes)[number]) => boolean;
  if (code.scope === 'products') {
    const ids = new Set(code.scopeIds);
    eligible = (s) => ids.has(s.productId);
  } else {
    const all = categories ?? (await deps.categories.all());
    const ids = new Set(code.scopeIds.flatMap((id) => subtreeIds(all, id)));
    eligible = (s) => s.categoryIds.some((c) => ids.has(c));
  }
  return { ...terms, eligibleSkus: new Set(scopes.filter(eligible).map((s) => s.sku)) };
}

/** The priced order meets the code's conditions: it applies to some of the goods, and they reach its minimum. */
export function checkDiscountedPrice(code: DiscountCode, price: Pick<OrderPrice, 'discount' | 'itemsTotal'>, locale: 'cs' | 'en'): void {
  if (!price.discount) throw discountError('discount_not_applicable');
  if (code.minOrder !== null && price.itemsTotal < code.minOrder) throw discountError('discount_min_order', formatMoney(code.minOrder, locale));
}

/** The customer has not used the code as often as it allows (the order's own count, under the code's lock, has the last word). */
export async function checkCustomerUses(deps: DiscountDeps, code: DiscountCode, customer: { customerId: number | null; email: string }): Promise<void> {
  if (code.perCustomerLimit === null || !customer.email) return;
  if ((await deps.discounts.customerUses(code.id, customer)) >= code.perCustomerLimit) throw discountError('discount_customer_limit');
}
