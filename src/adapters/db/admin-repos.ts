/** Kysely implementations of the admin users, sign-in attempts and API token ports. */
import type { Selectable } from 'kysely';
import type { AdminUser, AdminUserRepo, ApiTokenRepo, SignInAttemptRepo } from '../../services/ports.js';
import type { Db } from './kysely.js';
import type { AdminUsersTable } from './admin-schema.js';

const toAdminUser = (row: Selectable<AdminUsersTable>): AdminUser => ({
  id: row.id,
  email: row.email,
  name: row.name,
  role: row.role,
  locale: row.locale,
  disabled: row.disabled === 1,
  passwordHash: row.password_hash,
  createdAt: row.created_at,
});

export function adminUserRepo(db: Db): AdminUserRepo {
  return {
    async findByEmail(email) {
      const row = await db.selectFrom('admin_users').selectAll().where('email', '=', email).executeTakeFirst();
      return row ? toAdminUser(row) : null;
    },
    async findById(id) {
      const row = await db.selectFrom('admin_users').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toAdminUser(row) : null;
    },
    async count() {
      const row = await db.selectFrom('admin_users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      return Number(row.n);
    },
    async insert(user) {
      const row = await db
        .insertInto('admin_users')
        .values({ email: user.email, name: user.name, role: user.role, locale: user.locale, password_hash: user.passwordHash, created_at: user.createdAt })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toAdminUser(row);
    },
  };
}

export function signInAttemptRepo(db: Db): SignInAttemptRepo {
  const failures = async (column: 'email' | 'ip', value: string, since: Date) => {
    const row = await db
      .selectFrom('sign_in_attempts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where(column, '=', value)
      .where('at', '>=', since.toISOString())
      .where('succeeded', '=', 0)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  };
  return {
    async failuresSince(since, email, ip) {
      return { account: await failures('email', email, since), address: await failures('ip', ip, since) };
    },
    async record(attempt) {
      await db
        .insertInto('sign_in_attempts')
        .values({ email: attempt.email, ip: attempt.ip, succeeded: attempt.succeeded ? 1 : 0, at: attempt.at.toISOString() })
        .execute();
    },
  };
}

export function apiTokenRepo(db: Db): ApiTokenRepo {
  return {
    async insert(token) {
      const row = await db
        .insertInto('api_tokens')
        .values({ name: token.name, token_hash: token.tokenHash, role: token.role, created_at: token.createdAt.toISOString() })
        .returning(['id', 'name', 'role', 'created_at', 'last_used_at'])
        .executeTakeFirstOrThrow();
      return { id: row.id, name: row.name, role: row.role, createdAt: row.created_at, lastUsedAt: row.last_used_at };
    },
    async findByHash(tokenHash) {
      const row = await db.selectFrom('api_tokens').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
      return row ? { id: row.id, name: row.name, role: row.role, createdAt: row.created_at, lastUsedAt: row.last_used_at } : null;
    },
    async touch(id, at) {
      await db.updateTable('api_tokens').set({ last_used_at: at.toISOString() }).where('id', '=', id).execute();
    },
  };
}
