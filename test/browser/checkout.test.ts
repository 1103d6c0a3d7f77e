import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { PNG } from 'pngjs';
import { decodeQR } from 'qr/decode.js';
import { startBrowserShop } from '../support/browser.js';

describe('checkout in Chromium', () => {
  let shop: Awaited<ReturnType<typeof startBrowserShop>>;
  let browser: Awaited<ReturnType<typeof startBrowserShop>>['browser'];
  let base: string;
  const shots = () => shop.shots();

  before(async () => {
    shop = await startBrowserShop();
    ({ browser, base } = shop);
  });
  after(() => shop?.close());

  test('a guest adds a product from its page, fills the checkout, orders and downloads the PDF', async () => {
    const page = await browser.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const consoleErrors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));

    await page.goto(`${base}/zbozi/caj-sencha`);
    await page.getByLabel('Množství').fill('2');
    await page.getByRole('button', { name: 'Přidat do košíku' }).click();
    await page.waitForURL(`${base}/kosik`);
    assert.match(await page.locator('.store-cart').innerText(), /Košík \(2\)/);
    assert.match(await page.locator('.cart-table').innerText(), /Čaj Sencha – 100 g/);
    await page.getByRole('link', { name: 'Pokračovat k objednávce' }).click();
    await page.waitForURL(`${base}/pokladna`);

    await page.getByLabel('E-mail').fill('jana@example.cz');
    await page.getByLabel('Jméno a příjmení').fill('Jana Nováková');
    await page.getByLabel('Ulice a číslo domu').first().fill('Dlouhá 12');
    await page.getByLabel('Obec').first().fill('Praha');
    await page.getByLabel('PSČ').first().fill('110 00');
    await page.getByLabel(/PPL/).check();
    await page.getByLabel(/Bankovním převodem/).check();
    await page.getByRole('button', { name: 'Přepočítat souhrn' }).click();
    assert.match(await page.locator('#checkout-total').innerText(), /427,00/);
    assert.equal(await page.getByLabel('E-mail').inputValue(), 'jana@example.cz', 'values survive the recalculation');
    await page.getByLabel(/Souhlasím s/).check();
    await page.screenshot({ path: path.join(shots(), 'checkout-form.png'), fullPage: true });
    await page.getByRole('button', { name: 'Objednat s povinností platby' }).click();
    await page.waitForURL(/\/objednavka\/\d{10}\?t=/);

    assert.match(await page.locator('h1').innerText(), /Děkujeme za objednávku/);
    const number = /\/objednavka\/(\d+)/.exec(page.url())![1]!;
    assert.equal(await page.locator('.variable-symbol').innerText(), number);
    assert.equal(await page.locator('.qr-code svg').count(), 1);
    // The code as a phone's camera sees it on the screen: it reads as the QR Platba of this order.
    const qr = PNG.sync.read(await page.locator('.qr-code').screenshot());
    assert.match(decodeQR({ width: qr.width, height: qr.height, data: new Uint8Array(qr.data) }), new RegExp(`^SPD\\*1\\.0\\*ACC:CZ.*\\*AM:427\\.00\\*CC:CZK\\*X-VS:${number}\\*`));
    assert.match(await page.locator('.store-cart').innerText(), /Košík \(0\)/);
    await page.screenshot({ path: path.join(shots(), 'checkout-thank-you.png'), fullPage: true });

    const href = await page.getByRole('link', { name: 'Stáhnout objednávku (PDF)' }).getAttribute('href');
    const pdf = await page.request.get(new URL(href!, base).toString());
    assert.equal(pdf.status(), 200);
    assert.equal((await pdf.body()).subarray(0, 4).toString(), '%PDF');
    assert.deepEqual(consoleErrors, []);
    await page.close();
  });

  test('the summary follows the chosen shipping and payment at once; without JavaScript the recalculate button does', async () => {
    const addAndCheckout = async (page: import('playwright-core').Page) => {
      await page.goto(`${base}/zbozi/caj-sencha`);
      await page.getByRole('button', { name: 'Přidat do košíku' }).click();
      await page.waitForURL(`${base}/kosik`);
      await page.goto(`${base}/pokladna`);
    };
    const page = await browser.browser.newPage({ viewport: { width: 390, height: 800 } });
    const consoleErrors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
    await addAndCheckout(page);
    assert.match(await page.locator('#checkout-total').innerText(), /149,00/);
    await page.getByLabel(/PPL/).check();
    await page.waitForFunction(() => /278,00/.test(document.querySelector('#checkout-total')?.textContent ?? '')); // 149 + PPL 129
    await page.getByLabel(/Na dobírku/).check();
    await page.waitForFunction(() => /317,00/.test(document.querySelector('#checkout-total')?.textContent ?? '')); // + COD 39
    assert.match(await page.locator('.checkout-submit-total').innerText(), /317,00/, 'the total beside the order button too');
    assert.match(await page.locator('.checkout-summary').innerText(), /Doprava\s+129,00/);
    assert.ok(await page.getByRole('button', { name: 'Přepočítat souhrn' }).isVisible(), 'the button stays');
    assert.deepEqual(consoleErrors, []);
    await page.close();

    const noScript = await browser.browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 800 } });
    const plain = await noScript.newPage();
    await addAndCheckout(plain);
    await plain.getByLabel(/PPL/).check();
    assert.match(await plain.locator('#checkout-total').innerText(), /149,00/, 'nothing changes by itself without JavaScript');
    await plain.getByRole('button', { name: 'Přepočítat souhrn' }).click();
    await plain.waitForURL(`${base}/pokladna`);
    assert.match(await plain.locator('#checkout-total').innerText(), /278,00/);
    await noScript.close();
  });
});
