/** The Configuration use cases bound to their dependencies (spread into the services object). */
import { onboardingState } from '../../domain/settings/onboarding.js';
import type { Clock, Mailer } from '../ports.js';
import type { DocumentImageKind, DocumentImageProcessor, OnboardingCounts, SettingsRepo } from './ports.js';
import { getSettings, getSettingsWithVersion } from './get-settings.js';
import { updateSettings, validateSettingsPatch } from './update-settings.js';
import { removeDocumentImage, uploadDocumentImage } from './document-images.js';
import { sendTestEmail } from './send-test-email.js';

export type SettingsPorts = {
  clock: Clock;
  settings: SettingsRepo;
  documentImages: DocumentImageProcessor;
  onboardingCounts: OnboardingCounts;
  mailer: Mailer;
  publicUrl: string;
};

export function settingsServices(ports: SettingsPorts) {
  const imageDeps = { settings: ports.settings, images: ports.documentImages, clock: ports.clock };
  return {
    getSettings: () => getSettings(ports),
    getSettingsWithVersion: () => getSettingsWithVersion(ports),
    updateSettings: (input: { patch: unknown; actor: string }) => updateSettings(ports, input),
    validateSettingsPatch: (patch: unknown) => validateSettingsPatch(ports, patch),
    settingsAuditLog: (limit = 100) => ports.settings.auditLog(limit),
    documentImage: (kind: DocumentImageKind) => ports.settings.image(kind),
    documentImageKinds: () => ports.settings.imageKinds(),
    uploadDocumentImage: (input: { kind: DocumentImageKind; bytes: Buffer; actor: string }) => uploadDocumentImage(imageDeps, input),
    removeDocumentImage: (input: { kind: DocumentImageKind; actor: string }) => removeDocumentImage(imageDeps, input),
    sendTestEmail: (input: { to: string; locale: 'cs' | 'en' }) => sendTestEmail(ports, input),
    mailTransport: () => ports.mailer.kind,
    async onboarding() {
      const c = ports.onboardingCounts;
      const [settings, categories, products, publishedPages, orders] = await Promise.all([getSettings(ports), c.categories(), c.products(), c.publishedPages(), c.orders()]);
      return onboardingState({ settings, categories, products, publishedPages, orders });
    },
  };
}
