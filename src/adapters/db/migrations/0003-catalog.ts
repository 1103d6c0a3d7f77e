/** The catalogue: category tree, products, variants, images, and full-text search (SQLite FTS5 / PostgreSQL tsvector). */
import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../kysely.js';
import { instant, notNull, withId } from './columns.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = isPostgres(db);
  await withId(db, db.schema.createTable('categories'))
    .addColumn('parent_id', pg ? 'bigint' : 'integer', (c) => c.references('categories.id').onDelete('set null'))
    .addColumn('name', 'varchar(200)', notNull)
    .addColumn('slug', 'varchar(160)', (c) => c.notNull().unique())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('visible', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', instant(db), notNull)
    .addColumn('updated_at', instant(db), notNull)
    .execute();
  await db.schema.createIndex('categories_parent_position').on('categories').columns(['parent_id', 'position']).execute();

  await withId(db, db.schema.createTable('products'))
    .addColumn('name', 'varchar(200)', notNull)
    .addColumn('slug', 'varchar(160)', (c) => c.notNull().unique())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('description_html', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('vat_rate', 'integer', notNull)
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('min_price', pg ? 'bigint' : 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('stock_total', pg ? 'bigint' : 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('search_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', instant(db), notNull)
    .addColumn('updated_at', instant(db), notNull)
    .execute();
  // Keyset paging and sorting in the admin list and the storefront, each ending in id so the order is total.
  await db.schema.createIndex('products_name_id').on('products').columns(['name', 'id']).execute();
  await db.schema.createIndex('products_price_id').on('products').columns(['min_price', 'id']).execute();
  await db.schema.createIndex('products_stock_id').on('products').columns(['stock_total', 'id']).execute();
  await db.schema.createIndex('products_active_id').on('products').columns(['active', 'id']).execute();

  await db.schema
    .createTable('product_categories')
    .addColumn('product_id', pg ? 'bigint' : 'integer', (c) => c.notNull().references('products.id').onDelete('cascade'))
    .addColumn('category_id', pg ? 'bigint' : 'integer', (c) => c.notNull().references('categories.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('product_categories_pk', ['product_id', 'category_id'])
    .execute();
  await db.schema.createIndex('product_categories_category').on('product_categories').columns(['category_id', 'product_id']).execute();

  await withId(db, db.schema.createTable('variants'))
    .addColumn('product_id', pg ? 'bigint' : 'integer', (c) => c.notNull().references('products.id').onDelete('cascade'))
    .addColumn('sku', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('name', 'varchar(100)', (c) => c.notNull().defaultTo(''))
    .addColumn('price', pg ? 'bigint' : 'integer', notNull)
    .addColumn('compare_at_price', pg ? 'bigint' : 'integer')
    .addColumn('stock', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('weight_grams', 'integer')
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('variants_product').on('variants').columns(['product_id', 'position']).execute();

  await withId(db, db.schema.createTable('product_images'))
    .addColumn('product_id', pg ? 'bigint' : 'integer', (c) => c.notNull().references('products.id').onDelete('cascade'))
    .addColumn('key', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('width', 'integer', notNull)
    .addColumn('height', 'integer', notNull)
    .addColumn('format', 'varchar(8)', notNull)
    .addColumn('alt', 'varchar(200)', (c) => c.notNull().defaultTo(''))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', instant(db), notNull)
    .execute();
  await db.schema.createIndex('product_images_product').on('product_images').columns(['product_id', 'position']).execute();

  if (pg) {
    // search_text is folded (lower case, no diacritics) by the application, so no extension is needed.
    await sql`alter table products add column search_vector tsvector generated always as (to_tsvector('simple', search_text)) stored`.execute(db);
    await sql`create index products_search on products using gin (search_vector)`.execute(db);
  } else {
    await sql`create virtual table products_fts using fts5(search_text, content='products', content_rowid='id', tokenize='unicode61 remove_diacritics 2', prefix='2 3 4')`.execute(db);
    await sql`create trigger products_fts_insert after insert on products begin
      insert into products_fts(rowid, search_text) values (new.id, new.search_text); end`.execute(db);
    await sql`create trigger products_fts_delete after delete on products begin
      insert into products_fts(products_fts, rowid, search_text) values ('delete', old.id, old.search_text); end`.execute(db);
    await sql`create trigger products_fts_update after update of search_text on products begin
      insert into products_fts(products_fts, rowid, search_text) values ('delete', old.id, old.search_text);
      insert into products_fts(rowid, search_text) values (new.id, new.search_text); end`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (!isPostgres(db)) await sql`drop table if exists products_fts`.execute(db);
  for (const table of ['product_images', 'variants', 'product_categories', 'products', 'categories']) await db.schema.dropTable(table).execute();
}
