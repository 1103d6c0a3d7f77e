import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { signInAsOwner, startBrowserShop } from '../support/browser.js';

describe('a Zásilkovna pickup point and its parcel in Chromium (the demo carrier)', () => {
  let shop: Awaited<ReturnType<typeof startBrowserShop>>;
  before(async () => (shop = await startBrowserShop()));
  after(() => shop?.close());

  test('the buyer finds a point, orders to it; the owner creates the parcel in one click and ships it', async () => {
    const { browser, base } = shop;
    const page = await browser.browser.newPage({ viewport: { width: 390, height: 844 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${base}/zbozi/caj-sencha`);
    await page.getByRole('button', { name: 'Přidat do košíku' }).click();
    await page.waitForURL(`${base}/kosik`);
    await page.goto(`${base}/pokladna`);
    await page.getByLabel('E-mail').fill('jana@example.cz');
    await page.getByLabel('Jméno a příjmení').fill('Jana Nováková');
    await page.getByLabel('Ulice a číslo domu').first().fill('Dlouhá 12');
    await page.getByLabel('Obec').first().fill('Praha');
    await page.getByLabel('PSČ').first().fill('110 00');
    await page.getByLabel(/Zásilkovna – výdejní místo/).check();
    await page.getByLabel(/Bankovním převodem/).check();
    assert.equal(await page.locator('.pickup-map').count(), 0, 'no map without an API key: the demo has the search only');
    await page.getByLabel('Hledat výdejní místo').fill('brno zelny');
    await page.getByRole('button', { name: 'Najít místa' }).click();
    await page.getByLabel(/Knihkupectví Zelný trh/).check();
    assert.equal(await page.getByLabel('E-mail').inputValue(), 'jana@example.cz', 'the search keeps what was typed');
    await page.getByLabel(/Souhlasím s/).check();
    await page.screenshot({ path: path.join(shop.shots(), 'pickup-checkout-phone.png'), fullPage: true });
    await page.getByRole('button', { name: 'Objednat s povinností platby' }).click();
    await page.waitForURL(/\/objednavka\/\d{10}\?t=/);
    assert.match(await page.locator('main').innerText(), /Knihkupectví Zelný trh/);
    const number = /\/objednavka\/(\d+)/.exec(page.url())![1]!;

    const admin = await browser.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signInAsOwner(admin, base);
    await admin.goto(`${base}/admin/objednavky/${number}`);
    assert.match(await admin.locator('.parcel-box').innerText(), /Zkušební dopravce/);
    await admin.getByRole('button', { name: 'Vytvořit zásilku' }).click();
    await admin.waitForURL(new RegExp(`/admin/objednavky/${number}`));
    const box = await admin.locator('.parcel-box').innerText();
    const tracking = /Z \d{3} \d{4} \d{3}/.exec(box)?.[0];
    assert.ok(tracking, box);
    assert.equal(await admin.getByLabel('Číslo zásilky').inputValue(), tracking.replace(/ /g, ''), 'Shipped needs no typing');
    await admin.screenshot({ path: path.join(shop.shots(), 'pickup-order-detail.png'), fullPage: true });
    const label = await admin.request.get(`${base}/admin/objednavky/${number}/packeta/stitek.pdf?format=A6`);
    assert.equal(label.headers()['content-type'], 'application/pdf');
    assert.deepEqual(errors, []);
  });
});
