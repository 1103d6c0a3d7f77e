/**
 * Feeds benchmark: BENCH_PRODUCTS products (default 20 000, two variants and an image each) in SQLite; each feed is
 * generated into its file and read back once, then served from the kept file. Prints the time, the file's size and the
 * process's peak RSS growth beside the target (memory stays flat: the feed is streamed, never held whole).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config/env.js';
import { openCore } from '../src/main.js';
import { migrateToLatest } from '../src/adapters/db/migrate.js';
import type { FeedId } from '../src/domain/feeds/feed-item.js';

const PRODUCTS = Number(process.env.BENCH_PRODUCTS ?? 20_000);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kramek-bench-feeds-'));
const core = openCore(loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', SEED_DEMO: '0', ADMIN_PASSWORD: 'bench-password-1' }));
await migrateToLatest(core.db);
const category = await core.services.createCategory({ name: 'Čaj', slug: 'caj', description: '', parentId: null, visible: true });
const now = new Date().toISOString();
await core.db.transaction().execute(async (trx) => {
  for (let start = 0; start < PRODUCTS; start += 500) {
    const count = Math.min(500, PRODUCTS - start);
    const ids = await trx
      .insertInto('products')
      .values(Array.from({ length: count }, (_, k) => ({ name: `Čaj ${start + k} & spol.`, slug: `caj-${start + k}`, description: 'Popis.', description_html: `<p>Popis čaje ${start + k}, <strong>zelený</strong>.</p>`, vat_rate: 12, active: 1, min_price: 9900, stock_total: 10, search_text: '', created_at: now, updated_at: now, manufacturer: 'Čajovna' })))
      .returning('id')
      .execute();
    await trx.insertInto('variants').values(ids.flatMap(({ id }, k) => [0, 1].map((v) => ({ product_id: id, sku: `C-${start + k}-${v}`, name: v ? '250 g' : '100 g', price: 9900 * (v + 1), stock: (start + k) % 7 === 0 ? 0 : 10, position: v, ean: null })))).execute();
    await trx.insertInto('product_images').values(ids.map(({ id }) => ({ product_id: id, key: id.toString(16).padStart(24, '0'), width: 800, height: 800, format: 'jpeg', alt: '', position: 0, created_at: now }))).execute();
    await trx.insertInto('product_categories').values(ids.map(({ id }) => ({ product_id: id, category_id: category.id, position: 0 }))).execute();
  }
});

let peak = 0;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
const drain = async (stream: NodeJS.ReadableStream) => {
  let bytes = 0;
  for await (const chunk of stream) bytes += (chunk as Buffer).length;
  return bytes;
};
console.log(`${PRODUCTS} products, ${PRODUCTS * 2} feed items`);
for (const id of ['heureka', 'zbozi', 'google'] as FeedId[]) {
  global.gc?.();
  const base = process.memoryUsage().rss;
  peak = base;
  const started = performance.now();
  const validator = await core.services.feedValidator(id);
  const generated = await core.services.openFeed(id, validator, (image) => `/media/zbozi/${image.key}.${image.format}`);
  const bytes = await drain(generated.stream);
  const generatedMs = performance.now() - started;
  const again = performance.now();
  await drain((await core.services.openFeed(id, await core.services.feedValidator(id), () => '')).stream);
  console.log(`${id}: generated in ${(generatedMs / 1000).toFixed(2)} s, ${(bytes / 1024 / 1024).toFixed(1)} MB; served again from the kept file in ${(performance.now() - again).toFixed(0)} ms; RSS growth ${((peak - base) / 1024 / 1024).toFixed(0)} MB (target: flat, well under the file's size)`);
}
clearInterval(sampler);
await core.close();
fs.rmSync(dataDir, { recursive: true, force: true });
