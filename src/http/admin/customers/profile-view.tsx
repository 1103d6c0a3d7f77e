/** The customer profile: orders, emails and history in the main column; contact, addresses, note, email form, sign-in and GDPR at the side. */
import { formatMoney } from '../../../domain/money/money.js';
import type { CustomerAddress } from '../../../domain/customers/customer-input.js';
import { countryName } from '../../../domain/customers/countries.js';
import type { CustomerEvent, CustomerRecord, SubjectEmail, SubjectOrder } from '../../../services/customers/ports.js';
import { AdminLayout, type AdminFrame } from '../../views/admin-layout.js';
import { CsrfField, ErrorSummary, type Flash } from '../../views/components.js';
import { formatDateTime } from '../../views/format.js';
import type { PageContext } from '../../views/page-context.js';
import { TextArea, TextInput, type FormState } from '../settings/settings-frame.js';
import { fieldId } from '../settings/form-fields.js';
import { CUSTOMERS_PATH } from './list-view.js';
import { EmailsTable, OrdersTable } from './tables.js';
import type { InvoiceListRow } from '../../../services/invoices/ports.js';
import { CustomerDocumentsBox } from '../invoices/customer-documents.js';

export type ProfileForms = Partial<Record<'note' | 'email', FormState>>;
export type Profile = { customer: CustomerRecord; orders: SubjectOrder[]; emails: SubjectEmail[]; events: CustomerEvent[] };

