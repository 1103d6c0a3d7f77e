/** Headless Debian Chromium through playwright-core, with the flags this machine's closed network needs. */
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Playwright gives every launch a fresh, empty profile directory of its own. */
export async function launchBrowser(): Promise<{ browser: Browser; close(): Promise<void> }> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return { browser, close: () => browser.close() };
}

/** Kramek listening on a loopback port plus a browser, for tests that drive pages as a person would. */
export async function startBrowserKramek(dialect: import('./databases.js').Dialect) {
  const { startKramek } = await import('./kramek.js');
  const kramek = await startKramek(dialect);
  await kramek.app.listen({ host: '127.0.0.1', port: 0 });
  const address = kramek.app.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const browser = await launchBrowser();
  return {
    kramek,
    browser: browser.browser,
    base,
    /** Where screenshots go: SCREENSHOT_DIR keeps them, otherwise they leave with the test's data dir. */
    shots: () => process.env.SCREENSHOT_DIR ?? kramek.database.dataDir,
    async close() {
      await browser.close();
      await kramek.close();
    },
  };
}

export async function signInAsOwner(page: import('playwright-core').Page, base: string) {
  const { OWNER } = await import('./kramek.js');
  await page.goto(`${base}/admin/prihlaseni`);
  await page.getByLabel('E-mail').fill(OWNER.email);
  await page.getByLabel('Heslo').fill(OWNER.password);
  await page.getByRole('button', { name: 'Přihlásit se' }).click();
  await page.waitForURL(/\/admin(\/|$)/);
}

/**
 * A small shop for storefront journeys in Chromium (SQLite): shop details with a bank account and one tea in stock.
 * Every email domain is taken to receive mail, as this machine's network has no DNS.
 */
export async function startBrowserShop() {
  const { loadConfig } = await import('../../src/config/env.js');
  const { openCore, prepareServer } = await import('../../src/main.js');
  const { DIALECTS } = await import('./databases.js');
  const { OWNER } = await import('./kramek.js');
  const database = await DIALECTS[0]!.create();
  const config = loadConfig({ DATA_DIR: database.dataDir, ADMIN_EMAIL: OWNER.email, ADMIN_PASSWORD: OWNER.password, LOG_LEVEL: 'silent', SEED_DEMO: '0' });
  const core = openCore(config, { database: database.target, ports: { emailDomains: { check: async () => 'mail' as const } } });
  const app = (await prepareServer(core)).app;
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  await core.services.updateSettings({ patch: { shop: { name: 'Čajovna', email: 'obchod@example.cz', bankAccounts: [{ label: 'Účet', number: '2000145399/2010', iban: '', bic: '' }] } }, actor: 'test' });
  await core.services.createProduct({ name: 'Čaj Sencha', slug: 'caj-sencha', description: 'Zelený čaj.', vatRate: 21, active: true, categoryIds: [], variants: [{ sku: 'TEA-100', name: '100 g', price: 14900, stock: 20, compareAtPrice: null, weightGrams: null }] });
  const browser = await launchBrowser();
  return {
    browser,
    base,
    core,
    shots: () => process.env.SCREENSHOT_DIR ?? database.dataDir,
    async close() {
      await browser.close();
      await app.close();
      await core.close();
      await database.drop();
    },
  };
}
