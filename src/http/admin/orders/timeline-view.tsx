/**
 * The order's one timeline, newest first: status changes, notes (marked "interní — zákazník nevidí"), payments, parcels,
 * downloads and exports, and every email of the order with its delivery state and "Odeslat znovu".
 */
import type { OutboxKind } from '../../../domain/mail/outbox-policy.js';
import type { OutboxEmailSummary } from '../../../services/ports.js';
import type { TimelineEvent } from '../../../services/orders/panel-ports.js';
import { CsrfField } from '../../views/components.js';
import { formatDateTime } from '../../views/format.js';
import type { PageContext } from '../../views/page-context.js';
import { StatusBadge } from './badges.js';

/** What kind of entry an event is, in words; an unknown kind shows as it is stored. */
export function eventLabel(t: PageContext['t'], kind: string): string {
  switch (kind) {
    case 'status':
      return t('orders.event.status');
    case 'note':
      return t('orders.event.note');
    case 'email':
      return t('orders.event.email');
    case 'payment':
      return t('orders.event.payment');
    case 'parcel':
      return t('orders.event.parcel');
    case 'stock':
      return t('orders.event.stock');
    case 'created':
      return t('orders.event.created');
    case 'document':
      return t('orders.event.document');
    case 'export':
      return t('orders.event.export');
    case 'withdrawal':
      return t('orders.timeline.withdrawal');
    case 'invoice':
      return t('invoices.event.invoice');
    case 'credit_note':
      return t('invoices.event.credit_note');
    default:
      return kind;
  }
}

const mailKind = (t: PageContext['t'], kind: OutboxKind) => t(`orders.mail.kind.${kind}`);

type Entry = { at: string; key: string; event?: TimelineEvent; email?: OutboxEmailSummary };

function EmailEntry({ ctx, email, resendAction, csrfToken }: { ctx: PageContext; email: OutboxEmailSummary; resendAction: string; csrfToken: string }) {
  const { t } = ctx;
  return (
    <li id={`email-${email.id}`} class={`timeline-email mail-${email.status}`}>
      <p class="timeline-head">
        <time dateTime={email.createdAt}>{formatDateTime(email.createdAt, ctx.locale)}</time> · <span class="timeline-kind">{t('orders.event.email')}</span> · {mailKind(t, email.kind)}
        <span class={`mail-state mail-state-${email.status}`}>{t(`orders.mail.state.${email.status}`)}</span>
        {email.sentAt && <time dateTime={email.sentAt}>{formatDateTime(email.sentAt, ctx.locale)}</time>}
      </p>
      <p class="timeline-mail">
        <strong>{email.subject}</strong>
        <br />
        {t('orders.mail.to')}: {email.to}
      </p>
      {email.lastError && email.status !== 'sent' && (
        <p class="mail-error">
          {t('orders.mail.lastError')} ({t('orders.mail.attempts', { count: email.attempts })}): {email.lastError}
        </p>
      )}
      {email.status !== 'sending' && (
        <form method="post" action={resendAction} class="inline-form">
          <CsrfField token={csrfToken} />
          <button type="submit" class="button-small">
            {t('orders.mail.resend')}
          </button>
        </form>
      )}
    </li>
  );
}

export function Timeline({ ctx, events, emails = [], orderPath = '', csrfToken = '' }: { ctx: PageContext; events: TimelineEvent[]; emails?: OutboxEmailSummary[]; orderPath?: string; csrfToken?: string }) {
  const { t } = ctx;
  const entries: Entry[] = [...events.map((e) => ({ at: e.at, key: `e${e.id}`, event: e })), ...emails.map((m) => ({ at: m.createdAt, key: `m${m.id}`, email: m }))];
  // Newest first; on a tie the change comes before the email it queued (the change is what the reader looks for).
  entries.sort((a, b) => (a.at === b.at ? (a.email ? 1 : 0) - (b.email ? 1 : 0) : a.at < b.at ? 1 : -1));
  return (
    <section class="panel-box" id="historie">
      <h2>{t('orders.timeline')}</h2>
      <ol class="timeline">
        {entries.map(({ key, event: e, email }) =>
          email ? (
            <EmailEntry key={key} ctx={ctx} email={email} resendAction={`${orderPath}/emaily/${email.id}/znovu`} csrfToken={csrfToken} />
          ) : (
            <li key={key} class={e!.kind === 'note' ? 'timeline-note' : `timeline-${e!.kind}`}>
              <p class="timeline-head">
                <time dateTime={e!.at}>{formatDateTime(e!.at, ctx.locale)}</time> · {e!.actor === 'system' ? t('orders.system') : e!.actor} · <span class="timeline-kind">{eventLabel(t, e!.kind)}</span>
                {e!.statusFrom && (<> <StatusBadge ctx={ctx} status={e!.statusFrom} /> →</>)}
                {e!.statusTo && (<> <StatusBadge ctx={ctx} status={e!.statusTo} /></>)}
                {e!.kind === 'note' && <span class="internal-label">{t('orders.internal')}</span>}
                {e!.kind === 'withdrawal' && <span class="badge badge-withdrawal">{t('orders.timeline.withdrawal')}</span>}
              </p>
              <p class="pre-line">{e!.text}</p>
            </li>
          ),
        )}
      </ol>
    </section>
  );
}
