import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { DIALECTS } from '../support/databases.js';
import { signInAsOwner, startBrowserKramek } from '../support/browser.js';
import { pngImage } from '../support/catalog.js';

describe('catalogue in Chromium', () => {
  let session: Awaited<ReturnType<typeof startBrowserKramek>>;
  let base: string;
  const shots = () => session.shots();

  before(async () => {
    session = await startBrowserKramek(DIALECTS[0]!);
    base = session.base;
  });
  after(() => session?.close());

  test('the owner creates a category and a product with an image, and a shopper finds it by a search without diacritics', async () => {
    const page = await session.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const consoleErrors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && !/status of 422/.test(m.text()) && consoleErrors.push(m.text()));
    await signInAsOwner(page, base);

    await page.goto(`${base}/admin/kategorie`);
    await page.getByRole('link', { name: 'Nová kategorie' }).first().click();
    await page.getByLabel('Název').fill('Čokoládové dobroty');
    await page.getByRole('button', { name: 'Vytvořit kategorii' }).click();
    await page.waitForURL(`${base}/admin/kategorie`);
    assert.match(await page.getByRole('status').innerText(), /Kategorie „Čokoládové dobroty“ byla vytvořena/);

    await page.goto(`${base}/admin/zbozi`);
    assert.match(await page.locator('.empty-state').innerText(), /Zatím tu není žádné zboží/);
    await page.getByRole('link', { name: 'Přidat zboží' }).first().click();
    await page.getByLabel('Název', { exact: true }).fill('Čokoláda s mořskou solí');
    await page.getByLabel('Kód (SKU)').first().fill('COK-SUL-1');
    await page.getByLabel('Cena s DPH (Kč)').first().fill('abc');
    await page.getByRole('button', { name: 'Vytvořit zboží' }).click();
    assert.match(await page.locator('.error-summary').innerText(), /Zadejte cenu jako kladné číslo/);
    assert.equal(await page.getByLabel('Název', { exact: true }).inputValue(), 'Čokoláda s mořskou solí', 'the value is kept');
    await page.getByLabel('Cena s DPH (Kč)').first().fill('79,90');
    await page.getByLabel('Sklad (ks)').first().fill('2');
    await page.getByLabel('Čokoládové dobroty').check();
    await page.getByRole('button', { name: 'Vytvořit zboží' }).click();
    await page.waitForURL(/\/admin\/zbozi\/\d+$/);
    await page.setInputFiles('#image', { name: 'cokolada.png', mimeType: 'image/png', buffer: await pngImage(800, 800) });
    await page.getByRole('button', { name: 'Nahrát obrázek' }).click();
    await page.waitForURL(/#images$/);
    assert.match(await page.getByRole('status').innerText(), /Obrázek byl nahrán/);
    await page.screenshot({ path: path.join(shots(), 'catalog-admin-product.png'), fullPage: true });

    await page.goto(`${base}/`);
    await page.getByRole('searchbox').fill('cokolada morskou');
    await page.getByRole('button', { name: 'Hledat' }).click();
    await page.waitForURL(/\/hledat\?q=/);
    const card = page.locator('.product-card', { hasText: 'Čokoláda s mořskou solí' });
    assert.match(await card.innerText(), /79,90\u00A0Kč[\s\S]*Poslední 2 kusy/);
    await card.getByRole('link').click();
    await page.waitForURL(`${base}/zbozi/cokolada-s-morskou-soli`);
    assert.equal(await page.locator('h1').innerText(), 'Čokoláda s mořskou solí');
    assert.ok(await page.locator('.product-gallery img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), 'the image loads');
    await page.screenshot({ path: path.join(shots(), 'catalog-product-desktop.png'), fullPage: true });

    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${base}/kategorie/cokoladove-dobroty`);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 390, `no sideways scrolling on a phone (page is ${width}px wide)`);
    await page.screenshot({ path: path.join(shots(), 'catalog-category-phone.png'), fullPage: true });
    assert.deepEqual(consoleErrors, [], 'no CSP violations or script errors');
  });

  test('the owner reorders categories by dragging a row; the Up/Down buttons stay for keyboards', async () => {
    const services = session.kramek.core.services;
    for (const name of ['Sušenky', 'Oříšky', 'Sirupy']) await services.createCategory({ name, slug: '', description: '', parentId: null, visible: true });
    const page = await session.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const consoleErrors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
    await signInAsOwner(page, base);
    await page.goto(`${base}/admin/kategorie`);
    const names = () => page.locator('table.index-table tbody tr td:first-child a').allInnerTexts();
    const before = await names();
    assert.deepEqual(before.slice(-3), ['Sušenky', 'Oříšky', 'Sirupy']);
    assert.equal(await page.locator('tr[data-category-id]').first().getAttribute('draggable'), 'true', 'the script made the rows draggable');
    assert.equal(await page.getByRole('button', { name: 'Posunout „Sirupy“ výš' }).count(), 1, 'the no-JavaScript buttons are still there');

    const first = page.locator('tr[data-category-id]', { hasText: before[0]! });
    const sirupy = page.locator('tr[data-category-id]', { hasText: 'Sirupy' });
    await Promise.all([page.waitForEvent('load'), sirupy.dragTo(first, { targetPosition: { x: 40, y: 4 } })]);
    assert.match(await page.getByRole('status').innerText(), /Pořadí bylo změněno/);
    assert.deepEqual(await names(), ['Sirupy', ...before.filter((n) => n !== 'Sirupy')], 'Sirupy went to the top and stays there after the reload');
    const saved = (await services.listCategories()).filter((c) => c.parentId === null).sort((a, b) => a.position - b.position);
    assert.equal(saved[0]!.name, 'Sirupy');
    await page.screenshot({ path: path.join(shots(), 'catalog-categories-dragged.png'), fullPage: true });
    assert.deepEqual(consoleErrors, [], 'no CSP violations or script errors');
  });
});
