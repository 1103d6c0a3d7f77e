/** Kysely implementation of the category port: the tree, positions, and deleting with a choice for the products. */
import type { Selectable } from 'kysely';
import type { Category, CategoryRepo } from '../../services/catalog/ports.js';
import type { CategoriesTable } from './catalog-schema.js';
import { rethrowUnique } from './catalog-unique.js';
import type { Db } from './kysely.js';

export const toCategory = (r: Selectable<CategoriesTable>): Category => ({
  id: r.id,
  parentId: r.parent_id,
  name: r.name,
  slug: r.slug,
  description: r.description,
  position: r.position,
  visible: r.visible === 1,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export function categoryRepo(db: Db): CategoryRepo {
  const findById = async (id: number) => {
    const row = await db.selectFrom('categories').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toCategory(row) : null;
  };
  return {
    async all() {
      return (await db.selectFrom('categories').selectAll().orderBy('position').orderBy('id').execute()).map(toCategory);
    },
    findById,
    async slugTaken(slug, exceptId) {
      let query = db.selectFrom('categories').select('id').where('slug', '=', slug);
      if (exceptId !== undefined) query = query.where('id', '!=', exceptId);
      return !!(await query.executeTakeFirst());
    },
    async insert(input, at) {
      const row = await db
        .insertInto('categories')
        .values({
          parent_id: input.parentId,
          name: input.name,
          slug: input.slug,
          description: input.description,
          position: input.position,
          visible: input.visible ? 1 : 0,
          created_at: at.toISOString(),
          updated_at: at.toISOString(),
        })
        .returningAll()
        .executeTakeFirstOrThrow()
        .catch(rethrowUnique);
      return toCategory(row);
    },
    async update(id, input, at) {
      await db
        .updateTable('categories')
        .set({
          ...(input.name !== undefined && { name: input.name }),
          ...(input.slug !== undefined && { slug: input.slug }),
          ...(input.description !== undefined && { description: input.description }),
          ...(input.parentId !== undefined && { parent_id: input.parentId }),
          ...(input.visible !== undefined && { visible: input.visible ? 1 : 0 }),
          ...(input.position !== undefined && { position: input.position }),
          updated_at: at.toISOString(),
        })
        .where('id', '=', id)
        .execute()
        .catch(rethrowUnique);
      return (await findById(id))!;
    },
    async setPositions(positions) {
      await db.transaction().execute(async (trx) => {
        for (const p of positions) await trx.updateTable('categories').set({ position: p.position }).where('id', '=', p.id).execute();
      });
    },
    async productCount(categoryIds) {
      if (categoryIds.length === 0) return 0;
      const row = await db
        .selectFrom('product_categories')
        .select((eb) => eb.fn.count<number>('product_id').distinct().as('n'))
        .where('category_id', 'in', categoryIds)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    async productCounts() {
      const rows = await db
        .selectFrom('product_categories')
        .select(['category_id', (eb) => eb.fn.countAll<number>().as('n')])
        .groupBy('category_id')
        .execute();
      return new Map(rows.map((r) => [r.category_id, Number(r.n)]));
    },
    async delete(id, moveTo) {
      await db.transaction().execute(async (trx) => {
        const category = await trx.selectFrom('categories').select(['parent_id']).where('id', '=', id).executeTakeFirst();
        if (!category) return;
        if (moveTo !== null) {
          // Products already in the target keep their one link; the others move there.
          const linked = trx.selectFrom('product_categories as t').select('t.product_id').where('t.category_id', '=', moveTo);
          await trx.updateTable('product_categories').set({ category_id: moveTo }).where('category_id', '=', id).where('product_id', 'not in', linked).execute();
        }
        await trx.deleteFrom('product_categories').where('category_id', '=', id).execute();
        await trx.updateTable('categories').set({ parent_id: category.parent_id }).where('parent_id', '=', id).execute();
        await trx.deleteFrom('categories').where('id', '=', id).execute();
      });
    },
  };
}
