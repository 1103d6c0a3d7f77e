/** Zboží → Slevové kódy: the list of codes (what each gives, validity, uses) and the form of one code. */
import { DISCOUNT_KINDS, DISCOUNT_SCOPES, unusableReason, type DiscountCode } from '../../../domain/discounts/discount-code.js';
import { formatMoney } from '../../../domain/money/money.js';
import type { Category } from '../../../services/catalog/ports.js';
import { CsrfField, ErrorSummary } from '../../views/components.js';
import { pragueDateOf } from '../../../domain/stats/prague-calendar.js';
import type { PageContext } from '../../views/page-context.js';
import type { MessageKey } from '../../i18n/messages.js';
import { CategoryCheckboxes, Fieldset, TextField, summaryOf, type FieldMessages } from '../catalog-forms.js';
import type { DiscountFormValues } from './form-values.js';

export const DISCOUNTS_PATH = '/admin/zbozi/slevove-kody';

export function discountText(ctx: PageContext, d: Pick<DiscountCode, 'kind' | 'value'>): string {
  if (d.kind === 'free_shipping') return ctx.t('disc.kind.free_shipping');
  return d.kind === 'percent' ? `${d.value} %` : formatMoney(d.value, ctx.locale);
}

/** A Prague calendar day as Czech write it: `1. 5. 2026`. */
function day(iso: string): string {
  const [y, m, d] = pragueDateOf(iso).split('-');
  return `${Number(d)}. ${Number(m)}. ${y}`;
}

/** "od 1. 5. 2026 do 31. 5. 2026", the last day inclusive (the stored end is the next day's midnight). */
function validity(ctx: PageContext, d: Pick<DiscountCode, 'startsAt' | 'endsAt'>): string {
  if (!d.startsAt && !d.endsAt) return ctx.t('disc.always');
  return [d.startsAt && ctx.t('disc.from', { day: day(d.startsAt) }), d.endsAt && ctx.t('disc.until', { day: day(new Date(Date.parse(d.endsAt) - 1).toISOString()) })].filter(Boolean).join(' ');
}

