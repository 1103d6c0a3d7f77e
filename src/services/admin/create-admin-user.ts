/** Creates an admin user (owner or staff) after validating the email, name and password. */
import { z } from 'zod';
import { DomainError } from '../../domain/errors.js';
import { isAdminRole, type AdminRole } from '../../domain/admin/roles.js';
import { normalizeEmail, passwordProblem } from '../../domain/admin/password-policy.js';
import type { AdminUser, AdminUserRepo, Clock, PasswordHasher } from '../ports.js';

export type CreateAdminDeps = { adminUsers: AdminUserRepo; hasher: PasswordHasher; clock: Clock };
export type NewAdmin = { email: string; password: string; role: AdminRole | string; name?: string; locale?: 'cs' | 'en' };

export async function createAdminUser(deps: CreateAdminDeps, input: NewAdmin): Promise<AdminUser> {
  const email = normalizeEmail(input.email);
  const fields: Record<string, string> = {};
  if (!z.email().safeParse(email).success) fields.email = 'email_invalid';
  const problem = passwordProblem(input.password);
  if (problem) fields.password = problem;
  if (!isAdminRole(input.role)) fields.role = 'role_invalid';
  if (Object.keys(fields).length > 0) throw new DomainError('validation', 'invalid admin user', fields);
  if (await deps.adminUsers.findByEmail(email)) throw new DomainError('conflict', 'email_taken', { email: 'email_taken' });

  return deps.adminUsers.insert({
    email,
    name: input.name?.trim() || email.split('@')[0]!,
    role: input.role as AdminRole,
    locale: input.locale ?? 'cs',
    passwordHash: await deps.hasher.hash(input.password),
    createdAt: deps.clock.now().toISOString(),
  });
}
