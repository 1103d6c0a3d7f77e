/** One-time account tokens: what they are for, how long they live, and how many may be asked for. */
export const TOKEN_PURPOSES = ['password_reset', 'email_change'] as const;
export type TokenPurpose = (typeof TOKEN_PURPOSES)[number];

export const TOKEN_LIFETIME_MS: Record<TokenPurpose, number> = {
  password_reset: 60 * 60 * 1000,
  email_change: 24 * 60 * 60 * 1000,
};

/** At most this many reset or confirmation emails per account and hour, so the form cannot flood a mailbox. */
export const MAX_TOKENS_PER_HOUR = 3;

/** A token as it arrives in a link: base64url of 32 random bytes. */
export const isWellFormedToken = (token: string): boolean => /^[A-Za-z0-9_-]{43}$/.test(token);
