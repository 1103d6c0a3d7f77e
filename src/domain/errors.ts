/** The one error type for expected failures; the edge maps its stable `code` to an HTTP status and a message. */
export type ErrorCode =
  | 'validation'
  | 'not_found'
  | 'unauthorized'
  | 'forbidden'
  | 'invalid_credentials'
  | 'too_many_attempts'
  | 'conflict'
  | 'invalid_transition';

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string = code,
    /** Field path → message key, for validation errors. */
    readonly fields?: Record<string, string>,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'DomainError';
  }
}

export const isDomainError = (e: unknown): e is DomainError => e instanceof DomainError;
