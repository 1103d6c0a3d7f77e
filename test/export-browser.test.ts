import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { DIALECTS } from './support/databases.js';
import { signInAsOwner, startBrowserKramek } from './support/browser.js';
import { placeOrder, setUpShop } from './support/orders.js';
import { KRAMEK_XSD, xmllint } from './support/xml.js';

describe('the export page in Chromium', () => {
  let session: Awaited<ReturnType<typeof startBrowserKramek>>;

  before(async () => {
    session = await startBrowserKramek(DIALECTS[0]!);
    await setUpShop(session.kramek);
    for (let i = 0; i < 3; i++) await placeOrder(session.kramek);
  });
  after(() => session?.close());

  test('the range form downloads the stream with progress shown, then the file validates; it reads well on a phone', async () => {
    const page = await session.browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const consoleErrors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
    await signInAsOwner(page, session.base);
    await page.goto(`${session.base}/admin/objednavky/export`);
    await page.getByLabel('Formát').selectOption('kramek');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Stáhnout export' }).click()]);
    assert.match(download.suggestedFilename(), /^objednavky-\d{4}-\d{2}-\d{2}-kramek\.xml$/);
    await page.getByText('Hotovo – soubor je stažený.').waitFor();
    const file = path.join(session.shots(), 'stazeny-export.xml');
    await download.saveAs(file);
    const xml = fs.readFileSync(file, 'utf8');
    xmllint(xml, KRAMEK_XSD);
    assert.equal((xml.match(/<order /g) ?? []).length, 3);
    await page.screenshot({ path: path.join(session.shots(), 'export-desktop.png'), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: path.join(session.shots(), 'export-phone.png'), fullPage: true });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 1, `no sideways scrolling on a phone (${overflow}px)`);
    assert.deepEqual(consoleErrors, []);
  });
});