export function AddressBlock({ ctx, address }: { ctx: PageContext; address: CustomerAddress | null }) {
  if (!address) return <p class="muted">{ctx.t('customers.noAddress')}</p>;
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

export function CustomerProfile(props: { ctx: PageContext; admin: AdminFrame; flash: Flash | null; profile: Profile; forms: ProfileForms; documents?: InvoiceListRow[] }) {
  const { ctx, forms } = props;
  const { customer, orders, emails, events } = props.profile;
  const { t, locale } = ctx;
  const path = `${CUSTOMERS_PATH}/${customer.id}`;
  const isOwner = props.admin.role === 'owner';
  const anonymized = customer.anonymizedAt !== null;
  const errors = Object.values(forms).flatMap((f) => Object.entries(f?.errors ?? {}).map(([field, text]) => ({ field: fieldId(field), text })));
  const noteForm: FormState = forms.note ?? { values: { note: customer.note ?? '' }, errors: {} };
  const contact: [string, string | null][] = [
    [t('customers.email'), customer.email],
    [t('customers.phone'), customer.phone],
    [t('customers.company'), customer.company],
    [t('customers.ico'), customer.ico],
    [t('customers.dic'), customer.dic],
    [t('customers.registeredAt'), formatDateTime(customer.createdAt, locale)],
  ];
  return (
    <AdminLayout ctx={ctx} title={customer.name} admin={props.admin} current="customers" flash={props.flash}>
      <p>
        <a href={CUSTOMERS_PATH}>← {t('customers.back')}</a>
      </p>
      <p class="order-state">
        {customer.blocked && !anonymized && <span class="badge badge-outline">{t('customers.blocked')}</span>}{' '}
        {anonymized && <span class="badge badge-cancelled">{t('customers.anonymizedAt', { at: formatDateTime(customer.anonymizedAt!, locale) })}</span>}{' '}
        <span class="muted">{t('customers.summary', { count: customer.orderCount, spent: formatMoney(customer.totalSpent, locale) })}</span>
      </p>
      <ErrorSummary title={t('error.summary')} errors={errors} />
      <div class="order-columns">
        <div class="order-main stack">
          <section class="panel-box">
            <h2>{t('customers.orders')}</h2>
            <OrdersTable ctx={ctx} orders={orders} />
          </section>
          <CustomerDocumentsBox ctx={ctx} documents={props.documents ?? []} />
          <section class="panel-box">
            <h2>{t('customers.emails')}</h2>
            <EmailsTable ctx={ctx} emails={emails} />
          </section>
          {!anonymized && (
            <section class="panel-box">
              <h2>{t('customers.writeEmail')}</h2>
              <form method="post" action={`${path}/email`} class="stack" noValidate>
                <CsrfField token={props.admin.csrfToken} />
                <p class="hint">{t('customers.emailHint')}</p>
                <TextInput name="subject" label={t('customers.subject')} form={forms.email ?? { values: {}, errors: {} }} maxLength={200} />
                <TextArea name="body" label={t('customers.body')} form={forms.email ?? { values: {}, errors: {} }} rows={6} />
                <button type="submit">{t('customers.send')}</button>
              </form>
            </section>
          )}
          {events.length > 0 && (
            <section class="panel-box">
              <h2>{t('customers.history')}</h2>
              <ol class="timeline">
                {events.map((e) => (
                  <li key={e.id}>
                    <p class="muted">
                      {formatDateTime(e.at, locale)} · {e.actor}
                    </p>
                    <p class="pre-line">{e.text}</p>
                  </li>
                ))}
              </ol>
            </section>
          )}
        </div>
        <aside class="order-side stack">
          <section class="panel-box">
            <h2>{t('customers.contact')}</h2>
            <dl class="customer-facts">
              {contact
                .filter(([, value]) => value)
                .map(([label, value]) => (
                  <div key={label}>
                    <dt>{label}</dt>
                    <dd>{value}</dd>
                  </div>
                ))}
            </dl>
          </section>
          <section class="panel-box customer-side">
            <h2>{t('customers.billing')}</h2>
            <AddressBlock ctx={ctx} address={customer.billingAddress} />
            <h3>{t('customers.shipping')}</h3>
            <AddressBlock ctx={ctx} address={customer.shippingAddress} />
          </section>
          <section class="panel-box internal-box">
            <h2>
              {t('customers.note')} <small class="internal-label">{t('customers.internal')}</small>
            </h2>
            <form method="post" action={`${path}/poznamka`} class="stack" noValidate>
              <CsrfField token={props.admin.csrfToken} />
              <TextArea name="note" label={t('customers.noteText')} hint={t('customers.noteHint')} form={noteForm} rows={4} />
              <button type="submit">{t('customers.saveNote')}</button>
            </form>
          </section>
          {!anonymized && (
            <section class="panel-box">
              <h2>{t('customers.signIn')}</h2>
              <p>{t(customer.blocked ? 'customers.signInBlocked' : 'customers.signInAllowed')}</p>
              <form method="post" action={`${path}/${customer.blocked ? 'odblokovat' : 'blokovat'}`}>
                <CsrfField token={props.admin.csrfToken} />
                <button type="submit" class={customer.blocked ? undefined : 'button-danger'}>
                  {t(customer.blocked ? 'customers.unblock' : 'customers.block')}
                </button>
              </form>
            </section>
          )}
          <GdprBox ctx={ctx} admin={props.admin} exportUrl={`${path}/export.json`} anonymizeUrl={anonymized ? null : `${path}/anonymizovat`} isOwner={isOwner} />
        </aside>
      </div>
    </AdminLayout>
  );
}

export function GdprBox(props: { ctx: PageContext; admin: AdminFrame; exportUrl: string; anonymizeUrl: string | null; isOwner: boolean; hidden?: Record<string, string> }) {
  const { t } = props.ctx;
  return (
    <section class="panel-box danger-zone">
      <h2>{t('customers.gdpr')}</h2>
      {props.isOwner ? (
        <>
          <p class="hint">{t('customers.gdprHint')}</p>
          <p>
            <a class="button" href={props.exportUrl} download>
              {t('customers.export')}
            </a>
          </p>
          {props.anonymizeUrl && (
            <form method="post" action={props.anonymizeUrl}>
              <CsrfField token={props.admin.csrfToken} />
              {Object.entries(props.hidden ?? {}).map(([name, value]) => (
                <input key={name} type="hidden" name={name} value={value} />
              ))}
              <button type="submit" class="button-danger">
                {t('customers.anonymize')}
              </button>
            </form>
          )}
        </>
      ) : (
        <p class="hint">{t('customers.ownerOnly')}</p>
      )}
    </section>
  );
}
