import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { DIALECTS } from '../support/databases.js';
import { OWNER } from '../support/kramek.js';
import { startBrowserKramek } from '../support/browser.js';

const SEVEN_PANELS = ['Objednávky', 'Zboží', 'Kategorie', 'Zákazníci', 'Konfigurace', 'Obsah', 'Statistiky'];

describe('admin in Chromium', () => {
  let session: Awaited<ReturnType<typeof startBrowserKramek>>;
  let base: string;
  const shots = () => session.shots();

  before(async () => {
    session = await startBrowserKramek(DIALECTS[0]!);
    base = session.base;
  });
  after(() => session?.close());

  test('the owner signs in and sees the seven panels, on desktop and phone widths', async () => {
    const page = await session.browser.newPage({ viewport: { width: 1280, height: 800 } });
    const consoleErrors: string[] = [];
    // The refused sign-in answers 401 on purpose; anything else logged as an error is a fault.
    page.on('console', (m) => m.type() === 'error' && !/status of 401/.test(m.text()) && consoleErrors.push(m.text()));
    await page.goto(`${base}/admin`);
    assert.ok(page.url().endsWith('/admin/prihlaseni?next=%2Fadmin'), page.url());
    await page.getByLabel('E-mail').fill(OWNER.email);
    await page.getByLabel('Heslo').fill('spatne-heslo-123');
    await page.getByRole('button', { name: 'Přihlásit se' }).click();
    assert.match(await page.getByRole('alert').innerText(), /E-mail nebo heslo nesouhlasí/);

    await page.getByLabel('Heslo').fill(OWNER.password);
    await page.getByRole('button', { name: 'Přihlásit se' }).click();
    await page.waitForURL(`${base}/admin`);
    const nav = page.getByRole('navigation', { name: 'Hlavní navigace' });
    assert.deepEqual((await nav.getByRole('link').allInnerTexts()).map((s) => s.trim()), SEVEN_PANELS);
    assert.equal(await page.locator('h1').innerText(), 'Váš e-shop v sedmi krocích');
    await page.screenshot({ path: path.join(shots(), 'admin-desktop.png') });

    await nav.getByRole('link', { name: 'Zboží' }).click();
    await page.waitForURL(`${base}/admin/zbozi`);
    assert.equal(await nav.getByRole('link', { name: 'Zboží' }).getAttribute('aria-current'), 'page');

    await page.setViewportSize({ width: 390, height: 844 });
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 390, `no sideways scrolling on a phone (page is ${width}px wide)`);
    await page.screenshot({ path: path.join(shots(), 'admin-phone.png'), fullPage: true });

    await page.getByRole('link', { name: 'English' }).first().click();
    await page.waitForURL(`${base}/admin/zbozi`);
    assert.equal(await page.locator('h1').innerText(), 'Products');
    assert.deepEqual(consoleErrors, [], 'no CSP violations or script errors');
    await page.screenshot({ path: path.join(shots(), 'admin-phone-en.png'), fullPage: true });
  });
});
