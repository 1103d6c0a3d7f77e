/** Konfigurace → Marketing: the comparison-site feeds' delivery time of goods not in stock, and Heureka "Ověřeno zákazníky". */
import { z } from 'zod';

export const marketingSection = z
  .object({
    // The key from the Heureka shop administration; empty: the program is off (no questionnaire, no checkout opt-out).
    heurekaVerifiedKey: z
      .string()
      .trim()
      .max(64, 'too_long')
      .regex(/^[A-Za-z0-9]*$/, 'api_key_invalid')
      .default(''),
    // DELIVERY_DATE of a variant not in stock (days); in stock is always 0.
    outOfStockDeliveryDays: z.number('number_invalid').int('number_invalid').min(1, 'number_invalid').max(999, 'number_invalid').default(14),
  })
  .strict();

export type MarketingSettings = z.output<typeof marketingSection>;
