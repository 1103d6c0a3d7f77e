/** The customer's own settings: contact details and addresses, and a password change that asks for the current one. */
import { DomainError } from '../../domain/errors.js';
import { passwordProblem } from '../../domain/admin/password-policy.js';
import { profileFieldOf, profileFromForm, profileInputSchema } from '../../domain/accounts/profile-input.js';
import { fieldErrorsOf } from '../../domain/validation.js';
import type { Clock, PasswordHasher } from '../ports.js';
import type { AccountRepo } from './ports.js';

export async function updateCustomerProfile(deps: { accounts: AccountRepo; clock: Clock }, customerId: number, form: Record<string, string>): Promise<void> {
  const parsed = profileInputSchema.safeParse(profileFromForm(form));
  if (!parsed.success) {
    const fields = Object.fromEntries(Object.entries(fieldErrorsOf(parsed.error)).map(([path, code]) => [profileFieldOf(path), code]));
    throw new DomainError('validation', 'profile', fields);
  }
  await deps.accounts.updateProfile(customerId, parsed.data, deps.clock.now());
}

export async function changeCustomerPassword(deps: { accounts: AccountRepo; hasher: PasswordHasher; clock: Clock }, input: { customerId: number; currentPassword: string; newPassword: string }): Promise<void> {
  const customer = await deps.accounts.findById(input.customerId);
  if (!customer) throw new DomainError('not_found');
  if (!customer.passwordHash || !(await deps.hasher.verify(customer.passwordHash, input.currentPassword))) throw new DomainError('validation', 'password', { currentPassword: 'password_wrong' });
  const problem = passwordProblem(input.newPassword);
  if (problem) throw new DomainError('validation', 'password', { newPassword: problem });
  await deps.accounts.setPassword(customer.id, await deps.hasher.hash(input.newPassword), deps.clock.now());
}
