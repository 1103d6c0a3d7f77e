/** How documents, emails, pages and exports name a discount line: the code and what it gives, in Czech or English. */
import type { OrderDiscount } from './apply-discount.js';

export function discountLineName(discount: Pick<OrderDiscount, 'code' | 'kind' | 'value'>, locale: 'cs' | 'en'): string {
  if (discount.kind === 'free_shipping') return locale === 'en' ? `Free shipping – code ${discount.code}` : `Doprava zdarma – kód ${discount.code}`;
  const share = discount.kind === 'percent' ? (locale === 'en' ? ` (${discount.value}%)` : ` (${discount.value} %)`) : '';
  return locale === 'en' ? `Discount – code ${discount.code}${share}` : `Sleva – kód ${discount.code}${share}`;
}
