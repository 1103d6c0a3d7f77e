/**
 * The checkout's pickup-point choice: a search that works without JavaScript (a button that reloads the page with the
 * points found, each a radio button) and, with Packeta's widget configured, a "choose on a map" button the script shows.
 */
import type { ChosenPickupPoint, PickupPoint } from '../../domain/shipping/pickup-point.js';
import { pickupPointLines } from '../../domain/shipping/pickup-point.js';
import type { CheckoutForm } from '../../domain/cart/checkout-form.js';
import type { PageContext } from '../views/page-context.js';

export type PickupChoice = {
  /** The point the customer has chosen (kept across reloads of the form). */
  chosen: PickupPoint | null;
  /** Points found by the last search (null: no search made). */
  found: PickupPoint[] | null;
  /** Packeta's public API key when its map widget is offered. */
  widgetKey: string | null;
};

function PointOption({ point, checked }: { point: PickupPoint; checked: boolean }) {
  const id = `pickupPointId-${point.id}`;
  const [title, ...address] = pickupPointLines(point);
  return (
    <div class="choice pickup-point">
      <input type="radio" id={id} name="pickupPointId" value={point.id} checked={checked} aria-describedby={`${id}-hours`} />
      <label for={id}>
        <strong>{title}</strong>
        {point.kind === 'box' && !title!.includes('Z-BOX') && ' (Z-BOX)'}
        <br />
        {address.join(', ')}
      </label>
      <span class="muted small pickup-hours" id={`${id}-hours`}>
        {point.openingHours}
      </span>
    </div>
  );
}

export function PickupPointChooser({ ctx, form, choice, error }: { ctx: PageContext; form: CheckoutForm; choice: PickupChoice; error?: string }) {
  const { t } = ctx;
  const others = (choice.found ?? []).filter((p) => p.id !== choice.chosen?.id);
  return (
    <fieldset class={error ? 'checkout-section pickup-chooser field-error' : 'checkout-section pickup-chooser'} id="pickupPointId" data-widget-key={choice.widgetKey ?? undefined} data-language={ctx.locale}>
      <legend>{t('checkout.pickup.legend')}</legend>
      <p class="muted small">{t('checkout.pickup.hint')}</p>
      {error && <p class="error-message">{error}</p>}
      <div class="pickup-points" role="group" aria-label={t('checkout.pickup.results')} aria-live="polite">
        {choice.chosen && <PointOption point={choice.chosen} checked={form.pickupPointId === choice.chosen.id} />}
        {others.map((p) => (
          <PointOption key={p.id} point={p} checked={form.pickupPointId === p.id} />
        ))}
        {choice.found && choice.found.length === 0 && <p class="muted">{t('checkout.pickup.none', { query: form.pickupQuery })}</p>}
      </div>
      <div class="pickup-search">
        <label for="pickupQuery">{t('checkout.pickup.search')}</label>
        <div class="pickup-search-row">
          <input id="pickupQuery" name="pickupQuery" type="search" value={form.pickupQuery} maxLength={100} autocomplete="off" />
          <button type="submit" name="action" value="pickup-search" class="button-small">
            {t('checkout.pickup.searchButton')}
          </button>
          {choice.widgetKey && (
            <button type="button" class="button-small pickup-map" hidden>
              {t('checkout.pickup.map')}
            </button>
          )}
        </div>
      </div>
    </fieldset>
  );
}

/** A chosen point under its heading, for the thank-you page and the customer's order. */
export function PickupPointAddress({ ctx, point }: { ctx: PageContext; point: ChosenPickupPoint | null | undefined }) {
  if (!point) return null;
  const [title, ...rest] = pickupPointLines(point);
  return (
    <>
      <h3>{ctx.t('pickup.title')}</h3>
      <address class="shop-contact">
        <strong>{title}</strong>
        {rest.map((line) => (
          <span key={line}>{line}</span>
        ))}
        <span class="muted">ID {point.id}</span>
      </address>
    </>
  );
}
