/**
 * Credentials kept in Configuration (the Packeta API password, the Fio token, the card gateway's secret) are never
 * shown back in full — not in the forms, the settings API or the change history: at most their last four characters
 * (`••••abcd`). A masked value sent back unchanged keeps the stored one.
 */
import type { Change } from './settings-patch.js';

export const SECRET_PATHS = ['carriers.packeta.apiPassword', 'payments.fio.token', 'payments.card.secret'] as const;
const MASK = '••••';

/** `abcdefgh1234` → `••••1234`; a short value shows nothing of itself. */
export const maskSecret = (value: unknown): string => (typeof value === 'string' && value ? (value.length >= 12 ? `${MASK}${value.slice(-4)}` : MASK) : '');
export const isMasked = (value: unknown) => typeof value === 'string' && value.startsWith(MASK);
const isSecretPath = (path: string) => (SECRET_PATHS as readonly string[]).includes(path);

type Json = Record<string, unknown>;
/** The object holding `path`'s last key, and that key (null when the path is not there). */
function place(root: unknown, path: string): { parent: Json; key: string } | null {
  const keys = path.split('.');
  let node: unknown = root;
  for (const key of keys.slice(0, -1)) {
    if (typeof node !== 'object' || node === null) return null;
    node = (node as Json)[key];
  }
  return typeof node === 'object' && node !== null ? { parent: node as Json, key: keys.at(-1)! } : null;
}

/** A copy of a settings document as the owner may see it: every secret masked. */
export function maskedSettings<T>(settings: T): T {
  const copy = structuredClone(settings);
  for (const path of SECRET_PATHS) {
    const at = place(copy, path);
    if (at && at.key in at.parent) at.parent[at.key] = maskSecret(at.parent[at.key]);
  }
  return copy;
}

/** A patch with every masked secret (the form or the API sending back what it was shown) taken out, so the stored one stays. */
export function withoutMaskedSecrets(patch: unknown): unknown {
  const copy = structuredClone(patch);
  for (const path of SECRET_PATHS) {
    const at = place(copy, path);
    if (at && isMasked(at.parent[at.key])) delete at.parent[at.key];
  }
  return copy;
}

/** Changes for the history: a secret's old and new values masked. */
export const maskedChanges = (changes: Change[]): Change[] => changes.map((c) => (isSecretPath(c.path) ? { ...c, from: maskSecret(c.from) || null, to: maskSecret(c.to) || null } : c));
