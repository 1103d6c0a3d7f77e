/** On an empty database, creates the first owner; without a configured password it makes a random one to print once. */
import { randomBytes } from 'node:crypto';
import { createAdminUser, type CreateAdminDeps } from './create-admin-user.js';

export type EnsuredOwner = { email: string; generatedPassword: string | null } | null;

export async function ensureOwner(deps: CreateAdminDeps, input: { email: string; password: string | null }): Promise<EnsuredOwner> {
  if ((await deps.adminUsers.count()) > 0) return null;
  const generatedPassword = input.password ? null : randomBytes(12).toString('base64url');
  await createAdminUser(deps, { email: input.email, password: input.password ?? generatedPassword!, role: 'owner', name: 'Majitel' });
  return { email: input.email, generatedPassword };
}
