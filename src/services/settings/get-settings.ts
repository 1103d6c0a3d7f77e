/** The current settings: the stored document read through the schema (so fields added since get their defaults). */
import { defaultSettings, settingsSchema, type Settings } from '../../domain/settings/settings.js';
import type { SettingsRepo } from './ports.js';

// Every page reads the settings (so a change shows at once on every server); the validated form is kept per
// stored version, so only a new version is read in full and parsed again.
const parsedByRepo = new WeakMap<SettingsRepo, { version: number; settings: Settings }>();

export async function getSettingsWithVersion(deps: { settings: SettingsRepo }): Promise<{ settings: Settings; version: number }> {
  const cached = parsedByRepo.get(deps.settings);
  const { data, version } = await deps.settings.load(cached?.version);
  if (data === null) return { settings: defaultSettings(), version };
  if (cached && (data === undefined || cached.version === version)) return { settings: structuredClone(cached.settings), version };
  const parsed = settingsSchema.safeParse(data);
  // A stored document is always valid when written; should a later rule tighten, keep serving what is stored.
  const settings = parsed.success ? parsed.data : (data as Settings);
  parsedByRepo.set(deps.settings, { version, settings });
  return { settings: structuredClone(settings), version };
}

export async function getSettings(deps: { settings: SettingsRepo }): Promise<Settings> {
  return (await getSettingsWithVersion(deps)).settings;
}
