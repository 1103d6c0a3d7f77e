/** The outbox rules: statuses, how often and how long a failed email is retried, stable Message-IDs, header-safe texts. */

export const OUTBOX_STATUSES = ['queued', 'sending', 'sent', 'failed'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

export const OUTBOX_KINDS = ['order_accepted', 'owner_new_order', 'order_status', 'customer_message', 'test', 'customer_account', 'withdrawal', 'invoice', 'payment'] as const;
export type OutboxKind = (typeof OUTBOX_KINDS)[number];

/** After this many tries an email is `failed` for good (until someone presses "send again"). */
export const MAX_ATTEMPTS = 10;
const FIRST_RETRY_MS = 30_000;
const LONGEST_RETRY_MS = 2 * 60 * 60 * 1000;

/**
 * Exponential back-off with ±20 % jitter (so many emails failing together do not retry together):
 * 30 s, 1 min, 2 min, … up to 2 h — about 4 hours of retries in all. `random` is in [0, 1).
 */
export function retryDelayMs(attempts: number, random: number): number {
  const base = Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), LONGEST_RETRY_MS);
  return Math.round(base * (0.8 + 0.4 * random));
}

export type AttemptOutcome = { status: 'queued'; nextAttemptAt: Date } | { status: 'failed' };

/** What follows a failed try: another try later, or a permanent failure after MAX_ATTEMPTS or a permanent error. */
export function afterFailure(attempts: number, permanent: boolean, now: Date, random: number): AttemptOutcome {
  if (permanent || attempts >= MAX_ATTEMPTS) return { status: 'failed' };
  return { status: 'queued', nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts, random)) };
}

/** A Message-ID that stays the same on every try of one outbox row: `<uuid@shop-host>`. */
export function messageIdFor(uuid: string, publicUrl: string): string {
  let host = 'kramek.localhost';
  try {
    host = new URL(publicUrl).hostname.replace(/^\[|\]$/g, '') || host;
  } catch {
    // keep the fallback: a Message-ID needs some right-hand side
  }
  if (!/^[A-Za-z0-9.-]+$/.test(host)) host = 'kramek.localhost';
  return `<${uuid}@${host}>`;
}

/** A text that will become (part of) a header: CR, LF and other control characters become spaces, so no header can be injected. */
export function headerSafe(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001F\u007F\u2028\u2029]+/g, ' ').replace(/\s{2,}/g, ' ').trim();
}

/** An error text as the admin sees it: one line, not endless. */
export function errorSummary(message: string): string {
  const line = headerSafe(message);
  return line.length > 500 ? `${line.slice(0, 497)}…` : line;
}

/** `"Jana Nováková" <jana@example.cz>`: the name quoted, so no comma, angle bracket or line break in it adds a recipient or a header. */
export function formatMailbox(name: string | null | undefined, address: string): string {
  const cleanAddress = headerSafe(address).replace(/[<>",\s]/g, '');
  const cleanName = headerSafe(name ?? '').replace(/["\\]/g, '');
  return cleanName ? `"${cleanName}" <${cleanAddress}>` : cleanAddress;
}
