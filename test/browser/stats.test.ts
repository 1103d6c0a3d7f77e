import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DIALECTS } from '../support/databases.js';
import { signInAsOwner, startBrowserKramek } from '../support/browser.js';
import { bulkOrders } from '../../bench/support/bulk-orders.js';

describe('Statistiky in Chromium', () => {
  let session: Awaited<ReturnType<typeof startBrowserKramek>>;

  before(async () => {
    session = await startBrowserKramek(DIALECTS[0]!);
    await bulkOrders(session.kramek.core.db, { orders: 400, days: 60, seed: 11 });
  });
  after(() => session?.close());

  test('the charts are drawn on screen and in print, and a screenshot is kept', async () => {
    const page = await session.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems: string[] = [];
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    await signInAsOwner(page, session.base);
    await page.goto(`${session.base}/admin/statistiky`);
    assert.equal(await page.locator('h1').innerText(), 'Statistiky');

    const charts = page.locator('svg.chart');
    assert.equal(await charts.count(), 6);
    const drawn = async () =>
      page.$$eval('svg.chart', (svgs) =>
        svgs.map((svg) => {
          const box = svg.getBoundingClientRect();
          const marks = [...svg.querySelectorAll('.series rect, path.line, g > rect[fill="#1f5f99"]')].filter((el) => {
            const b = (el as SVGGraphicsElement).getBBox();
            return b.width > 0 && b.height > 0;
          });
          return { id: svg.querySelector('title')?.id, width: box.width, height: box.height, marks: marks.length, label: svg.getAttribute('aria-labelledby') };
        }),
      );
    const onScreen = await drawn();
    for (const chart of onScreen) {
      assert.ok(chart.width > 300 && chart.height > 40, `${chart.id} has a size (${chart.width}×${chart.height})`);
      assert.ok(chart.marks > 0, `${chart.id} draws bars or a line`);
      assert.ok(chart.label?.includes('-desc'), `${chart.id} names its title and description`);
    }
    assert.ok(onScreen.find((c) => c.id === 'chart-revenue-title')!.marks >= 30, 'a column per day and series');

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kramek-stats-shots-'));
    await page.screenshot({ path: path.join(dir, 'statistiky.png'), fullPage: true });
    assert.ok(fs.statSync(path.join(dir, 'statistiky.png')).size > 20_000);

    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('.admin-nav').isVisible(), false);
    assert.equal(await page.locator('.stats-filters').isVisible(), false);
    for (const chart of await drawn()) assert.ok(chart.marks > 0 && chart.width > 300, `${chart.id} still drawn in print`);
    await page.screenshot({ path: path.join(dir, 'statistiky-print.png'), fullPage: true });
    console.log(`screenshots in ${dir}`);

    await page.emulateMedia({ media: 'screen' });
    await page.getByRole('link', { name: 'Minulý měsíc' }).click();
    await page.waitForURL(/from=\d{4}-\d{2}-01/);
    assert.equal(await page.getByRole('link', { name: 'Minulý měsíc' }).getAttribute('aria-current'), 'true');
    assert.deepEqual(problems, []);
    if (!process.env.SCREENSHOT_DIR) fs.rmSync(dir, { recursive: true, force: true });
  });
});
