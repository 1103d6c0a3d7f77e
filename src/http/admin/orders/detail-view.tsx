/** The order detail: main column (items, totals with the VAT summary, timeline, email to the customer), side column (customer, addresses, shipping, payment, notes). */
import { CARRIER_NAMES, CARRIERS, trackingUrl } from '../../../domain/orders/carriers.js';
import { countryName } from '../../../domain/customers/countries.js';
import { isFinal, nextStates, PAYMENT_STATUSES } from '../../../domain/orders/order-status.js';
import { formatMoney } from '../../../domain/money/money.js';
import { vatSummary } from '../../../domain/money/vat.js';
import { discountVatLines } from '../../../domain/discounts/apply-discount.js';
import { discountLineName } from '../../../domain/discounts/discount-label.js';
import type { OrderAddress } from '../../../domain/orders/order-input.js';
import type { AdminOrderDetail } from '../../../services/orders/order-panel-actions.js';
import { carrierName } from '../../../services/orders/change-order-status.js';
import { AdminLayout, type AdminFrame } from '../../views/admin-layout.js';
import { CsrfField, ErrorSummary, type Flash } from '../../views/components.js';
import { formatDateTime } from '../../views/format.js';
import type { PageContext } from '../../views/page-context.js';
import { Select, TextArea, TextInput, type FormState } from '../settings/settings-frame.js';
import { fieldId } from '../settings/form-fields.js';
import { ORDERS_PATH, PaymentBadge, StatusBadge, statusName } from './badges.js';
import { Timeline } from './timeline-view.js';
import { OrderDocuments } from '../invoices/order-documents.js';
import { ParcelBox, PickupPointBlock, type PacketaMode } from './parcel-view.js';

export type DetailForms = Partial<Record<'status' | 'payment' | 'note' | 'email' | 'parcel', FormState>>;
const EMPTY: FormState = { values: {}, errors: {} };

function Address({ ctx, address }: { ctx: PageContext; address: OrderAddress }) {
  return (
    <address>
      {address.street}
      <br />
      {address.zip} {address.city}
      <br />
      {countryName(ctx.locale, address.country)}
    </address>
  );
}

