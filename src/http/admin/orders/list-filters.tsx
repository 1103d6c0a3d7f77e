/** The parts the Orders panel's lists share in their filter forms: the range of days and the submit/clear pair. */
import type { PageContext } from '../../views/page-context.js';

export function DayRangeFields({ ctx, from, to }: { ctx: PageContext; from: string; to: string }) {
  return (
    <>
      <div class="field">
        <label for="from">{ctx.t('orders.from')}</label>
        <input id="from" name="from" type="date" value={from} />
      </div>
      <div class="field">
        <label for="to">{ctx.t('orders.to')}</label>
        <input id="to" name="to" type="date" value={to} />
      </div>
    </>
  );
}

/** "Filtrovat", and "Zrušit filtr" back to the unfiltered list when a filter is set. */
export function FilterActions({ ctx, filtered, clearHref }: { ctx: PageContext; filtered: boolean; clearHref: string }) {
  return (
    <div class="filter-actions">
      <button type="submit">{ctx.t('orders.filter')}</button>
      {filtered && <a href={clearHref}>{ctx.t('orders.clear')}</a>}
    </div>
  );
}
