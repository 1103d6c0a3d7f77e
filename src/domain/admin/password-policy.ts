/** What makes an acceptable admin password; returns a message key or null. */
export const MIN_PASSWORD_LENGTH = 10;

export function passwordProblem(password: string): 'password_too_short' | 'password_too_long' | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) return 'password_too_short';
  if (password.length > 1000) return 'password_too_long';
  return null;
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