export function OrderDetail(props: { ctx: PageContext; admin: AdminFrame; flash: Flash | null; detail: AdminOrderDetail; forms: DetailForms; packeta?: PacketaMode }) {
  const { ctx, detail, forms } = props;
  const { order } = detail;
  const { t, locale } = ctx;
  const money = (minor: number) => formatMoney(minor, locale);
  const path = `${ORDERS_PATH}/${order.number}`;
  const vat = vatSummary([...order.items.map((i) => ({ gross: i.total, vatRate: i.vatRate })), ...discountVatLines(order.discount), { gross: order.shipping.price, vatRate: order.shipping.vatRate }, { gross: order.payment.price, vatRate: order.payment.vatRate }]);
  const discount = order.discount;
  const errors = Object.values(forms).flatMap((f) => Object.entries(f?.errors ?? {}).map(([field, text]) => ({ field: fieldId(field), text })));
  // A parcel created at the carrier fills in its tracking number, so Shipped is one step.
  const created = detail.shipment?.state === 'created' ? detail.shipment : null;
  const statusForm: FormState = forms.status ?? { values: { status: nextStates(order.status)[0] ?? '', carrier: created?.carrier ?? order.shipping.carrier, trackingNumber: created?.trackingNumber ?? '' }, errors: {} };
  // The automatic note a one-time purchase gets: what the guest typed in, for the shop's eyes only.
  const guestNote = order.customerId === null ? detail.timeline.find((e) => e.kind === 'note' && e.actor === 'system' && e.text.startsWith('Jednorázový nákup')) : undefined;
  const actions = (
    <div class="order-actions">
      <a class="button button-primary" href={`${path}/doklad.pdf`}>
        {t('orders.pdf')}
      </a>
      <a class="button" href="#napsat">
        {t('orders.writeEmail')}
      </a>
      <a class="button" href={`${path}/export.xml?format=pohoda`}>
        {t('orders.exportPohoda')}
      </a>
      <a class="button" href={`${path}/export.xml?format=kramek`}>
        {t('orders.exportKramek')}
      </a>
    </div>
  );
  return (
    <AdminLayout ctx={ctx} title={t('orders.detailTitle', { number: order.number })} admin={props.admin} current="orders" flash={props.flash} actions={actions}>
      <p>
        <a href={ORDERS_PATH}>← {t('orders.back')}</a>
      </p>
      <p class="order-state">
        <StatusBadge ctx={ctx} status={order.status} /> <PaymentBadge ctx={ctx} status={order.paymentStatus} /> <span class="muted">{formatDateTime(order.createdAt, locale)}</span>
        {detail.trackingMissing && <span class="flag-missing">{t('orders.trackingMissing')}</span>}
      </p>
      <ErrorSummary title={t('error.summary')} errors={errors} />
      <div class="order-columns">
        <div class="order-main stack">
          <section class="panel-box">
            <h2>{t('orders.items')}</h2>
            <div class="table-scroll">
              <table class="index-table">
                <thead>
                  <tr>
                    <th scope="col">{t('orders.col.item')}</th>
                    <th scope="col">{t('orders.col.sku')}</th>
                    <th scope="col" class="num">{t('orders.col.quantity')}</th>
                    <th scope="col" class="num">{t('orders.col.unitPrice')}</th>
                    <th scope="col" class="num">{t('orders.col.vat')}</th>
                    <th scope="col" class="num">{t('orders.col.total')}</th>
                  </tr>
                </thead>
                <tbody>
                  {order.items.map((i) => (
                    <tr key={i.sku}>
                      <td>{i.name}</td>
                      <td><code>{i.sku}</code></td>
                      <td class="num">{i.quantity}</td>
                      <td class="num">{money(i.unitPrice)}</td>
                      <td class="num">{i.vatRate} %</td>
                      <td class="num">{money(i.total)}</td>
                    </tr>
                  ))}
                  {discount && discount.kind !== 'free_shipping' && discount.lines.map((line) => (
                    <tr key={`discount-${line.vatRate}`} class="order-discount">
                      <td colSpan={4}>{discountLineName(discount, locale)}</td>
                      <td class="num">{line.vatRate} %</td>
                      <td class="num">{money(-line.amount)}</td>
                    </tr>
                  ))}
                  <tr>
                    <td colSpan={4}>
                      {t('orders.shipping')}: {order.shipping.name}
                      {discount?.kind === 'free_shipping' ? ` (${discountLineName(discount, locale)})` : ''}
                    </td>
                    <td class="num">{order.shipping.vatRate} %</td>
                    <td class="num">{money(order.shipping.price)}</td>
                  </tr>
                  <tr>
                    <td colSpan={4}>{t('orders.paymentBlock')}: {order.payment.name}</td>
                    <td class="num">{order.payment.vatRate} %</td>
                    <td class="num">{money(order.payment.price)}</td>
                  </tr>
                </tbody>
                <tfoot>
                  <tr class="order-total">
                    <th scope="row" colSpan={5}>{t('orders.total')}</th>
                    <td class="num">{money(order.total)}</td>
                  </tr>
                </tfoot>
              </table>
            </div>
            <h3>{t('orders.vatSummary')}</h3>
            <table class="index-table vat-table">
              <thead>
                <tr>
                  <th scope="col">{t('orders.col.rate')}</th>
                  <th scope="col" class="num">{t('orders.col.base')}</th>
                  <th scope="col" class="num">{t('orders.col.vat')}</th>
                  <th scope="col" class="num">{t('orders.col.gross')}</th>
                </tr>
              </thead>
              <tbody>
                {vat.map((row) => (
                  <tr key={row.rate}>
                    <td>{row.rate} %</td>
                    <td class="num">{money(row.base)}</td>
                    <td class="num">{money(row.vat)}</td>
                    <td class="num">{money(row.gross)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <Timeline ctx={ctx} events={detail.timeline} emails={detail.emails} orderPath={path} csrfToken={props.admin.csrfToken} />
          <section class="panel-box" id="napsat">
            <h2>{t('orders.writeEmail')}</h2>
            <form method="post" action={`${path}/email`} class="stack" noValidate>
              <CsrfField token={props.admin.csrfToken} />
              <p class="hint">{t('orders.emailHint', { email: order.email })}</p>
              <TextInput name="subject" label={t('orders.emailSubject')} form={forms.email ?? EMPTY} maxLength={200} />
              <TextArea name="body" label={t('orders.emailBody')} form={forms.email ?? EMPTY} rows={6} />
              <button type="submit">{t('orders.continue')}</button>
            </form>
          </section>
        </div>
        <aside class="order-side stack">
          <section class="panel-box">
            <h2>{t('orders.changeStatus')}</h2>
            {isFinal(order.status) ? (
              <p class="muted">{t('orders.final')}</p>
            ) : (
              <form method="post" action={`${path}/stav`} class="stack" noValidate>
                <CsrfField token={props.admin.csrfToken} />
                <Select name="status" label={t('orders.newStatus')} form={statusForm} options={nextStates(order.status).map((s) => ({ value: s, label: statusName(ctx, s) }))} />
                <Select name="carrier" label={t('orders.carrier')} form={statusForm} options={CARRIERS.map((c) => ({ value: c, label: CARRIER_NAMES[c] }))} />
                <TextInput name="carrierCustom" label={t('orders.carrierCustom')} hint={t('orders.carrierCustomHint')} form={statusForm} maxLength={60} />
                <TextInput name="trackingNumber" label={t('orders.trackingNumber')} hint={t('orders.trackingHint')} form={statusForm} maxLength={300} />
                <button type="submit" class="button-primary">{t('orders.continue')}</button>
              </form>
            )}
          </section>
          <section class="panel-box">
            <h2>{t('orders.customer')}</h2>
            <p>
              <strong>{order.name}</strong>
              <br />
              <a href={`mailto:${order.email}`}>{order.email}</a>
              {order.phone && (<><br />{order.phone}</>)}
              {order.company && (<><br />{order.company}</>)}
              {order.ico && (<><br />IČO {order.ico}</>)}
              {order.dic && (<><br />DIČ {order.dic}</>)}
            </p>
            {order.customerId !== null ? (
              <p>
                <a class="button" href={`/admin/zakaznici/${order.customerId}`}>
                  {t('orders.profile')}
                </a>
              </p>
            ) : (
              <details class="guest-data">
                <summary>{t('orders.guestData')}</summary>
                <p class="muted">{t('orders.guest')}</p>
                {guestNote && <p class="pre-line">{guestNote.text}</p>}
              </details>
            )}
            <h3>{t('orders.billing')}</h3>
            <Address ctx={ctx} address={order.billingAddress} />
            <h3>{t('orders.shippingAddress')}</h3>
            {order.shippingAddress ? <Address ctx={ctx} address={order.shippingAddress} /> : <p class="muted">{t('orders.sameAddress')}</p>}
          </section>
          <section class="panel-box">
            <h2>{t('orders.shipping')}</h2>
            <p>{order.shipping.name} ({carrierName(order.shipping.carrier)})</p>
            <PickupPointBlock ctx={ctx} order={order} />
            <ParcelBox ctx={ctx} order={order} shipment={detail.shipment} mode={props.packeta ?? 'off'} csrfToken={props.admin.csrfToken} path={path} />
            {detail.parcels.length > 0 && (
              <ul class="parcels">
                {detail.parcels.map((p) => {
                  const url = trackingUrl(p.carrier, p.trackingNumber);
                  return (
                    <li key={p.id}>
                      {carrierName(p.carrier)}: {url ? <a href={url} rel="noopener noreferrer">{p.trackingNumber}</a> : p.trackingNumber}
                    </li>
                  );
                })}
              </ul>
            )}
            {(order.status === 'shipped' || order.status === 'completed') && (
              <form method="post" action={`${path}/zasilky`} class="stack" noValidate>
                <CsrfField token={props.admin.csrfToken} />
                <Select name="carrier" label={t('orders.carrier')} form={forms.parcel ?? { values: { carrier: order.shipping.carrier }, errors: {} }} options={CARRIERS.map((c) => ({ value: c, label: CARRIER_NAMES[c] }))} />
                <TextInput name="trackingNumber" label={t('orders.trackingNumber')} form={forms.parcel ?? EMPTY} maxLength={100} />
                <button type="submit">{t('orders.addParcel')}</button>
              </form>
            )}
          </section>
          <OrderDocuments ctx={ctx} csrfToken={props.admin.csrfToken} orderNumber={order.number} cancelled={order.status === 'cancelled'} invoices={detail.invoices} issueOn={detail.issueOn} />
          <section class="panel-box">
            <h2>{t('orders.paymentBlock')}</h2>
            <p>
              {order.payment.name} <PaymentBadge ctx={ctx} status={order.paymentStatus} />
              <br />
              {t('orders.variableSymbol')}: <strong>{order.variableSymbol}</strong>
              {order.payment.kind === 'bank-transfer' && order.paymentStatus === 'unpaid' && (<><br />{t('orders.due')}: <strong>{money(order.total)}</strong></>)}
            </p>
            <form method="post" action={`${path}/platba`} class="stack" noValidate>
              <CsrfField token={props.admin.csrfToken} />
              <Select name="status" label={t('orders.setPayment')} form={forms.payment ?? { values: { status: order.paymentStatus }, errors: {} }} options={PAYMENT_STATUSES.map((p) => ({ value: p, label: t(`orders.payment.${p}`) }))} />
              <button type="submit">{t('orders.continue')}</button>
            </form>
          </section>
          {order.note && (
            <section class="panel-box">
              <h2>{t('orders.customerNote')}</h2>
              <p class="pre-line">{order.note}</p>
            </section>
          )}
          <section class="panel-box internal-box">
            <h2>{t('orders.notes')} <small class="internal-label">{t('orders.internal')}</small></h2>
            {detail.timeline.filter((e) => e.kind === 'note').map((e) => (
              <div key={e.id} class="internal-note">
                <p class="muted">{formatDateTime(e.at, locale)} · {e.actor === 'system' ? t('orders.system') : e.actor}</p>
                <p class="pre-line">{e.text}</p>
              </div>
            ))}
            <form method="post" action={`${path}/poznamky`} class="stack" noValidate>
              <CsrfField token={props.admin.csrfToken} />
              <TextArea name="text" label={t('orders.noteText')} hint={t('orders.noteHint')} form={forms.note ?? EMPTY} rows={3} />
              <button type="submit">{t('orders.addNote')}</button>
            </form>
          </section>
        </aside>
      </div>
    </AdminLayout>
  );
}
