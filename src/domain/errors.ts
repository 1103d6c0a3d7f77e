/** The one error type for expected failures; the edge maps its stable `code` to an HTTP status and a message. */
export type ErrorCode =
  | 'validation'
  | 'bad_request'
  | 'not_found'
  | 'unauthorized'
  | 'forbidden'
  | 'invalid_credentials'
  | 'too_many_attempts'
  | 'conflict'
  | 'invalid_transition'
  | 'mail_failed'
  | 'guest_checkout_disabled'
  | 'out_of_stock'
  | 'account_exists'
  | 'idempotency_conflict'
  | 'invoice_exists'
  | 'invoice_credited'
  | 'invoice_kept'
  /** A carrier's API said no to what we sent (its message is the error's). */
  | 'carrier_rejected'
  /** A carrier's API is down, timed out or answered nonsense: nothing was changed, try again. */
  | 'carrier_unavailable'
  | 'gateway_unavailable';

export class DomainError extends Error {
  /** Values for the translated message (e.g. the SKUs that ran out). */
  readonly params?: Record<string, string>;

  constructor(
    readonly code: ErrorCode,
    message: string = code,
    /** Field path → message key, for validation errors. */
    readonly fields?: Record<string, string>,
    options?: { cause?: unknown; params?: Record<string, string> },
  ) {
    super(message, options);
    this.name = 'DomainError';
    this.params = options?.params;
  }
}

export const isDomainError = (e: unknown): e is DomainError => e instanceof DomainError;
