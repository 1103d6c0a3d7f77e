/** Turns a unique-constraint violation from either database into the conflict a service would have reported. */
import { DomainError } from '../../domain/errors.js';

export function rethrowUnique(error: unknown): never {
  const e = error as { code?: string; message?: string; detail?: string; constraint?: string };
  const text = `${e.message ?? ''} ${e.detail ?? ''} ${e.constraint ?? ''}`;
  if (e.code === 'SQLITE_CONSTRAINT_UNIQUE' || e.code === '23505') {
    const field = /sku/.test(text) ? 'sku' : 'slug';
    throw new DomainError('conflict', `${field} taken`, { [field]: `${field}_taken` }, { cause: error });
  }
  throw error;
}
