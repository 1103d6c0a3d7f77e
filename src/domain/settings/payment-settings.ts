/**
 * Configuration → Platby: the Fio API token (read-only) for downloading statements, the card gateway (Comgate or the
 * test gateway) with its credentials and test/live switch, and whether the customer is emailed when money arrives.
 * Credentials are secrets: shown back only masked (`••••abcd`), also in the API and the change history.
 */
import { z } from 'zod';
import { singleLineText } from '../validation.js';

export const CARD_PROVIDERS = ['none', 'comgate', 'fake'] as const;
export type CardProvider = (typeof CARD_PROVIDERS)[number];

export const paymentsSection = z
  .object({
    notifyCustomer: z.boolean().default(true),
    fio: z
      .object({
        token: singleLineText(200)
          .default('')
          .refine((v) => v === '' || /^[A-Za-z0-9]{20,128}$/.test(v), 'fio_token_invalid'),
        poll: z.boolean().default(true),
      })
      .strict()
      .prefault({}),
    card: z
      .object({
        provider: z.enum(CARD_PROVIDERS, 'invalid_value').default('none'),
        merchant: singleLineText(40)
          .default('')
          .refine((v) => v === '' || /^[A-Za-z0-9_.-]{1,40}$/.test(v), 'merchant_invalid'),
        secret: singleLineText(200).default(''),
        test: z.boolean().default(true),
      })
      .strict()
      .prefault({})
      .superRefine((card, ctx) => {
        // Comgate needs both; the test gateway signs with the secret, so it needs that one.
        if (card.provider === 'comgate' && !card.merchant) ctx.addIssue({ code: 'custom', message: 'required', path: ['merchant'] });
        if (card.provider !== 'none' && !card.secret) ctx.addIssue({ code: 'custom', message: 'required', path: ['secret'] });
      }),
  })
  .strict();

export type PaymentSettings = z.output<typeof paymentsSection>;
