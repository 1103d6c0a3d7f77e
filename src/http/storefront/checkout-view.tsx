/** The checkout page: contact, addresses, delivery and payment, note and consent beside a summary that always shows the total. */
import type { ComponentChildren } from 'preact';
import { formatMoney } from '../../domain/money/money.js';
import type { CartReview } from '../../domain/cart/cart.js';
import { shippingPriceFor, type CheckoutSummary } from '../../domain/cart/checkout-summary.js';
import { isChecked, type CheckoutField, type CheckoutForm } from '../../domain/cart/checkout-form.js';
import type { PaymentMethod, ShippingMethod } from '../../domain/settings/settings.js';
import { CsrfField, ErrorSummary, Field } from '../views/components.js';
import type { PageContext } from '../views/page-context.js';
import { StoreLayout, type MenuCategory } from '../views/store-layout.js';
import { AccountChoice, SignInFirst, type CheckoutAccount } from './account/checkout-account-view.js';
import { PickupPointChooser, type PickupChoice } from './checkout-pickup-view.js';
import { discountLineName } from '../../domain/discounts/discount-label.js';

export type CheckoutErrors = Partial<Record<CheckoutField, string>>;

export type CheckoutPageProps = {
  ctx: PageContext;
  categories: MenuCategory[];
  cart: CartReview;
  summary: CheckoutSummary;
  shippingMethods: ShippingMethod[];
  paymentMethods: PaymentMethod[];
  form: CheckoutForm;
  errors: CheckoutErrors;
  /** Problems that belong to no single field (stock, prices, the guest rule). */
  messages: string[];
  csrf: string | null;
  guestDisabled: boolean;
  /** The signed-in customer's email, or the offer to create an account with this order. */
  account?: CheckoutAccount;
  /** The summary script and where it asks for a fresh summary (progressive enhancement). */
  script?: { src: string; summaryUrl: string };
  /** The pickup-point choice, when a shipping method delivers to points. */
  pickup?: PickupChoice | null;
  extraScripts?: string[];
  /** Why the cart's discount code does not apply now (it is then left out of the order). */
  discountNotice?: string | null;
  /** Heureka "Ověřeno zákazníky" is on: the opt-out checkbox, ticked as the customer left it. */
  reviewOptOut?: { checked: boolean } | null;
};

export function CheckoutSteps({ ctx, current }: { ctx: PageContext; current: 'details' | 'done' }) {
  const { t } = ctx;
  const steps = [
    { key: 'cart', text: t('checkout.step.cart'), href: '/kosik' },
    { key: 'details', text: t('checkout.step.details') },
    { key: 'done', text: t('checkout.step.done') },
  ];
  return (
    <nav aria-label={t('checkout.steps')}>
      <ol class="checkout-steps">
        {steps.map((s) => (
          <li key={s.key} class={s.key === current ? 'current' : undefined} aria-current={s.key === current ? 'step' : undefined}>
            {s.href && current === 'details' ? <a href={s.href}>{s.text}</a> : s.text}
          </li>
        ))}
      </ol>
    </nav>
  );
}

function Input(props: { id: CheckoutField; form: CheckoutForm; errors: CheckoutErrors; type?: 'text' | 'email' | 'tel'; autocomplete?: string; required?: boolean; maxLength?: number }) {
  const error = props.errors[props.id];
  return (
    <input
      id={props.id}
      name={props.id}
      type={(props.type ?? 'text') as 'text'}
      value={props.form[props.id]}
      autocomplete={props.autocomplete}
      required={props.required}
      maxLength={props.maxLength ?? 200}
      aria-invalid={error ? 'true' : undefined}
      aria-describedby={error ? `${props.id}-error` : undefined}
    />
  );
}

function CountrySelect({ ctx, id, form }: { ctx: PageContext; id: 'country' | 'shipCountry'; form: CheckoutForm }) {
  return (
    <select id={id} name={id}>
      {(['CZ', 'SK'] as const).map((c) => (
        <option key={c} value={c} selected={form[id] === c}>
          {ctx.t(`checkout.country.${c}`)}
        </option>
      ))}
    </select>
  );
}

