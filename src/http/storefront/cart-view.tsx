/** The cart page: lines (thumbnail, today's price and what changed), quantity and remove forms, totals and the way on; on a phone each line is a card. */
import { formatMoney } from '../../domain/money/money.js';
import type { CartIssue, CartReview } from '../../domain/cart/cart.js';
import { isBlocking } from '../../domain/cart/cart.js';
import { CsrfField, FlashMessage, type Flash } from '../views/components.js';
import type { PageContext } from '../views/page-context.js';
import { StoreLayout, type MenuCategory } from '../views/store-layout.js';
import { productHref } from './product-card.js';
import { thumbUrl } from './media-routes.js';

export function IssueText({ ctx, issue }: { ctx: PageContext; issue: CartIssue }) {
  const { t, locale } = ctx;
  const text =
    issue.kind === 'short'
      ? t('cart.issue.short', { available: issue.available })
      : issue.kind === 'price_changed'
        ? t('cart.issue.price_changed', { from: formatMoney(issue.from, locale), to: formatMoney(issue.to, locale) })
        : t(`cart.issue.${issue.kind}`);
  return <p class={isBlocking(issue) ? 'cart-issue cart-issue-blocking' : 'cart-issue'}>{text}</p>;
}

/** The cart's discount code: its line (`amount` null for free shipping) or why it does not apply now. */
export type CartDiscountView = { code: string; name: string; amount: number | null; problem: string | null };

function DiscountForm({ ctx, csrf, discount }: { ctx: PageContext; csrf: string | null; discount: CartDiscountView | null }) {
  const { t } = ctx;
  if (discount) {
    return (
      <form method="post" action="/kosik/sleva/odebrat" class="cart-discount">
        {csrf && <CsrfField token={csrf} />}
        {discount.problem && <p class="cart-issue cart-issue-blocking">{t('discount.notApplied', { code: discount.code, reason: discount.problem })}</p>}
        <button type="submit" class="button-link">
          {t('discount.remove')}
        </button>
      </form>
    );
  }
  return (
    <form method="post" action="/kosik/sleva" class="cart-discount">
      {csrf && <CsrfField token={csrf} />}
      <label for="discount-code">{t('discount.label')}</label>
      <p class="hint">{t('discount.hint')}</p>
      <div class="cart-discount-row">
        <input id="discount-code" name="code" type="text" maxLength={40} autoComplete="off" autoCapitalize="characters" spellcheck={false} />
        <button type="submit">{t('discount.apply')}</button>
      </div>
    </form>
  );
}

export function CartPage(props: { ctx: PageContext; categories: MenuCategory[]; cart: CartReview; csrf: string | null; flash: Flash | null; /** The smallest stored image width, for thumbnails. */ thumbWidth: number; discount?: CartDiscountView | null }) {
  const { ctx, cart } = props;
  const { t, locale } = ctx;
  return (
    <StoreLayout ctx={ctx} title={t('cart.title')} noindex categories={props.categories} cartCount={cart.count}>
      <div class="cart-page stack">
        <h1>{t('cart.title')}</h1>
        <FlashMessage flash={props.flash} />
        {cart.items.length === 0 ? (
          <p class="cart-empty">
            {t('cart.empty')} <a href="/">{t('cart.backToShop')}</a>
          </p>
        ) : (
          <>
            <table class="cart-table cart-lines stack-on-phone">
              <thead>
                <tr>
                  <th scope="col">{t('cart.col.item')}</th>
                  <th scope="col" class="num">{t('cart.col.price')}</th>
                  <th scope="col">{t('cart.col.quantity')}</th>
                  <th scope="col" class="num">{t('cart.col.total')}</th>
                </tr>
              </thead>
              <tbody>
                {cart.items.map((item) => (
                  <tr key={item.variantId} class={item.issues.some(isBlocking) ? 'cart-line cart-line-problem' : 'cart-line'}>
                    <td>
                      <div class="cart-item">
                        <a class="cart-thumb" href={productHref(item.productSlug)} tabIndex={-1} aria-hidden="true">
                          {item.imageKey ? <img src={thumbUrl({ key: item.imageKey }, props.thumbWidth)} alt="" width={64} height={64} loading="lazy" decoding="async" /> : <span class="no-image" />}
                        </a>
                        <div>
                          <a href={productHref(item.productSlug)}>{item.name}</a>
                          {item.issues.map((issue) => (
                            <IssueText key={issue.kind} ctx={ctx} issue={issue} />
                          ))}
                        </div>
                      </div>
                    </td>
                    <td class="num" data-label={t('cart.col.price')}>
                      {formatMoney(item.unitPrice, locale)}
                    </td>
                    <td class="cart-quantity-cell" data-label={t('cart.col.quantity')}>
                      <form method="post" action="/kosik/zmenit" class="cart-quantity">
                        {props.csrf && <CsrfField token={props.csrf} />}
                        <input type="hidden" name="variantId" value={String(item.variantId)} />
                        <label class="visually-hidden" for={`qty-${item.variantId}`}>
                          {t('cart.col.quantity')}: {item.name}
                        </label>
                        <input type="number" id={`qty-${item.variantId}`} name="quantity" value={String(item.quantity)} min="0" max="999" inputMode="numeric" />
                        <button type="submit" class="button-small">
                          {t('cart.update')}
                        </button>
                      </form>
                      <form method="post" action="/kosik/zmenit" class="cart-remove">
                        {props.csrf && <CsrfField token={props.csrf} />}
                        <input type="hidden" name="variantId" value={String(item.variantId)} />
                        <input type="hidden" name="quantity" value="0" />
                        <button type="submit" class="button-link">
                          {t('cart.remove')}
                        </button>
                      </form>
                    </td>
                    <td class="num" data-label={t('cart.col.total')}>
                      {formatMoney(item.total, locale)}
                    </td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row" colSpan={3}>
                    {t('cart.itemsTotal')}
                  </th>
                  <td class="num cart-total">{formatMoney(cart.itemsTotal, locale)}</td>
                </tr>
                {props.discount && !props.discount.problem && (
                  <tr class="cart-discount-line">
                    <th scope="row" colSpan={3}>
                      {props.discount.name}
                    </th>
                    <td class="num">{props.discount.amount === null ? '' : formatMoney(-props.discount.amount, locale)}</td>
                  </tr>
                )}
                {props.discount && !props.discount.problem && props.discount.amount !== null && (
                  <tr>
                    <th scope="row" colSpan={3}>
                      {t('discount.afterDiscount')}
                    </th>
                    <td class="num cart-total">{formatMoney(cart.itemsTotal - props.discount.amount, locale)}</td>
                  </tr>
                )}
              </tfoot>
            </table>
            <DiscountForm ctx={ctx} csrf={props.csrf} discount={props.discount ?? null} />
            <div class="cart-actions">
              <a href="/">{t('cart.backToShop')}</a>
              {cart.orderable ? (
                <a class="button button-primary button-large" href="/pokladna">
                  {t('cart.continue')}
                </a>
              ) : (
                <p class="cart-issue cart-issue-blocking">{t('cart.fixFirst')}</p>
              )}
            </div>
          </>
        )}
      </div>
    </StoreLayout>
  );
}
