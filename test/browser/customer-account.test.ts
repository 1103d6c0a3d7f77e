import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { startBrowserShop } from '../support/browser.js';
import { pdfPages } from '../support/pdf.js';

describe('a customer account in Chromium', () => {
  let shop: Awaited<ReturnType<typeof startBrowserShop>>;
  let browser: Awaited<ReturnType<typeof startBrowserShop>>['browser'];
  let base: string;
  const shots = () => shop.shots();

  before(async () => {
    shop = await startBrowserShop();
    ({ browser, base } = shop);
  });
  after(() => shop?.close());

  test('registers, buys as the registered customer and downloads the PDF from the profile', async () => {
    const page = await browser.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const consoleErrors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));

    await page.goto(`${base}/`);
    await page.getByRole('link', { name: 'Přihlásit' }).click();
    await page.waitForURL(`${base}/ucet/prihlaseni`);
    await page.getByRole('link', { name: 'Zaregistrujte se' }).click();
    await page.waitForURL(`${base}/ucet/registrace`);
    await page.getByLabel('E-mail').fill('jana@example.cz');
    await page.getByLabel('Jméno a příjmení').fill('Jana Nováková');
    await page.getByLabel('Heslo').fill('janino-tajne-heslo');
    await page.screenshot({ path: path.join(shots(), 'account-register.png'), fullPage: true });
    await page.getByRole('button', { name: 'Zaregistrovat se' }).click();
    await page.waitForURL(`${base}/ucet`);
    assert.match(await page.locator('h1').innerText(), /Můj účet/);
    assert.match(await page.locator('.store-account').innerText(), /Můj účet/);

    await page.goto(`${base}/zbozi/caj-sencha`);
    await page.getByLabel('Množství').fill('2');
    await page.getByRole('button', { name: 'Přidat do košíku' }).click();
    await page.waitForURL(`${base}/kosik`);
    await page.getByRole('link', { name: 'Pokračovat k objednávce' }).click();
    await page.waitForURL(`${base}/pokladna`);
    assert.match(await page.locator('.checkout-signed-in').innerText(), /jana@example\.cz/);
    assert.equal(await page.getByLabel('Jméno a příjmení').inputValue(), 'Jana Nováková');
    await page.getByLabel('Ulice a číslo domu').first().fill('Dlouhá 12');
    await page.getByLabel('Obec').first().fill('Praha');
    await page.getByLabel('PSČ').first().fill('110 00');
    await page.getByLabel(/PPL/).check();
    await page.getByLabel(/Bankovním převodem/).check();
    await page.getByLabel(/Souhlasím s/).check();
    await page.getByRole('button', { name: 'Objednat s povinností platby' }).click();
    await page.waitForURL(/\/objednavka\/\d{10}\?t=/);
    const number = /\/objednavka\/(\d+)/.exec(page.url())![1]!;

    await page.getByRole('link', { name: 'Můj účet' }).click();
    await page.waitForURL(`${base}/ucet`);
    await page.getByRole('link', { name: number }).click();
    await page.waitForURL(`${base}/ucet/objednavky/${number}`);
    assert.match(await page.locator('.order-progress').innerText(), /Nová/);
    assert.match(await page.locator('.withdrawal-box').innerText(), /Odstoupit od smlouvy/);
    await page.screenshot({ path: path.join(shots(), 'account-order.png'), fullPage: true });

    const href = await page.getByRole('link', { name: 'Stáhnout objednávku (PDF)' }).getAttribute('href');
    assert.equal(href, `/ucet/objednavky/${number}/doklad.pdf`);
    // The browser's own cookies: the download works for this signed-in customer only.
    const pdf = await page.request.get(new URL(href!, base).toString());
    assert.equal(pdf.status(), 200);
    const body = await pdf.body();
    assert.equal(body.subarray(0, 4).toString(), '%PDF');
    assert.match(pdfPages(body).join('\n'), new RegExp(number));
    const stranger = await browser.browser.newPage();
    const signedOut = await stranger.request.get(new URL(href!, base).toString(), { maxRedirects: 0 });
    assert.equal(signedOut.status(), 303);
    await stranger.close();

    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: path.join(shots(), 'account-order-phone.png'), fullPage: true });
    assert.deepEqual(consoleErrors, []);
    await page.close();
  });
});
