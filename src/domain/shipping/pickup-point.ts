/** A carrier's pickup point (a Zásilkovna Z-Point or Z-BOX), as the feed gives it and as an order keeps it. */

export type PickupPoint = {
  carrier: string;
  id: string;
  /** The carrier's own name, e.g. "Praha 1, Dlouhá 12". */
  name: string;
  /** The business it is in, e.g. "Trafika U Nádraží" or "Z-BOX". */
  place: string;
  street: string;
  city: string;
  zip: string;
  /** ISO 3166-1 alpha-2, upper case. */
  country: string;
  kind: 'box' | 'point';
  openingHours: string;
  latitude: number | null;
  longitude: number | null;
  maxWeightGrams: number | null;
};

/** What an order keeps of its point: enough to print, email and hand to the carrier, whatever the feed does later. */
export type ChosenPickupPoint = Pick<PickupPoint, 'carrier' | 'id' | 'name' | 'place' | 'street' | 'city' | 'zip' | 'country'>;

export const chosenPoint = (p: PickupPoint): ChosenPickupPoint => ({ carrier: p.carrier, id: p.id, name: p.name, place: p.place, street: p.street, city: p.city, zip: p.zip, country: p.country });

/** A point's id as a client may send it: the carrier's digits (Packeta's branch ids), at most 12. */
export const isPickupPointId = (value: unknown): value is string => typeof value === 'string' && /^\d{1,12}$/.test(value);

/** The point's address lines: its place (or name), then street, then ZIP and city. */
export const pickupPointLines = (p: ChosenPickupPoint): string[] => [p.place || p.name, p.street, `${p.zip} ${p.city}`.trim()].filter(Boolean);

/** One line for emails, documents and the admin: "Trafika U Nádraží, Dlouhá 12, 110 00 Praha (ID 1234)". */
export const pickupPointLine = (p: ChosenPickupPoint): string => `${pickupPointLines(p).join(', ')} (ID ${p.id})`;

/** Carriers whose shipping methods deliver to a point the customer picks. */
export const PICKUP_CARRIERS = ['zasilkovna'] as const;
export const needsPickupPoint = (carrier: string) => (PICKUP_CARRIERS as readonly string[]).includes(carrier);
