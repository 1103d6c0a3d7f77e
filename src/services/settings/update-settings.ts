/** Applies a partial change to the settings: validated as a whole, saved atomically with an audit entry, never half-applied. */
import { DomainError } from '../../domain/errors.js';
import { settingsSchema, type Settings } from '../../domain/settings/settings.js';
import { diffSettings, mergePatch, type Change } from '../../domain/settings/settings-patch.js';
import { fieldErrorsOf } from '../../domain/validation.js';
import { maskedChanges, withoutMaskedSecrets } from '../../domain/settings/secrets.js';
import type { Clock } from '../ports.js';
import type { SettingsRepo } from './ports.js';
import { getSettingsWithVersion } from './get-settings.js';

export type UpdateSettingsDeps = { settings: SettingsRepo; clock: Clock };

const MAX_ATTEMPTS = 3;

export async function updateSettings(deps: UpdateSettingsDeps, input: { patch: unknown; actor: string }): Promise<{ settings: Settings; changes: Change[] }> {
  if (typeof input.patch !== 'object' || input.patch === null || Array.isArray(input.patch)) {
    throw new DomainError('validation', 'settings patch must be an object', { _: 'invalid_type' });
  }
  // A credential sent back as it was shown (masked) is left as stored.
  const patch = withoutMaskedSecrets(input.patch);
  // Another admin may save at the same moment: re-read and re-apply on top of their change.
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const { settings: current, version } = await getSettingsWithVersion(deps);
    const parsed = settingsSchema.safeParse(mergePatch(current, patch));
    if (!parsed.success) throw new DomainError('validation', 'invalid settings', fieldErrorsOf(parsed.error));
    // The history never holds a credential: its values are masked before they are written.
    const changes = maskedChanges(diffSettings(current, parsed.data));
    if (changes.length === 0) return { settings: current, changes };
    const saved = await deps.settings.save({ data: parsed.data, expectedVersion: version, actor: input.actor, at: deps.clock.now(), changes });
    if (saved) return { settings: parsed.data, changes };
  }
  throw new DomainError('conflict', 'settings changed concurrently');
}

/** Checks a patch the way a save would, without saving (template previews). */
export async function validateSettingsPatch(deps: { settings: SettingsRepo }, patch: unknown): Promise<void> {
  const { settings: current } = await getSettingsWithVersion(deps);
  const parsed = settingsSchema.safeParse(mergePatch(current, withoutMaskedSecrets(patch)));
  if (!parsed.success) throw new DomainError('validation', 'invalid settings', fieldErrorsOf(parsed.error));
}
