/** The sent-emails list with status badges and "send again", its confirmation page, and a saved .eml shown as text. */
import type { OutboxEmailSummary } from '../../../services/ports.js';
import { AdminLayout, type AdminFrame } from '../../views/admin-layout.js';
import { CsrfField, type Flash } from '../../views/components.js';
import type { PageContext } from '../../views/page-context.js';
import { formatDateTime } from '../../views/format.js';

/** The admin's one date format (`26. 11. 2026 14:05`), a dash for none. */
const dateTime = (ctx: PageContext, iso: string | null) => (iso ? formatDateTime(iso, ctx.locale) : '—');

export function StatusBadge({ ctx, status }: { ctx: PageContext; status: OutboxEmailSummary['status'] }) {
  return <span class={`badge badge-mail-${status}`}>{ctx.t(`mail.status.${status}`)}</span>;
}

export function EmailListPage(props: { ctx: PageContext; admin: AdminFrame; emails: OutboxEmailSummary[]; transport: 'smtp' | 'files'; older: number | null; paged: boolean; flash: Flash | null }) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <AdminLayout ctx={ctx} title={t('mail.title')} admin={props.admin} current="orders" flash={props.flash}>
      <p class="lead">{t('mail.lead')}</p>
      <p class="mail-transport">{t(props.transport === 'files' ? 'mail.transport.files' : 'mail.transport.smtp')}</p>
      {props.emails.length === 0 ? (
        <div class="empty-state">
          <p>{t('mail.empty')}</p>
        </div>
      ) : (
        <div class="table-wrap">
          <table class="index-table mail-table">
            <thead>
              <tr>
                <th scope="col">{t('mail.col.created')}</th>
                <th scope="col">{t('mail.col.status')}</th>
                <th scope="col">{t('mail.col.to')}</th>
                <th scope="col">{t('mail.col.subject')}</th>
                <th scope="col">{t('mail.col.kind')}</th>
                <th scope="col" class="num">{t('mail.col.attempts')}</th>
                <th scope="col">{t('mail.col.sent')}</th>
                <th scope="col">{t('mail.col.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {props.emails.map((email) => (
                <tr key={email.id} id={`email-${email.id}`}>
                  <td>{dateTime(ctx, email.createdAt)}</td>
                  <td>
                    <StatusBadge ctx={ctx} status={email.status} />
                  </td>
                  <td class="mail-to">{email.to}</td>
                  <td>
                    {email.subject}
                    {email.status === 'queued' && email.attempts > 0 && <p class="mail-note">{t('mail.nextAttempt', { at: dateTime(ctx, email.nextAttemptAt) })}</p>}
                    {email.lastError && email.status !== 'sent' && <p class="mail-error">{t('mail.lastError', { error: email.lastError })}</p>}
                  </td>
                  <td>{t(`mail.kind.${email.kind}`)}</td>
                  <td class="num">{email.attempts}</td>
                  <td>{dateTime(ctx, email.sentAt)}</td>
                  <td class="mail-actions">
                    {email.status !== 'sending' && <a href={`/admin/emaily/${email.id}/znovu`}>{t('mail.resend')}</a>}
                    {props.transport === 'files' && email.status === 'sent' && <a href={`/admin/emaily/${email.id}/eml`}>{t('mail.viewEml')}</a>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav class="pager" aria-label={t('mail.title')}>
        {props.paged && <a href="/admin/emaily">{t('mail.newest')}</a>}
        {props.older !== null && (
          <a href={`/admin/emaily?pred=${props.older}`} rel="next">
            {t('mail.older')}
          </a>
        )}
      </nav>
    </AdminLayout>
  );
}

export function ResendPage(props: { ctx: PageContext; admin: AdminFrame; email: OutboxEmailSummary }) {
  const { ctx, email } = props;
  const { t } = ctx;
  return (
    <AdminLayout ctx={ctx} title={t('mail.resend.title')} admin={props.admin} current="orders">
      <form method="post" action={`/admin/emaily/${email.id}/znovu`} class="stack confirm-box">
        <CsrfField token={props.admin.csrfToken} />
        <p>{t('mail.resend.confirm', { subject: email.subject, to: email.to })}</p>
        <div class="form-actions">
          <button type="submit" class="button-primary">
            {t('mail.resend.submit')}
          </button>
          <a href="/admin/emaily">{t('mail.resend.cancel')}</a>
        </div>
      </form>
    </AdminLayout>
  );
}

export function EmlPage(props: { ctx: PageContext; admin: AdminFrame; email: OutboxEmailSummary; content: string | null }) {
  const { ctx } = props;
  return (
    <AdminLayout ctx={ctx} title={`${ctx.t('mail.eml.title')}: ${props.email.subject}`} admin={props.admin} current="orders">
      <p>
        <a href="/admin/emaily">{ctx.t('mail.resend.cancel')}</a>
      </p>
      {props.content === null ? <p class="empty-state">{ctx.t('mail.eml.missing')}</p> : <pre class="eml-source">{props.content}</pre>}
    </AdminLayout>
  );
}
