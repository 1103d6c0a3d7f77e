/** Kysely implementation of the settings port: a single versioned row, saved with its audit entry in one transaction. */
import type { SettingsRepo } from '../../services/settings/ports.js';
import { sql } from 'kysely';
import type { Db } from './kysely.js';

const ROW_ID = 1;

export function settingsRepo(db: Db): SettingsRepo {
  return {
    async load(unlessVersion) {
      const row = await db
        .selectFrom('settings')
        .select(['version', unlessVersion === undefined ? sql<string | null>`data`.as('data') : sql<string | null>`case when version = ${unlessVersion} then null else data end`.as('data')])
        .where('id', '=', ROW_ID)
        .executeTakeFirst();
      if (!row) return { data: null, version: 0 };
      return { data: row.data === null ? undefined : (JSON.parse(row.data) as unknown), version: row.version };
    },

    async save({ data, expectedVersion, actor, at, changes }) {
      return db.transaction().execute(async (trx) => {
        const values = { data: JSON.stringify(data), version: expectedVersion + 1, updated_at: at.toISOString(), updated_by: actor };
        const written =
          expectedVersion === 0
            ? await trx.insertInto('settings').values({ id: ROW_ID, ...values }).onConflict((oc) => oc.column('id').doNothing()).executeTakeFirst()
            : await trx.updateTable('settings').set(values).where('id', '=', ROW_ID).where('version', '=', expectedVersion).executeTakeFirst();
        const count = Number('numInsertedOrUpdatedRows' in written ? written.numInsertedOrUpdatedRows : written.numUpdatedRows);
        if (count !== 1) return false;
        await trx.insertInto('settings_audit').values({ at: at.toISOString(), actor, changes: JSON.stringify(changes) }).execute();
        return true;
      });
    },

    async auditLog(limit) {
      const rows = await db.selectFrom('settings_audit').selectAll().orderBy('id', 'desc').limit(limit).execute();
      return rows.map((r) => ({ id: r.id, at: r.at, actor: r.actor, changes: JSON.parse(r.changes) }));
    },

    async image(kind) {
      const row = await db.selectFrom('settings_images').selectAll().where('kind', '=', kind).executeTakeFirst();
      return row ? { contentType: row.content_type, data: Buffer.from(row.data), width: row.width, height: row.height, updatedAt: row.updated_at } : null;
    },

    async imageKinds() {
      const rows = await db.selectFrom('settings_images').select('kind').execute();
      return rows.map((r) => r.kind as 'logo' | 'stamp');
    },

    async saveImage(kind, image, audit) {
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('settings_images').where('kind', '=', kind).execute();
        if (image) {
          await trx
            .insertInto('settings_images')
            .values({ kind, content_type: image.contentType, data: image.data, width: image.width, height: image.height, updated_at: audit.at.toISOString() })
            .execute();
        }
        await trx.insertInto('settings_audit').values({ at: audit.at.toISOString(), actor: audit.actor, changes: JSON.stringify(audit.changes) }).execute();
      });
    },
  };
}
