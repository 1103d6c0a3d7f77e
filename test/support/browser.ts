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
