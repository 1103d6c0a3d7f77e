/** The carriers Czech shops ship with, and the public tracking page of each, built from a tracking number. */
export const CARRIERS = ['ceska-posta', 'balikovna', 'ppl', 'zasilkovna', 'dpd', 'gls', 'own'] as const;
export type Carrier = (typeof CARRIERS)[number];

export const CARRIER_NAMES: Record<Carrier, string> = {
  'ceska-posta': 'Česká pošta',
  balikovna: 'Balíkovna',
  ppl: 'PPL',
  zasilkovna: 'Zásilkovna',
  dpd: 'DPD',
  gls: 'GLS',
  own: 'Vlastní rozvoz',
};

const TRACKING_URLS: Record<Carrier, string | null> = {
  'ceska-posta': 'https://www.postaonline.cz/trackandtrace/-/zasilka/cislo?parcelNumbers={n}',
  balikovna: 'https://www.postaonline.cz/trackandtrace/-/zasilka/cislo?parcelNumbers={n}',
  ppl: 'https://www.ppl.cz/vyhledat-zasilku?shipmentId={n}',
  zasilkovna: 'https://tracking.packeta.com/cs/?id={n}',
  dpd: 'https://tracking.dpd.de/status/cs_CZ/parcel/{n}',
  gls: 'https://gls-group.com/CZ/cs/sledovani-zasilek?match={n}',
  own: null,
};

export const isCarrier = (value: unknown): value is Carrier => CARRIERS.includes(value as Carrier);

/**
 * The tracking link for a parcel, or null for own delivery, unknown carriers or an empty number. Spaces are taken out
 * (`Z 123 456 789` as printed on a label is `Z123456789` to the carrier's search).
 */
export function trackingUrl(carrier: string, trackingNumber: string): string | null {
  const number = trackingNumber.replace(/\s+/g, '');
  if (!isCarrier(carrier) || !number) return null;
  return TRACKING_URLS[carrier]?.replace('{n}', encodeURIComponent(number)) ?? null;
}
