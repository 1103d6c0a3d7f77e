/** The account's pages: the overview with the orders list, one order in full, and the settings. */
import { formatMoney } from '../../../domain/money/money.js';
import { documentVatSummary } from '../../../domain/documents/order-document.js';
import type { OrderAddress } from '../../../domain/orders/order-input.js';
import type { Customer, CustomerOrderRow } from '../../../services/accounts/ports.js';
import type { CustomerOrderView } from '../../../services/accounts/customer-orders.js';
import { CsrfField } from '../../views/components.js';
import { formatDateTime } from '../../views/format.js';
import type { PageContext } from '../../views/page-context.js';
import { FormErrorSummary, Input, type FormErrors } from './account-page.js';
import { OrderProgress, PaymentBadge, StatusBadge } from './order-status-view.js';
import { AddressLines, OrderItemsTable } from '../order-summary-view.js';
import { PickupPointAddress } from '../checkout-pickup-view.js';

export function AccountNav({ ctx, csrf, current }: { ctx: PageContext; csrf: string; current: 'orders' | 'settings' }) {
  const { t } = ctx;
  return (
    <nav class="account-nav" aria-label={t('account.nav')}>
      <a href="/ucet" aria-current={current === 'orders' ? 'page' : undefined}>
        {t('account.orders.title')}
      </a>
      <a href="/ucet/nastaveni" aria-current={current === 'settings' ? 'page' : undefined}>
        {t('account.settings.title')}
      </a>
      <form method="post" action="/ucet/odhlaseni" class="inline-form">
        <CsrfField token={csrf} />
        <button type="submit" class="button-link">
          {t('account.signOut')}
        </button>
      </form>
    </nav>
  );
}

