/** What the Configuration use cases need from storage, image processing and the rest of the shop. */
import type { Settings } from '../../domain/settings/settings.js';

export type SettingsChange = { path: string; from: unknown; to: unknown };
export type SettingsAuditEntry = { id: number; at: string; actor: string; changes: SettingsChange[] };
export type DocumentImageKind = 'logo' | 'stamp';
export type StoredImage = { contentType: string; data: Buffer; width: number; height: number; updatedAt: string };

export interface SettingsRepo {
  /**
   * The stored document (unparsed, it may predate newer fields) and its version; version 0 when none is stored.
   * With `unlessVersion`, a document still at that version comes back as `data: undefined` (neither read nor parsed).
   */
  load(unlessVersion?: number): Promise<{ data: unknown; version: number }>;
  /** Saves only if the stored version is still `expectedVersion`; false when another change came first. */
  save(input: { data: Settings; expectedVersion: number; actor: string; at: Date; changes: SettingsChange[] }): Promise<boolean>;
  auditLog(limit: number): Promise<SettingsAuditEntry[]>;
  image(kind: DocumentImageKind): Promise<StoredImage | null>;
  imageKinds(): Promise<DocumentImageKind[]>;
  saveImage(kind: DocumentImageKind, image: Omit<StoredImage, 'updatedAt'> | null, audit: { actor: string; at: Date; changes: SettingsChange[] }): Promise<void>;
}

export interface DocumentImageProcessor {
  /** Checks the bytes really are a JPEG, PNG or WebP image and returns it as a PNG (what PDFs embed), at most 1200 px wide. */
  normalize(bytes: Buffer): Promise<{ png: Buffer; width: number; height: number } | null>;
}

/** Counts the seven-steps home page shows, each from its own area's data. */
export type OnboardingCounts = {
  categories(): Promise<number>;
  products(): Promise<number>;
  publishedPages(): Promise<number>;
  orders(): Promise<number>;
};
