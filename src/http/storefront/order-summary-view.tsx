/** The customer's view of an order's lines, totals and VAT, shared by the thank-you page and the account's order page. */
import { formatMoney } from '../../domain/money/money.js';
import { countryName } from '../../domain/customers/countries.js';
import type { PageContext } from '../views/page-context.js';
import type { OrderDiscount } from '../../domain/discounts/apply-discount.js';
import { discountLineName } from '../../domain/discounts/discount-label.js';

type Line = { sku: string; name: string; quantity: number; unitPrice: number; total: number };
type Charge = { name: string; price: number };
type VatRow = { rate: number; base: number; vat: number };

export function AddressLines({ ctx, address }: { ctx: PageContext; address: { street: string; zip: string; city: string; country: string } }) {
  return (
    <>
      <span>{address.street}</span>
      <span>{`${address.zip} ${address.city}`}</span>
      <span>{countryName(ctx.locale, address.country)}</span>
    </>
  );
}

/** The discount's lines under the items: one per VAT rate with its rate named when there are several. */
export function DiscountRows({ ctx, discount, columns }: { ctx: PageContext; discount: OrderDiscount | null; columns: number }) {
  if (!discount) return null;
  const name = discountLineName(discount, ctx.locale);
  // Free shipping is already in the shipping line's price: its row names the code without an amount.
  const rows = discount.kind === 'free_shipping' ? [{ vatRate: null, amount: null }] : discount.lines.map((l) => ({ vatRate: discount.lines.length > 1 ? l.vatRate : null, amount: l.amount }));
  return (
    <>
      {rows.map((row) => (
        <tr key={row.vatRate ?? 'all'} class="order-charge order-discount">
          <td colSpan={columns - 1}>{row.vatRate === null ? name : `${name}, ${ctx.t('discount.vatRate', { rate: row.vatRate })}`}</td>
          <td class="num">{row.amount === null ? '' : formatMoney(-row.amount, ctx.locale)}</td>
        </tr>
      ))}
    </>
  );
}

export function OrderItemsTable({ ctx, items, shipping, payment, total, vat, discount = null }: { ctx: PageContext; items: Line[]; shipping: Charge; payment: Charge; total: number; vat: VatRow[]; discount?: OrderDiscount | null }) {
  const { t, locale } = ctx;
  const money = (amount: number) => formatMoney(amount, locale);
  return (
    <>
      <table class="cart-table order-lines stack-on-phone">
        <thead>
          <tr>
            <th scope="col">{t('cart.col.item')}</th>
            <th scope="col" class="num">{t('cart.col.quantity')}</th>
            <th scope="col" class="num">{t('cart.col.price')}</th>
            <th scope="col" class="num">{t('cart.col.total')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.sku} class="order-line">
              <td class="order-line-name">{item.name}</td>
              <td class="num" data-label={t('cart.col.quantity')}>
                {item.quantity}
              </td>
              <td class="num" data-label={t('cart.col.price')}>
                {money(item.unitPrice)}
              </td>
              <td class="num" data-label={t('cart.col.total')}>
                {money(item.total)}
              </td>
            </tr>
          ))}
          <DiscountRows ctx={ctx} discount={discount} columns={4} />
          <tr class="order-charge">
            <td colSpan={3}>{shipping.name}</td>
            <td class="num">{money(shipping.price)}</td>
          </tr>
          <tr class="order-charge">
            <td colSpan={3}>{payment.name}</td>
            <td class="num">{money(payment.price)}</td>
          </tr>
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={3}>
              {t('checkout.total')}
            </th>
            <td class="num cart-total">{money(total)}</td>
          </tr>
        </tfoot>
      </table>
      <ul class="summary-vat muted small">
        {vat.map((row) => (
          <li key={row.rate}>{t('checkout.vatRow', { rate: row.rate, base: money(row.base), vat: money(row.vat) })}</li>
        ))}
      </ul>
    </>
  );
}
