/** The order detail's goods-out box: the pickup point, and the Packeta parcel — create it, print its label, ask its status. */
import { formatMoney } from '../../../domain/money/money.js';
import { pickupPointLine, pickupPointLines } from '../../../domain/shipping/pickup-point.js';
import type { Order } from '../../../services/orders/ports.js';
import type { StoredShipment } from '../../../services/shipping/ports.js';
import { codAmount } from '../../../services/shipping/create-shipment.js';
import { CsrfField } from '../../views/components.js';
import { formatDateTime } from '../../views/format.js';
import type { PageContext } from '../../views/page-context.js';

export type PacketaMode = 'real' | 'demo' | 'off';

export function PickupPointBlock({ ctx, order }: { ctx: PageContext; order: Order }) {
  if (!order.pickupPoint) return null;
  const [title, ...rest] = pickupPointLines(order.pickupPoint);
  return (
    <>
      <h3>{ctx.t('pickup.title')}</h3>
      <p class="pickup-address">
        <strong>{title}</strong>
        {rest.map((line) => (
          <span key={line}>
            <br />
            {line}
          </span>
        ))}
        <br />
        <span class="muted">ID {order.pickupPoint.id}</span>
      </p>
    </>
  );
}

export function ParcelBox(props: { ctx: PageContext; order: Order; shipment: StoredShipment | null; mode: PacketaMode; csrfToken: string; path: string }) {
  const { ctx, order, shipment, mode } = props;
  const { t, locale } = ctx;
  if (order.shipping.carrier !== 'zasilkovna' || !order.pickupPoint) return null;
  const demo = shipment ? shipment.demo : mode === 'demo';
  const created = shipment?.state === 'created' ? shipment : null;
  const cod = created ? created.cod : codAmount(order);
  return (
    <div class="parcel-box" id="zasilka">
      <h3>{t('orders.packeta.title')}</h3>
      {demo && <p class="demo-carrier">{t('orders.packeta.demo')}</p>}
      {created ? (
        <>
          <dl>
            <dt>{t('orders.packeta.parcel')}</dt>
            <dd>
              <strong>{created.barcodeText}</strong>
            </dd>
            {cod > 0 && (
              <>
                <dt>{t('orders.packeta.cod')}</dt>
                <dd>{formatMoney(cod, locale)}</dd>
              </>
            )}
            <dt>{t('orders.packeta.status')}</dt>
            <dd>
              {created.statusText ?? t('orders.packeta.statusUnknown')}
              {created.checkedAt && <span class="muted small"> · {formatDateTime(created.checkedAt, locale)}</span>}
            </dd>
          </dl>
          <div class="parcel-actions">
            <a class="button button-small" href={`${props.path}/packeta/stitek.pdf?format=A6`}>
              {t('orders.packeta.labelA6')}
            </a>
            <a class="button button-small" href={`${props.path}/packeta/stitek.pdf?format=A4`}>
              {t('orders.packeta.labelA4')}
            </a>
            <form method="post" action={`${props.path}/packeta/stav`}>
              <CsrfField token={props.csrfToken} />
              <button type="submit" class="button-small">
                {t('orders.packeta.checkStatus')}
              </button>
            </form>
          </div>
        </>
      ) : mode === 'off' ? (
        <p class="muted">{t('orders.packeta.notConfigured')}</p>
      ) : order.status === 'completed' || order.status === 'cancelled' ? null : (
        <form method="post" action={`${props.path}/packeta`} class="stack">
          <CsrfField token={props.csrfToken} />
          <p class="hint">{t('orders.packeta.createHint', { point: pickupPointLine(order.pickupPoint), cod: cod > 0 ? formatMoney(cod, locale) : t('orders.packeta.noCod') })}</p>
          <button type="submit" class="button-primary">
            {t('orders.packeta.create')}
          </button>
        </form>
      )}
    </div>
  );
}