function Address({ ctx, form, errors, prefix }: { ctx: PageContext; form: CheckoutForm; errors: CheckoutErrors; prefix: '' | 'ship' }) {
  const { t } = ctx;
  const id = (name: 'street' | 'city' | 'zip' | 'country') => (prefix ? (`ship${name[0]!.toUpperCase()}${name.slice(1)}` as CheckoutField) : name);
  const kind = prefix ? 'shipping' : 'billing';
  return (
    <>
      <Field id={id('street')} label={t('checkout.street')} error={errors[id('street')]}>
        <Input id={id('street')} form={form} errors={errors} autocomplete={`${kind} street-address`} />
      </Field>
      <div class="checkout-row">
        <Field id={id('city')} label={t('checkout.city')} error={errors[id('city')]}>
          <Input id={id('city')} form={form} errors={errors} autocomplete={`${kind} address-level2`} maxLength={100} />
        </Field>
        <Field id={id('zip')} label={t('checkout.zip')} error={errors[id('zip')]}>
          <Input id={id('zip')} form={form} errors={errors} autocomplete={`${kind} postal-code`} maxLength={10} />
        </Field>
      </div>
      <Field id={id('country')} label={t('checkout.country')} error={errors[id('country')]}>
        <CountrySelect ctx={ctx} id={prefix ? 'shipCountry' : 'country'} form={form} />
      </Field>
    </>
  );
}

/** A radio choice; the hint stays outside the label (it describes the choice, it does not name it). */
function Choice(props: { name: 'shippingMethod' | 'paymentMethod'; code: string; form: CheckoutForm; hint?: string; disabled?: boolean; children: ComponentChildren }) {
  const id = `${props.name}-${props.code}`;
  return (
    <div class="choice">
      <input type="radio" id={id} name={props.name} value={props.code} checked={!props.disabled && props.form[props.name] === props.code} disabled={props.disabled} aria-describedby={props.hint ? `${id}-hint` : undefined} />
      <label for={id}>{props.children}</label>
      {props.hint && <span class="muted small" id={`${id}-hint`}> · {props.hint}</span>}
    </div>
  );
}

function Methods({ ctx, props }: { ctx: PageContext; props: CheckoutPageProps }) {
  const { t, locale } = ctx;
  const { form, errors } = props;
  const price = (amount: number) => (amount === 0 ? t('checkout.free') : formatMoney(amount, locale));
  return (
    <>
      <fieldset class={errors.shippingMethod ? 'checkout-section field-error' : 'checkout-section'} id="shippingMethod">
        <legend>{t('checkout.shippingMethod')}</legend>
        {errors.shippingMethod && <p class="error-message">{errors.shippingMethod}</p>}
        {props.shippingMethods.map((m) => {
          const cost = shippingPriceFor(m, props.cart);
          const tooHeavy = cost === null ? t('checkout.tooHeavy', { kg: String((m.maxWeightGrams ?? 0) / 1000).replace('.', locale === 'cs' ? ',' : '.') }) : undefined;
          return (
            <Choice key={m.code} name="shippingMethod" code={m.code} form={form} hint={tooHeavy} disabled={cost === null}>
              <span>{m.name}</span> {cost !== null && <strong>{price(cost)}</strong>}
              {cost !== null && m.freeFrom !== null && m.price > 0 && <span class="muted small"> · {t('checkout.freeFrom', { amount: formatMoney(m.freeFrom, locale) })}</span>}
            </Choice>
          );
        })}
      </fieldset>
      {props.pickup && <PickupPointChooser ctx={ctx} form={form} choice={props.pickup} error={errors.pickupPointId} />}
      <fieldset class={errors.paymentMethod ? 'checkout-section field-error' : 'checkout-section'} id="paymentMethod">
        <legend>{t('checkout.paymentMethod')}</legend>
        {errors.paymentMethod && <p class="error-message">{errors.paymentMethod}</p>}
        {props.paymentMethods.map((m) => (
          <Choice key={m.code} name="paymentMethod" code={m.code} form={form} hint={m.shippingCodes.length > 0 ? t('checkout.onlyWith', { methods: shippingNames(props.shippingMethods, m.shippingCodes) }) : undefined}>
            <span>{m.name}</span> <strong>{price(m.price)}</strong>
          </Choice>
        ))}
      </fieldset>
      <p class="checkout-recalc">
        {/* Without JavaScript the summary follows the choice when the customer asks for it. */}
        <button type="submit" name="action" value="recalc" class="button-small">
          {t('checkout.recalc')}
        </button>
      </p>
    </>
  );
}