export function OrdersOverview({ ctx, name, orders }: { ctx: PageContext; name: string; orders: CustomerOrderRow[] }) {
  const { t, locale } = ctx;
  return (
    <>
      <h1>{t('account.title')}</h1>
      <p class="lead">{t('account.hello', { name })}</p>
      <h2>{t('account.orders.title')}</h2>
      {orders.length === 0 ? (
        <p>
          {t('account.orders.empty')} <a href="/">{t('cart.backToShop')}</a>
        </p>
      ) : (
        <table class="cart-table account-orders stack-on-phone">
          <thead>
            <tr>
              <th scope="col">{t('account.orders.number')}</th>
              <th scope="col">{t('account.orders.date')}</th>
              <th scope="col">{t('account.orders.status')}</th>
              <th scope="col" class="num">{t('account.orders.total')}</th>
            </tr>
          </thead>
          <tbody>
            {orders.map((o) => (
              <tr key={o.number}>
                <td>
                  <a href={`/ucet/objednavky/${o.number}`}>{o.number}</a>
                </td>
                <td data-label={t('account.orders.date')}>{formatDateTime(o.createdAt, locale)}</td>
                <td data-label={t('account.orders.status')}>
                  <span>
                    <StatusBadge ctx={ctx} status={o.status} /> <PaymentBadge ctx={ctx} status={o.paymentStatus} />
                  </span>
                </td>
                <td class="num" data-label={t('account.orders.total')}>
                  {formatMoney(o.total, locale)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

export function OrderDetail({ ctx, view, base }: { ctx: PageContext; view: CustomerOrderView; base: string }) {
  const { t, locale } = ctx;
  const { order } = view;
  const vat = documentVatSummary({ items: order.items, shipping: order.shipping, payment: { ...order.payment, variableSymbol: order.variableSymbol }, discount: order.discount });
  return (
    <>
      <p>
        <a href="/ucet">← {t('account.orders.title')}</a>
      </p>
      <h1>{t('account.order.title', { number: order.number })}</h1>
      <p class="muted">{formatDateTime(order.createdAt, locale)}</p>
      <div class="thank-you-columns">
        <section class="thank-you-main" aria-labelledby="items-title">
          <h2 id="items-title">{t('thanks.items')}</h2>
          <OrderItemsTable ctx={ctx} items={order.items} shipping={order.shipping} payment={order.payment} total={order.total} vat={vat} discount={order.discount} />
          <p>
            <a class="button" href={`${base}/doklad.pdf`}>
              {t('thanks.pdf')}
            </a>
          </p>
          <OrderProgress ctx={ctx} view={view} withdrawHref={`${base}/odstoupeni`} />
        </section>
        <aside class="thank-you-side stack">
          <section>
            <h2>{t('thanks.addresses')}</h2>
            <address class="shop-contact">
              <strong>{order.name}</strong>
              {order.company && <span>{order.company}</span>}
              {order.ico && <span>IČO {order.ico}</span>}
              {order.dic && <span>DIČ {order.dic}</span>}
              <AddressLines ctx={ctx} address={order.billingAddress} />
            </address>
            <PickupPointAddress ctx={ctx} point={order.pickupPoint} />
              {order.shippingAddress && (
              <>
                <h3>{t('checkout.shippingAddress')}</h3>
                <address class="shop-contact">
                  <AddressLines ctx={ctx} address={order.shippingAddress} />
                </address>
              </>
            )}
          </section>
          <section>
            <h2>{t('account.order.delivery')}</h2>
            <p>
              {order.shipping.name}
              <br />
              {order.payment.name}
              <br />
              {t('thanks.vs')}: {order.variableSymbol}
            </p>
          </section>
        </aside>
      </div>
    </>
  );
}

function AddressFields({ ctx, prefix, values, errors }: { ctx: PageContext; prefix: '' | 'ship'; values: Record<string, string>; errors: FormErrors }) {
  const { t } = ctx;
  const id = (name: string) => (prefix ? `ship${name[0]!.toUpperCase()}${name.slice(1)}` : name);
  return (
    <>
      <Input id={id('street')} label={t('checkout.street')} value={values[id('street')]} errors={errors} />
      <Input id={id('city')} label={t('checkout.city')} value={values[id('city')]} errors={errors} maxLength={100} />
      <Input id={id('zip')} label={t('checkout.zip')} value={values[id('zip')]} errors={errors} maxLength={10} />
      <div class="field">
        <label for={id('country')}>{t('checkout.country')}</label>
        <select id={id('country')} name={id('country')}>
          {(['CZ', 'SK'] as const).map((c) => (
            <option key={c} value={c} selected={(values[id('country')] || 'CZ') === c}>
              {t(`checkout.country.${c}`)}
            </option>
          ))}
        </select>
      </div>
    </>
  );
}

/** The profile's current values as the flat form shows them. */
export function profileValues(c: Customer): Record<string, string> {
  const fields = (prefix: '' | 'ship', a: OrderAddress | null): Record<string, string> => {
    if (!a) return {};
    const id = (name: string) => (prefix ? `ship${name[0]!.toUpperCase()}${name.slice(1)}` : name);
    return { [id('street')]: a.street, [id('city')]: a.city, [id('zip')]: a.zip, [id('country')]: a.country };
  };
  return { name: c.name, phone: c.phone ?? '', company: c.company ?? '', ico: c.ico ?? '', dic: c.dic ?? '', ...fields('', c.billingAddress), ...fields('ship', c.shippingAddress) };
}

export function SettingsPage(props: { ctx: PageContext; csrf: string; email: string; values: Record<string, string>; errors: FormErrors; form: 'profile' | 'password' | 'email' | null }) {
  const { ctx, csrf, values } = props;
  const { t } = ctx;
  const errorsFor = (form: typeof props.form) => (props.form === form ? props.errors : {});
  return (
    <>
      <h1>{t('account.settings.title')}</h1>
      <form method="post" action="/ucet/nastaveni" class="account-form stack" novalidate>
        <h2>{t('account.settings.profile')}</h2>
        <FormErrorSummary ctx={ctx} errors={errorsFor('profile')} />
        <CsrfField token={csrf} />
        <Input id="name" label={t('account.name')} value={values.name} errors={errorsFor('profile')} autocomplete="name" />
        <Input id="phone" type="tel" label={t('checkout.phone')} value={values.phone} errors={errorsFor('profile')} autocomplete="tel" maxLength={30} />
        <Input id="company" label={t('checkout.company')} value={values.company} errors={errorsFor('profile')} autocomplete="organization" />
        <Input id="ico" label={t('checkout.ico')} value={values.ico} errors={errorsFor('profile')} maxLength={12} />
        <Input id="dic" label={t('checkout.dic')} value={values.dic} errors={errorsFor('profile')} maxLength={14} />
        <fieldset>
          <legend>{t('checkout.billing')}</legend>
          <AddressFields ctx={ctx} prefix="" values={values} errors={errorsFor('profile')} />
        </fieldset>
        <fieldset>
          <legend>{t('checkout.shippingAddress')}</legend>
          <p class="hint">{t('account.settings.shippingHint')}</p>
          <AddressFields ctx={ctx} prefix="ship" values={values} errors={errorsFor('profile')} />
        </fieldset>
        <button type="submit" class="button-primary">
          {t('account.settings.save')}
        </button>
      </form>
      <form method="post" action="/ucet/nastaveni/heslo" class="account-form stack" novalidate>
        <h2>{t('account.settings.password')}</h2>
        <FormErrorSummary ctx={ctx} errors={errorsFor('password')} />
        <CsrfField token={csrf} />
        <Input id="currentPassword" type="password" label={t('account.currentPassword')} errors={errorsFor('password')} autocomplete="current-password" maxLength={1000} />
        <Input id="newPassword" type="password" label={t('account.newPassword')} hint={t('account.passwordHint')} errors={errorsFor('password')} autocomplete="new-password" maxLength={1000} />
        <button type="submit" class="button-primary">
          {t('account.settings.changePassword')}
        </button>
      </form>
      <form method="post" action="/ucet/nastaveni/email" class="account-form stack" novalidate>
        <h2>{t('account.settings.email')}</h2>
        <p>{t('account.settings.currentEmail', { email: props.email })}</p>
        <FormErrorSummary ctx={ctx} errors={errorsFor('email')} />
        <CsrfField token={csrf} />
        {values.emailChecked && <input type="hidden" name="emailChecked" value={values.emailChecked} />}
        <Input id="newEmail" type="email" label={t('account.settings.newEmail')} hint={t('account.settings.newEmailHint')} value={values.newEmail} errors={errorsFor('email')} autocomplete="email" maxLength={254} />
        <Input id="emailPassword" type="password" label={t('account.currentPassword')} errors={errorsFor('email')} autocomplete="current-password" maxLength={1000} />
        <button type="submit" class="button-primary">
          {t('account.settings.changeEmail')}
        </button>
      </form>
    </>
  );
}
