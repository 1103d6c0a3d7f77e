/**
 * Credentials kept in Configuration are never shown back in full — not in the forms, the settings API or the change
 * history: only their last four characters (`••••abcd`). A masked value sent back unchanged keeps the stored one.
 */
import type { Settings } from './settings.js';
import type { Change } from './settings-patch.js';

export const SECRET_PATHS = ['carriers.packeta.apiPassword'] as const;
const MASK = '••••';

export const maskSecret = (value: unknown): string => (typeof value === 'string' && value ? `${MASK}${value.slice(-4)}` : '');
const isMasked = (value: unknown) => typeof value === 'string' && value.startsWith(MASK);

const get = (root: unknown, path: string) => path.split('.').reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), root);
function set(root: unknown, path: string, value: unknown): void {
  const keys = path.split('.');
  const parent = keys.slice(0, -1).reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), root);
  if (parent && typeof parent === 'object') (parent as Record<string, unknown>)[keys.at(-1)!] = value;
}

/** The settings as the owner may see them: every secret masked. */
export function maskedSettings(settings: Settings): Settings {
  const copy = structuredClone(settings);
  for (const path of SECRET_PATHS) set(copy, path, maskSecret(get(copy, path)));
  return copy;
}

/** A patch with every masked secret (the form or the API sending back what it was shown) taken out, so the stored one stays. */
export function withoutMaskedSecrets(patch: unknown): unknown {
  const copy = structuredClone(patch);
  for (const path of SECRET_PATHS) if (isMasked(get(copy, path))) set(copy, path, undefined);
  return copy;
}

/** Changes for the history: a secret's old and new values masked. */
export const maskedChanges = (changes: Change[]): Change[] => changes.map((c) => ((SECRET_PATHS as readonly string[]).includes(c.path) ? { ...c, from: maskSecret(c.from) || null, to: maskSecret(c.to) || null } : c));
