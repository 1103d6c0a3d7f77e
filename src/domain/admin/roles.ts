/** Admin roles: the owner may do everything, staff everything but Configuration and user management. */
export const ADMIN_ROLES = ['owner', 'staff'] as const;
export type AdminRole = (typeof ADMIN_ROLES)[number];

export const isAdminRole = (value: unknown): value is AdminRole => ADMIN_ROLES.includes(value as AdminRole);

export function roleAllows(role: AdminRole, required: AdminRole): boolean {
  return required === 'staff' || role === 'owner';
}