export function Summary({ ctx, cart, summary, notice }: { ctx: PageContext; cart: CartReview; summary: CheckoutSummary; notice?: string | null }) {
  const { t, locale } = ctx;
  const money = (amount: number) => formatMoney(amount, locale);
  return (
    <aside class="checkout-summary" aria-labelledby="summary-title">
      <h2 id="summary-title">{t('checkout.summary')}</h2>
      <ul class="summary-items">
        {cart.items.map((i) => (
          <li key={i.variantId}>
            <span>
              {i.quantity} × {i.name}
            </span>
            <span class="num">{money(i.total)}</span>
          </li>
        ))}
      </ul>
      <dl class="summary-totals">
        <dt>{t('checkout.items')}</dt>
        <dd class="num">{money(summary.itemsTotal)}</dd>
        {summary.discount && (
          <>
            <dt class="summary-discount">{discountLineName(summary.discount, locale)}</dt>
            <dd class="num summary-discount">{summary.discount.kind === 'free_shipping' ? '' : money(-summary.discount.amount)}</dd>
          </>
        )}
        <dt>{t('checkout.shippingLine')}</dt>
        <dd class="num">{summary.shipping ? (summary.shipping.price === null ? '—' : summary.shipping.price === 0 ? t('checkout.free') : money(summary.shipping.price)) : t('checkout.notChosen')}</dd>
        <dt>{t('checkout.paymentLine')}</dt>
        <dd class="num">{summary.payment ? (summary.payment.price === 0 ? t('checkout.free') : money(summary.payment.price)) : t('checkout.notChosen')}</dd>
        <dt class="summary-total">{t('checkout.total')}</dt>
        <dd class="num summary-total" id="checkout-total">
          {money(summary.total)}
        </dd>
      </dl>
      <ul class="summary-vat muted small">
        {summary.vat.map((row) => (
          <li key={row.rate}>{t('checkout.vatRow', { rate: row.rate, base: money(row.base), vat: money(row.vat) })}</li>
        ))}
      </ul>
      {notice && <p class="cart-issue">{notice}</p>}
    </aside>
  );
}

function Consent({ ctx }: { ctx: PageContext }) {
  const { t } = ctx;
  const parts = t('checkout.terms').split(/(<terms>|<privacy>)/);
  return (
    <>
      {parts.map((part, i) =>
        part === '<terms>' ? (
          <a key={i} href="/obchodni-podminky">
            {t('checkout.termsLink')}
          </a>
        ) : part === '<privacy>' ? (
          <a key={i} href="/ochrana-osobnich-udaju">
            {t('checkout.privacyLink')}
          </a>
        ) : (
          part
        ),
      )}
    </>
  );
}

