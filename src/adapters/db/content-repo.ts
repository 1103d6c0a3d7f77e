/** Kysely implementation of the content-page port; lists page by id (keyset) and search by title or slug. */
import { sql, type Selectable } from 'kysely';
import type { ContentPage } from '../../domain/content/page.js';
import type { PageRecord, PageRepo } from '../../services/content/ports.js';
import type { ContentTables } from './content-schema.js';
import type { Db } from './kysely.js';

type Row = Selectable<ContentTables['pages']>;

const toPage = (r: Row): ContentPage => ({
  id: r.id,
  slug: r.slug,
  title: r.title,
  body: r.body,
  bodyHtml: r.body_html,
  published: r.published === 1,
  isTemplate: r.is_template === 1,
  inMenu: r.in_menu === 1,
  inFooter: r.in_footer === 1,
  position: r.position,
  updatedAt: r.updated_at,
});

const toRow = (p: PageRecord) => ({
  slug: p.slug,
  title: p.title,
  body: p.body,
  body_html: p.bodyHtml,
  published: p.published ? 1 : 0,
  is_template: p.isTemplate ? 1 : 0,
  in_menu: p.inMenu ? 1 : 0,
  in_footer: p.inFooter ? 1 : 0,
  position: p.position,
});

export function pageRepo(db: Db): PageRepo {
  return {
    async list({ q, limit, cursor }) {
      let query = db.selectFrom('pages').selectAll().orderBy('id', 'asc').limit(limit + 1);
      if (cursor) query = query.where('id', '>', cursor);
      if (q) {
        const like = `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        query = query.where(sql<boolean>`(lower(title) like ${like} escape '\\' or slug like ${like} escape '\\')`);
      }
      const rows = await query.execute();
      const items = rows.slice(0, limit).map(toPage);
      return { items, nextCursor: rows.length > limit ? items[items.length - 1]!.id : null };
    },
    async byId(id) {
      const row = await db.selectFrom('pages').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toPage(row) : null;
    },
    async bySlug(slug) {
      const row = await db.selectFrom('pages').selectAll().where('slug', '=', slug).executeTakeFirst();
      return row ? toPage(row) : null;
    },
    async insert(page, at) {
      const row = await db
        .insertInto('pages')
        .values({ ...toRow(page), created_at: at.toISOString(), updated_at: at.toISOString() })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toPage(row);
    },
    async update(id, page, at) {
      const row = await db.updateTable('pages').set({ ...toRow(page), updated_at: at.toISOString() }).where('id', '=', id).returningAll().executeTakeFirst();
      return row ? toPage(row) : null;
    },
    async delete(id) {
      const result = await db.deleteFrom('pages').where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
    async linked(where) {
      return db
        .selectFrom('pages')
        .select(['slug', 'title'])
        .where('published', '=', 1)
        .where(where === 'menu' ? 'in_menu' : 'in_footer', '=', 1)
        .orderBy('position')
        .orderBy('id')
        .execute();
    },
    async countPublished() {
      const row = await db.selectFrom('pages').select((eb) => eb.fn.countAll<number>().as('n')).where('published', '=', 1).executeTakeFirstOrThrow();
      return Number(row.n);
    },
  };
}
