/**
 * A revision number on every product that the database itself raises whenever anything its page shows changes: the
 * product row (stock totals included, which every stock change updates), its variants, images and categories. Being
 * triggers, no write path (admin, CSV import, orders, another app server) can forget it; the storefront keeps
 * rendered product pages for as long as the revision stays the same.
 */
import { sql, type Kysely } from 'kysely';
import { isPostgres, type Db } from '../kysely.js';

// A variant's stock alone is left out: every stock change also updates its product's stock total, which raises the
// revision, so an order does not update the product row twice.
const VARIANT_COLUMNS = 'product_id, sku, name, price, compare_at_price, weight_grams, position';
const CHILDREN = ['variants', 'product_images', 'product_categories'] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('products').addColumn('revision', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  if (isPostgres(db as Db)) {
    await sql`create function kramek_product_revision() returns trigger language plpgsql as $$
      begin new.revision := old.revision + 1; return new; end $$`.execute(db);
    await sql`create trigger products_revision before update on products for each row
      when (new.revision = old.revision) execute function kramek_product_revision()`.execute(db);
    await sql`create function kramek_product_child_changed() returns trigger language plpgsql as $$
      begin
        if tg_op <> 'INSERT' then update products set revision = revision + 1 where id = old.product_id; end if;
        if tg_op <> 'DELETE' then update products set revision = revision + 1 where id = new.product_id; end if;
        return null;
      end $$`.execute(db);
    for (const table of CHILDREN) {
      const update = table === 'variants' ? `update of ${VARIANT_COLUMNS}` : 'update';
      await sql`create trigger ${sql.raw(`${table}_product_revision`)} after insert or ${sql.raw(update)} or delete on ${sql.table(table)}
        for each row execute function kramek_product_child_changed()`.execute(db);
    }
    return;
  }
  // SQLite runs no trigger from inside a trigger (recursive triggers are off), so the product's own trigger does not
  // fire again for the update it makes.
  await sql`create trigger products_revision after update on products when new.revision = old.revision
    begin update products set revision = old.revision + 1 where id = new.id; end`.execute(db);
  for (const table of CHILDREN) {
    const bump = (row: 'new' | 'old') => `update products set revision = revision + 1 where id = ${row}.product_id;`;
    const update = table === 'variants' ? `update of ${VARIANT_COLUMNS}` : 'update';
    await sql.raw(`create trigger ${table}_insert_revision after insert on ${table} begin ${bump('new')} end`).execute(db);
    await sql.raw(`create trigger ${table}_update_revision after ${update} on ${table} begin ${bump('old')} ${bump('new')} end`).execute(db);
    await sql.raw(`create trigger ${table}_delete_revision after delete on ${table} begin ${bump('old')} end`).execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (isPostgres(db as Db)) {
    await sql`drop trigger if exists products_revision on products`.execute(db);
    for (const table of CHILDREN) await sql`drop trigger if exists ${sql.raw(`${table}_product_revision`)} on ${sql.table(table)}`.execute(db);
    await sql`drop function if exists kramek_product_child_changed()`.execute(db);
    await sql`drop function if exists kramek_product_revision()`.execute(db);
  } else {
    await sql`drop trigger if exists products_revision`.execute(db);
    for (const table of CHILDREN) for (const op of ['insert', 'update', 'delete']) await sql.raw(`drop trigger if exists ${table}_${op}_revision`).execute(db);
  }
  await db.schema.alterTable('products').dropColumn('revision').execute();
}
