import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import sharp from 'sharp';
import type { Page } from 'playwright-core';
import { startBrowserShop } from '../support/browser.js';

/** Nothing on the page reaches past the window's right edge: no sideways scrolling on a phone. */
async function assertFits(page: Page, what: string, shots: string) {
  await page.screenshot({ path: path.join(shots, `phone-${what.replace(/[^\w-]+/g, '_')}.png`), fullPage: true });
  const { scrollWidth, innerWidth, wide } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
    wide: [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 0.5)
      .slice(0, 4)
      .map((e) => `${e.tagName.toLowerCase()}.${e.className}`),
  }));
  assert.ok(scrollWidth <= innerWidth, `${what}: ${scrollWidth} px wide in a ${innerWidth} px window (${wide.join(', ')})`);
}

describe('every storefront page on a 390 px phone in Chromium', () => {
  let shop: Awaited<ReturnType<typeof startBrowserShop>>;

  before(async () => {
    shop = await startBrowserShop();
    const s = shop.core.services;
    const category = await s.createCategory({ name: 'Zelené čaje z Japonska a Číny', slug: 'zelene-caje', description: 'Jemné zelené čaje.', parentId: null, visible: true });
    const long = await s.createProduct({
      name: 'Japonský zelený čaj Gyokuro Asahi z prefektury Kjóto, první sklizeň',
      slug: 'gyokuro-asahi',
      description: 'Stíněný čaj s hlubokou sladkou chutí.',
      vatRate: 12,
      active: true,
      categoryIds: [category.id],
      variants: [{ sku: 'GYO-50', name: 'dóza 50 g', price: 1249000, stock: 9, compareAtPrice: 1399000, weightGrams: 50 }],
    });
    const photo = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#3a7d44' } }).jpeg().toBuffer();
    await s.addProductImage(long.id, { bytes: photo, alt: 'Dóza čaje Gyokuro' });
    await s.seedTemplatePages();
  });
  after(() => shop?.close());

  test('catalogue, cart with thumbnails, checkout, thank-you page, account and content pages fit the width', async () => {
    const { browser, base } = shop;
    const shots = shop.shots();
    const context = await browser.browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    const visit = async (url: string) => {
      const response = await page.goto(`${base}${url}`);
      await assertFits(page, url, shots);
      return response;
    };

    for (const url of ['/', '/kategorie/zelene-caje', '/zbozi/gyokuro-asahi', '/zbozi/caj-sencha', '/hledat?q=čaj', '/obchodni-podminky', '/ochrana-osobnich-udaju', '/ucet/prihlaseni', '/ucet/zapomenute-heslo']) {
      assert.equal((await visit(url))?.status(), 200, url);
    }
    assert.equal((await visit('/tahle-stranka-neni'))?.status(), 404);

    // Register, then fill the cart with a long-named product (with a photo) and one without.
    await visit('/ucet/registrace');
    await page.getByLabel('E-mail').fill('jana@example.cz');
    await page.getByLabel('Jméno a příjmení').fill('Jana Nováková');
    await page.getByLabel('Heslo').fill('janino-tajne-heslo');
    await page.getByRole('button', { name: 'Zaregistrovat se' }).click();
    await page.waitForURL(`${base}/ucet`);
    for (const [slug, quantity] of [['gyokuro-asahi', '2'], ['caj-sencha', '1']] as const) {
      await page.goto(`${base}/zbozi/${slug}`);
      await page.getByLabel('Množství').fill(quantity);
      await page.getByRole('button', { name: 'Přidat do košíku' }).click();
      await page.waitForURL(`${base}/kosik`);
    }
    await assertFits(page, '/kosik', shots);
    const thumbs = page.locator('.cart-thumb img');
    assert.equal(await thumbs.count(), 1, 'the product with a photo has its thumbnail');
    assert.ok(await thumbs.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), 'and it loads');

    await visit('/pokladna');
    await page.getByRole('button', { name: 'Objednat s povinností platby' }).click();
    await page.waitForLoadState('load');
    await assertFits(page, '/pokladna (errors)', shots);
    await page.getByLabel('Ulice a číslo domu').first().fill('Dlouhá 12');
    await page.getByLabel('Obec').first().fill('Praha');
    await page.getByLabel('PSČ').first().fill('110 00');
    await page.getByLabel(/PPL/).check();
    await page.getByLabel(/Bankovním převodem/).check();
    await page.getByLabel(/Souhlasím s/).check();
    await page.getByRole('button', { name: 'Objednat s povinností platby' }).click();
    await page.waitForURL(/\/objednavka\/\d{10}\?t=/);
    const thanks = new URL(page.url());
    const number = thanks.pathname.split('/')[2]!;
    await assertFits(page, 'thank-you page', shots);
    await visit(`/objednavka/${number}/odstoupeni${thanks.search}`);

    for (const url of ['/ucet', `/ucet/objednavky/${number}`, '/ucet/nastaveni']) assert.equal((await visit(url))?.status(), 200, url);
    await context.close();
  });
});
