/** The order's timeline, newest first: time, who, what; internal notes marked "interní — zákazník nevidí". */
import type { TimelineEvent } from '../../../services/orders/panel-ports.js';
import { formatDateTime } from '../../views/format.js';
import type { PageContext } from '../../views/page-context.js';
import { StatusBadge } from './badges.js';

export function Timeline({ ctx, events }: { ctx: PageContext; events: TimelineEvent[] }) {
  const { t } = ctx;
  return (
    <section class="panel-box">
      <h2>{t('orders.timeline')}</h2>
      <ol class="timeline">
        {events.map((e) => (
          <li key={e.id} class={e.kind === 'note' ? 'timeline-note' : e.kind === 'withdrawal' ? 'timeline-withdrawal' : undefined}>
            <p class="timeline-head">
              <time dateTime={e.at}>{formatDateTime(e.at, ctx.locale)}</time> · {e.actor === 'system' ? t('orders.system') : e.actor}
              {e.statusTo && (<> · <StatusBadge ctx={ctx} status={e.statusTo} /></>)}
              {e.kind === 'note' && <span class="internal-label">{t('orders.internal')}</span>}
              {e.kind === 'withdrawal' && <span class="badge badge-withdrawal">{t('orders.timeline.withdrawal')}</span>}
            </p>
            <p class="pre-line">{e.text}</p>
          </li>
        ))}
      </ol>
    </section>
  );
}
