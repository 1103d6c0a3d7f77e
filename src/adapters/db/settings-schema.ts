/** Configuration tables as Kysely sees them. */
import type { Generated } from 'kysely';

export interface SettingsTables {
  settings: { id: number; data: string; version: number; updated_at: string; updated_by: string };
  settings_audit: { id: Generated<number>; at: string; actor: string; changes: string };
  settings_images: { kind: string; content_type: string; data: Buffer; width: number; height: number; updated_at: string };
}
