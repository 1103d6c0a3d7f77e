/** Bulk actions on the order list: the action bar over the table, the confirmation page of a status change, and its result. */
import { CARRIER_NAMES, CARRIERS } from '../../../domain/orders/carriers.js';
import { canTransition, type OrderStatus } from '../../../domain/orders/order-status.js';
import type { Order } from '../../../services/orders/ports.js';
import { AdminLayout, type AdminFrame } from '../../views/admin-layout.js';
import { CsrfField } from '../../views/components.js';
import type { PageContext } from '../../views/page-context.js';
import type { ConfirmOption } from './confirm-view.js';
import { ORDERS_PATH, StatusBadge, statusName } from './badges.js';

export const BULK_TARGETS = ['processing', 'shipped', 'completed', 'cancelled'] as const satisfies readonly OrderStatus[];

/** The bar above the table; every button submits the surrounding form to its own address. */
export function BulkBar({ ctx, selection }: { ctx: PageContext; selection: { all: boolean; selfUrl: string } }) {
  const { t } = ctx;
  return (
    <div class="bulk-bar" role="group" aria-label={t('orders.bulk.bar')}>
      <div class="field">
        <label for="bulk-status">{t('orders.bulk.status')}</label>
        <select id="bulk-status" name="status">
          {BULK_TARGETS.map((s) => (
            <option key={s} value={s}>
              {statusName(ctx, s)}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" formaction={`${ORDERS_PATH}/hromadne/stav`}>
        {t('orders.bulk.apply')}
      </button>
      <button type="submit" formaction={`${ORDERS_PATH}/hromadne/pdf`}>
        {t('orders.bulk.pdf')}
      </button>
      <button type="submit" formaction={`${ORDERS_PATH}/hromadne/packeta`}>
        {t('orders.bulk.createParcels')}
      </button>
      <button type="submit" formaction={`${ORDERS_PATH}/hromadne/stitky`}>
        {t('orders.bulk.labels')}
      </button>
      <button type="submit" formaction={`${ORDERS_PATH}/export`} name="format" value="pohoda">
        {t('orders.bulk.xmlPohoda')}
      </button>
      <button type="submit" formaction={`${ORDERS_PATH}/export`} name="format" value="kramek">
        {t('orders.bulk.xmlKramek')}
      </button>
      <a class="bulk-select-link" href={selection.selfUrl}>
        {t(selection.all ? 'orders.bulk.unselectAll' : 'orders.bulk.selectAll')}
      </a>
    </div>
  );
}

export type BulkConfirmProps = { ctx: PageContext; admin: AdminFrame; orders: Order[]; status: OrderStatus; lines: string[]; options: ConfirmOption[] };

/** Lists the selected orders with what will happen to each; for "shipped", the carrier and tracking number of each. */
export function BulkConfirm(props: BulkConfirmProps) {
  const { ctx, orders, status } = props;
  const { t } = ctx;
  const shipping = status === 'shipped';
  return (
    <AdminLayout ctx={ctx} title={t('orders.confirmTitle')} admin={props.admin} current="orders">
      <form method="post" action={`${ORDERS_PATH}/hromadne/stav`} class="stack bulk-confirm">
        <CsrfField token={props.admin.csrfToken} />
        <input type="hidden" name="confirmed" value="1" />
        <input type="hidden" name="status" value={status} />
        {props.lines.map((line, i) => (
          <p key={i} class={i === 0 ? 'lead' : undefined}>
            {line}
          </p>
        ))}
        {shipping && <p class="hint">{t('orders.bulk.trackingHint')}</p>}
        <div class="table-scroll">
          <table class="index-table">
            <thead>
              <tr>
                <th scope="col">{t('orders.col.number')}</th>
                <th scope="col">{t('orders.col.customer')}</th>
                <th scope="col">{t('orders.col.status')}</th>
                {shipping && <th scope="col">{t('orders.carrier')}</th>}
                {shipping && <th scope="col">{t('orders.trackingNumber')}</th>}
              </tr>
            </thead>
            <tbody>
              {orders.map((o) => {
                const allowed = canTransition(o.status, status);
                return (
                  <tr key={o.number}>
                    <td>
                      <input type="hidden" name="numbers" value={o.number} />
                      <a href={`${ORDERS_PATH}/${o.number}`}>{o.number}</a>
                    </td>
                    <td>{o.name}</td>
                    <td>
                      <StatusBadge ctx={ctx} status={o.status} /> {allowed ? <>→ <StatusBadge ctx={ctx} status={status} /></> : <span class="refused">{t('orders.bulk.willRefuse', { from: statusName(ctx, o.status) })}</span>}
                    </td>
                    {shipping && (
                      <td>
                        {allowed && (
                          <>
                            <label class="visually-hidden" for={`carrier-${o.number}`}>{`${t('orders.carrier')} ${o.number}`}</label>
                            <select id={`carrier-${o.number}`} name={`carrier_${o.number}`}>
                              {CARRIERS.map((c) => (
                                <option key={c} value={c} selected={c === o.shipping.carrier}>
                                  {CARRIER_NAMES[c]}
                                </option>
                              ))}
                            </select>
                          </>
                        )}
                      </td>
                    )}
                    {shipping && (
                      <td>
                        {allowed && (
                          <>
                            <label class="visually-hidden" for={`tracking-${o.number}`}>{`${t('orders.trackingNumber')} ${o.number}`}</label>
                            <input type="text" id={`tracking-${o.number}`} name={`tracking_${o.number}`} maxLength={300} />
                          </>
                        )}
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        {props.options.map((o) => (
          <div key={o.name} class="checkbox">
            <input type="checkbox" id={o.name} name={o.name} value="1" checked={o.checked} aria-describedby={o.hint ? `${o.name}-hint` : undefined} />
            <label for={o.name}>{o.label}</label>
            {o.hint && (
              <p class="hint" id={`${o.name}-hint`}>
                {o.hint}
              </p>
            )}
          </div>
        ))}
        <div class="form-actions">
          <button type="submit" class="button-primary">
            {t('orders.confirm')}
          </button>{' '}
          <a class="button" href={ORDERS_PATH}>
            {t('orders.cancelAction')}
          </a>
        </div>
      </form>
    </AdminLayout>
  );
}

/** A done row shows the order's new status, or `text` (e.g. the parcel created). */
export type BulkResultRow = { number: string; ok: boolean; status?: OrderStatus; text?: string; reason?: string };

/** Which orders moved and which were refused, with the reason for each refusal. */
export function BulkResult({ ctx, admin, rows }: { ctx: PageContext; admin: AdminFrame; rows: BulkResultRow[] }) {
  const { t } = ctx;
  const done = rows.filter((r) => r.ok);
  const refused = rows.filter((r) => !r.ok);
  return (
    <AdminLayout ctx={ctx} title={t('orders.bulk.resultTitle')} admin={admin} current="orders" flash={{ kind: refused.length ? 'error' : 'success', text: `${t('orders.bulk.done', { count: done.length })} · ${t('orders.bulk.refused', { count: refused.length })}` }}>
      {done.length > 0 && (
        <section class="panel-box bulk-done">
          <h2>{t('orders.bulk.done', { count: done.length })}</h2>
          <ul>
            {done.map((r) => (
              <li key={r.number}>
                <a href={`${ORDERS_PATH}/${r.number}`}>{r.number}</a> → {r.text ?? <StatusBadge ctx={ctx} status={r.status!} />}
              </li>
            ))}
          </ul>
        </section>
      )}
      {refused.length > 0 && (
        <section class="panel-box bulk-refused">
          <h2>{t('orders.bulk.refused', { count: refused.length })}</h2>
          <ul>
            {refused.map((r) => (
              <li key={r.number}>
                <a href={`${ORDERS_PATH}/${r.number}`}>{r.number}</a>: {r.reason}
              </li>
            ))}
          </ul>
        </section>
      )}
      <p>
        <a href={ORDERS_PATH}>← {t('orders.bulk.back')}</a>
      </p>
    </AdminLayout>
  );
}
