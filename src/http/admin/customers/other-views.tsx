/** The one-time buyer's page (orders and emails under one email) and the confirmation step of blocking and anonymising. */
import type { SubjectEmail, SubjectOrder } from '../../../services/customers/ports.js';
import { AdminLayout, type AdminFrame } from '../../views/admin-layout.js';
import { CsrfField, type Flash } from '../../views/components.js';
import type { PageContext } from '../../views/page-context.js';
import { GUESTS_PATH } from './list-view.js';
import { GdprBox } from './profile-view.js';
import { EmailsTable, OrdersTable } from './tables.js';

export function GuestProfile(props: { ctx: PageContext; admin: AdminFrame; flash: Flash | null; email: string; orders: SubjectOrder[]; emails: SubjectEmail[] }) {
  const { ctx, email } = props;
  const { t } = ctx;
  const query = new URLSearchParams({ email });
  return (
    <AdminLayout ctx={ctx} title={t('customers.guestTitle', { email })} admin={props.admin} current="customers" flash={props.flash}>
      <p>
        <a href={GUESTS_PATH}>← {t('customers.back')}</a>
      </p>
      <p class="lead">{t('customers.guestLead')}</p>
      <div class="order-columns">
        <div class="order-main stack">
          <section class="panel-box">
            <h2>{t('customers.orders')}</h2>
            <OrdersTable ctx={ctx} orders={props.orders} />
          </section>
          <section class="panel-box">
            <h2>{t('customers.emails')}</h2>
            <EmailsTable ctx={ctx} emails={props.emails} />
          </section>
        </div>
        <aside class="order-side stack">
          <GdprBox ctx={ctx} admin={props.admin} exportUrl={`${GUESTS_PATH}/export.json?${query}`} anonymizeUrl={`${GUESTS_PATH}/anonymizovat`} hidden={{ email }} isOwner={props.admin.role === 'owner'} />
        </aside>
      </div>
    </AdminLayout>
  );
}

export function ConfirmCustomerAction(props: { ctx: PageContext; admin: AdminFrame; question: string; what: string; action: string; backUrl: string; hidden?: Record<string, string> }) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <AdminLayout ctx={ctx} title={t('customers.confirmTitle')} admin={props.admin} current="customers">
      <form method="post" action={props.action} class="confirm-box stack">
        <CsrfField token={props.admin.csrfToken} />
        <input type="hidden" name="confirmed" value="1" />
        {Object.entries(props.hidden ?? {}).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <p class="lead">{props.question}</p>
        <p>{props.what}</p>
        <div class="form-actions">
          <button type="submit" class="button-danger">
            {t('customers.confirm')}
          </button>{' '}
          <a class="button" href={props.backUrl}>
            {t('customers.cancel')}
          </a>
        </div>
      </form>
    </AdminLayout>
  );
}