export function CheckoutPage(props: CheckoutPageProps) {
  const { ctx, form, errors } = props;
  const { t } = ctx;
  const summaryErrors = (Object.entries(errors) as [CheckoutField, string][]).map(([field, text]) => ({ field, text }));
  return (
    <StoreLayout ctx={ctx} title={t('checkout.title')} noindex categories={props.categories} cartCount={props.cart.count} scripts={props.script && !props.guestDisabled ? [props.script.src, ...(props.extraScripts ?? [])] : undefined}>
      <div class="checkout-page">
        <h1>{t('checkout.title')}</h1>
        <CheckoutSteps ctx={ctx} current="details" />
        {props.messages.map((m) => (
          <div key={m} class="flash flash-error" role="alert">
            {m} <a href="/kosik">{t('checkout.editCart')}</a>
          </div>
        ))}
        {props.guestDisabled ? (
          <SignInFirst ctx={ctx} />
        ) : (
          <div class="checkout-columns">
            <form method="post" action="/pokladna" class="checkout-form stack" novalidate data-summary-url={props.script?.summaryUrl}>
              <ErrorSummary title={t('checkout.errorTitle')} errors={summaryErrors} />
              {props.csrf && <CsrfField token={props.csrf} />}
              <input type="hidden" name="idempotencyKey" value={form.idempotencyKey} />
              <input type="hidden" name="expectedTotal" value={form.expectedTotal} />
              <input type="hidden" name="emailChecked" value={form.emailChecked} />
              <fieldset class="checkout-section">
                <legend>{t('checkout.contact')}</legend>
                {props.account?.signedInEmail ? (
                  <input type="hidden" name="email" value={props.account.signedInEmail} />
                ) : (
                  <Field id="email" label={t('checkout.email')} hint={t('checkout.emailHint')} error={errors.email}>
                    <Input id="email" type="email" form={form} errors={errors} autocomplete="email" maxLength={254} />
                  </Field>
                )}
                {props.account && <AccountChoice ctx={ctx} account={props.account} />}
                <Field id="name" label={t('checkout.name')} error={errors.name}>
                  <Input id="name" form={form} errors={errors} autocomplete="name" />
                </Field>
                <Field id="phone" label={t('checkout.phone')} hint={t('checkout.phoneHint')} error={errors.phone}>
                  <Input id="phone" type="tel" form={form} errors={errors} autocomplete="tel" maxLength={30} />
                </Field>
                <div class="choice">
                  <input type="checkbox" id="companyPurchase" name="companyPurchase" value="1" checked={isChecked(form.companyPurchase)} />
                  <label for="companyPurchase">{t('checkout.companyPurchase')}</label>
                </div>
                <div class="checkout-company">
                  <Field id="company" label={t('checkout.company')} error={errors.company}>
                    <Input id="company" form={form} errors={errors} autocomplete="organization" />
                  </Field>
                  <div class="checkout-row">
                    <Field id="ico" label={t('checkout.ico')} error={errors.ico}>
                      <Input id="ico" form={form} errors={errors} maxLength={12} />
                    </Field>
                    <Field id="dic" label={t('checkout.dic')} error={errors.dic}>
                      <Input id="dic" form={form} errors={errors} maxLength={14} />
                    </Field>
                  </div>
                </div>
              </fieldset>
              <fieldset class="checkout-section">
                <legend>{t('checkout.billing')}</legend>
                <Address ctx={ctx} form={form} errors={errors} prefix="" />
                <div class="choice">
                  <input type="checkbox" id="differentShipping" name="differentShipping" value="1" checked={isChecked(form.differentShipping)} />
                  <label for="differentShipping">{t('checkout.differentShipping')}</label>
                </div>
                <div class="checkout-shipping-address">
                  <h3>{t('checkout.shippingAddress')}</h3>
                  <Address ctx={ctx} form={form} errors={errors} prefix="ship" />
                </div>
              </fieldset>
              <Methods ctx={ctx} props={props} />
              <fieldset class="checkout-section">
                <legend>{t('checkout.note')}</legend>
                <Field id="note" label={t('checkout.note')} hint={t('checkout.noteHint')} error={errors.note}>
                  <textarea id="note" name="note" rows={3} maxLength={2000}>
                    {form.note}
                  </textarea>
                </Field>
              </fieldset>
              <div class={errors.terms ? 'field field-error' : 'field'}>
                {errors.terms && (
                  <p class="error-message" id="terms-error">
                    {errors.terms}
                  </p>
                )}
                <div class="choice">
                  <input type="checkbox" id="terms" name="terms" value="1" checked={isChecked(form.terms)} aria-describedby={errors.terms ? 'terms-error' : undefined} />
                  <label for="terms">
                    <Consent ctx={ctx} />
                  </label>
                </div>
              </div>
              {props.reviewOptOut && (
                <div class="choice">
                  <input type="checkbox" id="reviewOptOut" name="reviewOptOut" value="1" checked={props.reviewOptOut.checked} />
                  <label for="reviewOptOut">{t('heureka.optOut')}</label>
                </div>
              )}
              <div class="checkout-submit">
                <p class="checkout-submit-total" aria-live="polite">
                  {t('checkout.total')}: <strong>{formatMoneyOf(ctx, props.summary.total)}</strong>
                </p>
                <button type="submit" class="button-primary button-large">
                  {t('checkout.submit')}
                </button>
              </div>
            </form>
            <Summary ctx={ctx} cart={props.cart} summary={props.summary} notice={props.discountNotice} />
          </div>
        )}
      </div>
    </StoreLayout>
  );
}

const formatMoneyOf = (ctx: PageContext, amount: number) => formatMoney(amount, ctx.locale);

/** "Osobní odběr na prodejně, PPL" — the offered shipping methods a payment method is limited to. */
const shippingNames = (offered: ShippingMethod[], codes: string[]) =>
  offered
    .filter((m) => codes.includes(m.code))
    .map((m) => m.name)
    .join(', ');
