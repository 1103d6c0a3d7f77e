/** Who system emails come from: the no-reply address when set, else the shop's email, with the shop name shown. */
import type { Settings } from '../../domain/settings/settings.js';

export function senderAddress(settings: Settings): string {
  const address = settings.emails.noReplyAddress || settings.shop.email || 'noreply@localhost';
  // The display name is quoted and stripped of line breaks and quotes, so it can never start another header.
  const name = settings.shop.name.replace(/["\\]/g, '').replace(/\s+/g, ' ').trim();
  return name ? `"${name}" <${address}>` : address;
}

/** Where the owner's new-order notifications go: only when a no-reply address is configured (CONTRACT.md). */
export function ownerNotificationAddress(settings: Settings): string | null {
  if (!settings.emails.noReplyAddress) return null;
  return settings.emails.ownerAddress || settings.shop.email || null;
}
