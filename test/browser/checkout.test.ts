import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../../src/config/env.js';
import { openCore, prepareServer, type Core } from '../../src/main.js';
import { DIALECTS, type TestDatabase } from '../support/databases.js';
import { OWNER } from '../support/kramek.js';
import { launchBrowser } from '../support/browser.js';

describe('checkout in Chromium', () => {
  let database: TestDatabase;
  let core: Core;
  let app: FastifyInstance;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let base: string;
  const shots = () => process.env.SCREENSHOT_DIR ?? database.dataDir;

  before(async () => {
    database = await DIALECTS[0]!.create();
    const config = loadConfig({ DATA_DIR: database.dataDir, ADMIN_EMAIL: OWNER.email, ADMIN_PASSWORD: OWNER.password, LOG_LEVEL: 'silent', SEED_DEMO: '0' });
    // This machine's network has no DNS: every email domain is taken to receive mail.
    core = openCore(config, { database: database.target, ports: { emailDomains: { check: async () => 'mail' as const } } });
    app = (await prepareServer(core)).app;
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    await core.services.updateSettings({ patch: { shop: { name: 'Čajovna', email: 'obchod@example.cz', bankAccounts: [{ label: 'Účet', number: '2000145399/2010', iban: '', bic: '' }] } }, actor: 'test' });
    await core.services.createProduct({ name: 'Čaj Sencha', slug: 'caj-sencha', description: 'Zelený čaj.', vatRate: 21, active: true, categoryIds: [], variants: [{ sku: 'TEA-100', name: '100 g', price: 14900, stock: 20, compareAtPrice: null, weightGrams: null }] });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await app?.close();
    await core?.close();
    await database?.drop();
  });

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
    assert.match(await page.locator('.store-cart').innerText(), /Košík \(0\)/);
    await page.screenshot({ path: path.join(shots(), 'checkout-thank-you.png'), fullPage: true });

    const href = await page.getByRole('link', { name: 'Stáhnout objednávku (PDF)' }).getAttribute('href');
    const pdf = await page.request.get(new URL(href!, base).toString());
    assert.equal(pdf.status(), 200);
    assert.equal((await pdf.body()).subarray(0, 4).toString(), '%PDF');
    assert.deepEqual(consoleErrors, []);
    await page.close();
  });
});
