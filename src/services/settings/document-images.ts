/** The logo and the stamp with signature shown on order documents: replaced or removed by the owner, recorded in the audit log. */
import { DomainError } from '../../domain/errors.js';
import type { Clock } from '../ports.js';
import type { DocumentImageKind, DocumentImageProcessor, SettingsRepo } from './ports.js';

export const MAX_DOCUMENT_IMAGE_BYTES = 2 * 1024 * 1024;

export type DocumentImageDeps = { settings: SettingsRepo; images: DocumentImageProcessor; clock: Clock };

export async function uploadDocumentImage(deps: DocumentImageDeps, input: { kind: DocumentImageKind; bytes: Buffer; actor: string }): Promise<void> {
  if (input.bytes.length === 0) throw new DomainError('validation', 'no file', { [input.kind]: 'file_required' });
  if (input.bytes.length > MAX_DOCUMENT_IMAGE_BYTES) throw new DomainError('validation', 'file too large', { [input.kind]: 'image_too_large' });
  const image = await deps.images.normalize(input.bytes);
  if (!image) throw new DomainError('validation', 'not an image', { [input.kind]: 'image_invalid' });
  await deps.settings.saveImage(
    input.kind,
    { contentType: 'image/png', data: image.png, width: image.width, height: image.height },
    { actor: input.actor, at: deps.clock.now(), changes: [{ path: `documents.${input.kind}`, from: null, to: `${image.width}×${image.height} px` }] },
  );
}

export async function removeDocumentImage(deps: DocumentImageDeps, input: { kind: DocumentImageKind; actor: string }): Promise<void> {
  await deps.settings.saveImage(input.kind, null, { actor: input.actor, at: deps.clock.now(), changes: [{ path: `documents.${input.kind}`, from: 'image', to: null }] });
}
