/** Konfigurace → Dopravci: the carriers' API credentials and what the shop does with them (labels, delivery). */
import { z } from 'zod';
import { singleLineText } from '../validation.js';

export const PACKETA_LABEL_FORMATS = ['A6 on A6', 'A6 on A4'] as const;
export type PacketaLabelFormat = (typeof PACKETA_LABEL_FORMATS)[number];

const packeta = z
  .object({
    // Packeta's API password (32 letters and digits, from its client section); its first 16 are the public API key.
    apiPassword: z.string().trim().regex(/^([A-Za-z0-9]{32})?$/, 'packeta_password_invalid').default(''),
    // The sender indication ("eshop") of the client section, needed when the account has more senders.
    sender: singleLineText(64).default(''),
    labelFormat: z.enum(PACKETA_LABEL_FORMATS, 'invalid_value').default('A6 on A6'),
    // The weight declared for a parcel whose goods have no weights in the catalogue.
    defaultWeightGrams: z.number('weight_kg_invalid').int('weight_kg_invalid').min(1, 'weight_kg_invalid').max(30_000, 'weight_kg_invalid').default(1000),
    // Pickup-point choice in Packeta's map widget (with the API key); the searchable list works always.
    widget: z.boolean().default(true),
    // A parcel Packeta reports delivered moves its shipped order to Completed.
    completeOnDelivery: z.boolean().default(false),
  })
  .strict();

export const carriersSection = z.object({ packeta: packeta.prefault({}) }).strict();

export type PacketaSettings = z.output<typeof packeta>;

/** The public API key the widget and the branch feed use: the password's first 16 characters. */
export const packetaApiKey = (settings: PacketaSettings): string | null => (settings.apiPassword ? settings.apiPassword.slice(0, 16) : null);
