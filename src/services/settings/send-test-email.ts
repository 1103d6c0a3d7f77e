/** The "send test email" button: the test template, sent at once (not through the outbox) so the owner sees the result. */
import { randomUUID } from 'node:crypto';
import { DomainError } from '../../domain/errors.js';
import { renderTemplate } from '../../domain/settings/email-templates.js';
import type { Mailer } from '../ports.js';
import type { SettingsRepo } from './ports.js';
import { getSettings } from './get-settings.js';
import { senderAddress } from './sender-address.js';

export async function sendTestEmail(
  deps: { settings: SettingsRepo; mailer: Mailer; publicUrl: string },
  input: { to: string; locale: 'cs' | 'en' },
): Promise<{ transport: Mailer['kind'] }> {
  const settings = await getSettings(deps);
  const rendered = renderTemplate(settings.emails.templates.test_email[input.locale], { shopName: settings.shop.name });
  try {
    await deps.mailer.send({
      messageId: `<test-${randomUUID()}@${new URL(deps.publicUrl).hostname}>`,
      from: senderAddress(settings),
      to: input.to,
      ...rendered,
    });
  } catch (error) {
    throw new DomainError('mail_failed', error instanceof Error ? error.message : String(error), undefined, { cause: error });
  }
  return { transport: deps.mailer.kind };
}
