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

/** The settings paths that hold credentials. */
export const SECRET_PATHS = ['payments.fio.token', 'payments.card.secret'] as const;

const MASK = '••••';

/** `abcdefgh1234` → `••••1234`; short values show nothing of themselves. */
export function maskSecret(value: unknown): string {
  if (typeof value !== 'string' || value === '') return '';
  return value.length >= 12 ? `${MASK}${value.slice(-4)}` : MASK;
}

export const isMasked = (value: unknown) => typeof value === 'string' && value.startsWith(MASK);

type Json = Record<string, unknown>;
const at = (doc: unknown, path: string): { parent: Json; key: string } | null => {
  const keys = path.split('.');
  let node: unknown = doc;
  for (const key of keys.slice(0, -1)) {
    if (typeof node !== 'object' || node === null) return null;
    node = (node as Json)[key];
  }
  return typeof node === 'object' && node !== null ? { parent: node as Json, key: keys.at(-1)! } : null;
};

/** A copy of a settings document with every credential masked (what the API and the forms show). */
export function withMaskedSecrets<T>(settings: T): T {
  const copy = structuredClone(settings);
  for (const path of SECRET_PATHS) {
    const place = at(copy, path);
    if (place && place.key in place.parent) place.parent[place.key] = maskSecret(place.parent[place.key]);
  }
  return copy;
}

/** A patch that sends a credential back in its masked form means "keep it": that part is dropped. */
export function dropMaskedSecrets(patch: unknown): unknown {
  const copy = structuredClone(patch);
  for (const path of SECRET_PATHS) {
    const place = at(copy, path);
    if (place && isMasked(place.parent[place.key])) delete place.parent[place.key];
  }
  return copy;
}

export const isSecretPath = (path: string) => (SECRET_PATHS as readonly string[]).includes(path);