export function DiscountTable({ ctx, codes, now }: { ctx: PageContext; codes: DiscountCode[]; now: Date }) {
  const { t, locale } = ctx;
  if (codes.length === 0) return <div class="empty-state"><p>{t('disc.empty')}</p></div>;
  return (
    <div class="table-wrap">
      <table class="index-table">
        <thead>
          <tr>
            <th scope="col">{t('disc.col.code')}</th>
            <th scope="col">{t('disc.col.discount')}</th>
            <th scope="col">{t('disc.col.validity')}</th>
            <th scope="col" class="num">{t('disc.col.used')}</th>
            <th scope="col">{t('disc.col.status')}</th>
          </tr>
        </thead>
        <tbody>
          {codes.map((d) => {
            const reason = unusableReason(d, now);
            return (
              <tr key={d.id}>
                <td>
                  <a href={`${DISCOUNTS_PATH}/${d.id}`}>
                    <code>{d.code}</code>
                  </a>
                  {d.note && <div class="muted small">{d.note}</div>}
                </td>
                <td>
                  {discountText(ctx, d)}
                  {d.minOrder !== null && <div class="muted small">{t('disc.minOrderShort', { amount: formatMoney(d.minOrder, locale) })}</div>}
                  {d.scope !== 'all' && <div class="muted small">{t(`disc.scope.${d.scope}`)}</div>}
                </td>
                <td class="small">{validity(ctx, d)}</td>
                <td class="num">{d.usageLimit === null ? d.used : `${d.used} / ${d.usageLimit}`}</td>
                <td>{reason ? <span class="badge badge-cancelled">{t(reason === 'discount_unknown' ? 'disc.status.off' : (`disc.status.${reason}` as MessageKey))}</span> : <span class="badge badge-completed">{t('disc.status.active')}</span>}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function Choice(props: { name: string; value: string; checked: boolean; label: string; id: string }) {
  return (
    <div class="checkbox">
      <input type="radio" id={props.id} name={props.name} value={props.value} checked={props.checked} />
      <label for={props.id}>{props.label}</label>
    </div>
  );
}

export function DiscountForm(props: { ctx: PageContext; action: string; values: DiscountFormValues; errors: FieldMessages; categories: Category[]; csrfToken: string; used: number | null }) {
  const { t } = props.ctx;
  const { values: v, errors: e } = props;
  return (
    <form method="post" action={props.action} class="stack discount-form" noValidate>
      <ErrorSummary title={t('error.summary')} errors={summaryOf(e)} />
      <CsrfField token={props.csrfToken} />
      <div class="detail-columns">
        <div class="detail-main stack">
          <TextField id="code" label={t('disc.code')} hint={t('disc.codeHint')} value={v.code} error={e.code} maxLength={40} required />
          <Fieldset legend={t('disc.kind')} error={e.kind} id="kind">
            {DISCOUNT_KINDS.map((kind) => (
              <Choice key={kind} name="kind" id={`kind-${kind}`} value={kind} checked={v.kind === kind} label={t(`disc.kind.${kind}`)} />
            ))}
          </Fieldset>
          <TextField id="value" label={t('disc.value')} hint={t('disc.valueHint')} value={v.value} error={e.value} inputMode="decimal" />
          <TextField id="minOrder" label={t('disc.minOrder')} hint={t('disc.minOrderHint')} value={v.minOrder} error={e.minOrder} inputMode="decimal" />
          <Fieldset legend={t('disc.scope')} error={e.scope} id="scope">
            {DISCOUNT_SCOPES.map((scope) => (
              <Choice key={scope} name="scope" id={`scope-${scope}`} value={scope} checked={v.scope === scope} label={t(`disc.scope.${scope}`)} />
            ))}
          </Fieldset>
          <Fieldset legend={t('disc.categories')} hint={t('disc.categoriesHint')} error={e.categoryIds} id="categoryIds">
            <CategoryCheckboxes categories={props.categories} checked={v.categoryIds} />
          </Fieldset>
          <TextField id="productSkus" label={t('disc.products')} hint={t('disc.productsHint')} value={v.productSkus} error={e.productSkus} />
        </div>
        <aside class="detail-side stack">
          <div class="panel-box stack">
            <div class="checkbox">
              <input type="checkbox" id="active" name="active" value="1" checked={v.active} />
              <label for="active">{t('disc.active')}</label>
            </div>
            <div class={`field ${e.startsOn ? 'field-error' : ''}`}>
              <label for="startsOn">{t('disc.startsOn')}</label>
              {e.startsOn && <p class="error-message">{e.startsOn}</p>}
              <input type="date" id="startsOn" name="startsOn" value={v.startsOn} />
            </div>
            <div class={`field ${e.endsOn ? 'field-error' : ''}`}>
              <label for="endsOn">{t('disc.endsOn')}</label>
              {e.endsOn && <p class="error-message">{e.endsOn}</p>}
              <input type="date" id="endsOn" name="endsOn" value={v.endsOn} />
            </div>
            <TextField id="usageLimit" label={t('disc.usageLimit')} hint={props.used === null ? t('disc.limitHint') : t('disc.usedSoFar', { used: props.used })} value={v.usageLimit} error={e.usageLimit} inputMode="numeric" />
            <TextField id="perCustomerLimit" label={t('disc.perCustomerLimit')} hint={t('disc.limitHint')} value={v.perCustomerLimit} error={e.perCustomerLimit} inputMode="numeric" />
            <TextField id="note" label={t('disc.note')} value={v.note} error={e.note} maxLength={200} />
            <button type="submit" class="button-primary">
              {t('disc.save')}
            </button>
          </div>
        </aside>
      </div>
    </form>
  );
}

export function DeleteDiscount({ ctx, id, used, csrfToken }: { ctx: PageContext; id: number; used: number; csrfToken: string }) {
  const { t } = ctx;
  return (
    <section class="danger-zone" aria-labelledby="delete-heading">
      <h2 id="delete-heading">{t('disc.delete')}</h2>
      <form method="post" action={`${DISCOUNTS_PATH}/${id}/smazat`} class="stack">
        <CsrfField token={csrfToken} />
        <p>{t(used > 0 ? 'disc.deleteUsed' : 'disc.deleteLead')}</p>
        <button type="submit" class="button-danger">
          {t('disc.delete')}
        </button>
      </form>
    </section>
  );
}
