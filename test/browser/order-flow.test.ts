import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { trackingUrl } from '../../src/domain/orders/carriers.js';
import { outboxJob } from '../../src/jobs/outbox-job.js';
import { startWorker } from '../../src/jobs/worker.js';
import { DIALECTS } from '../support/databases.js';
import { startKramek, type TestKramek } from '../support/kramek.js';
import { launchBrowser, signInAsOwner } from '../support/browser.js';
import { BUYER, setUpShop } from '../support/orders.js';
import { freePort, TestSmtp } from '../support/smtp.js';
import { pdfPages } from '../support/pdf.js';

const quiet = { info() {}, error() {} };

describe('an order from New to Completed in Chromium, with the customer emailed at each step', () => {
  let kramek: TestKramek;
  let smtp: TestSmtp;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let worker: { stop(): Promise<void> };
  let base: string;
  const shots = () => process.env.SCREENSHOT_DIR ?? kramek.database.dataDir;

  before(async () => {
    smtp = await new TestSmtp().start(0);
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    // PUBLIC_URL is where the app really listens, so the links in emails and the order's documentUrl work.
    kramek = await startKramek(DIALECTS[0]!, { env: { SMTP_URL: smtp.url, PUBLIC_URL: base } });
    await kramek.app.listen({ host: '127.0.0.1', port });
    await setUpShop(kramek);
    // The real background worker sends the emails, as `kramek serve` does.
    worker = startWorker([outboxJob(kramek.core.services, { everyMs: 100 })], quiet);
    browser = await launchBrowser();
  });
  after(async () => {
    await worker?.stop();
    await browser?.close();
    await kramek?.close();
    await smtp?.stop();
  });

  /** The customer's mailbox: the next email to jana@ whose subject names the order. */
  const customerEmails = (number: string) => smtp.received.filter((r) => r.envelopeTo.includes(BUYER.customer.email) && (r.parsed.subject ?? '').includes(number));
  async function nextCustomerEmail(number: string, count: number) {
    const until = Date.now() + 20_000;
    while (customerEmails(number).length < count) {
      if (Date.now() > until) throw new Error(`expected ${count} emails for ${number}, got ${customerEmails(number).length}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    return customerEmails(number)[count - 1]!;
  }

  /** What the guest sees: the store API's order (the same Idempotency-Key answers the order as it is now) and the PDF. */
  async function guestView(order: { key: string; body: object; documentUrl: string }) {
    const response = await fetch(`${base}/api/store/orders`, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': order.key }, body: JSON.stringify(order.body) });
    assert.ok(response.status === 200 || response.status === 201, String(response.status));
    const view = (await response.json()) as { number: string; status: string };
    const pdf = await fetch(order.documentUrl);
    assert.equal(pdf.status, 200);
    assert.equal(view.number, /\/objednavka\/(\d+)\//.exec(order.documentUrl)?.[1], 'the same order, never a second one');
    return { view, pdfText: pdfPages(Buffer.from(await pdf.arrayBuffer())).join('\n') };
  }

  /** What the registered customer sees in the profile: the order's status badge and its parcels. */
  async function profileView(customer: Page, number: string) {
    await customer.goto(`${base}/ucet/objednavky/${number}`);
    const status = await customer.locator('.order-progress .badge').first().innerText();
    const parcels = (await customer.locator('.order-parcels').count()) > 0 ? await customer.locator('.order-parcels').innerText() : '';
    const links = await customer.locator('.order-parcels a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    return { status, parcels, links };
  }

  async function changeStatus(page: Page, number: string, to: string, shipped?: { carrier: string; trackingNumber: string }) {
    const form = page.locator('form[action$="/stav"]');
    await form.getByLabel('Nový stav').selectOption({ label: to });
    if (shipped) {
      await form.getByLabel('Dopravce', { exact: true }).selectOption(shipped.carrier);
      await form.getByLabel('Číslo zásilky').fill(shipped.trackingNumber);
    }
    await form.getByRole('button', { name: 'Pokračovat' }).click();
    await page.waitForURL(`${base}/admin/objednavky/${number}/stav`);
    const confirm = page.locator('form.confirm-box');
    assert.match(await confirm.innerText(), new RegExp(`Stav objednávky ${number} se změní z „[^“]+“ na „${to}“`));
    if (shipped) assert.match(await confirm.innerText(), new RegExp(`Číslo zásilky: ${shipped.trackingNumber}`));
    assert.ok(await page.getByLabel('Zákazníkovi bude odeslán e-mail').isChecked(), 'Configuration emails the customer on every status');
    await page.screenshot({ path: path.join(shots(), `order-flow-confirm-${to}.png`), fullPage: true });
    await page.getByRole('button', { name: 'Potvrdit' }).click();
    await page.waitForURL(`${base}/admin/objednavky/${number}`);
    assert.match(await page.locator('.flash').innerText(), new RegExp(`Stav objednávky změněn na „${to}“`));
    assert.equal(await page.locator('.order-state .badge').first().innerText(), to);
  }

  test('New → V řešení → Odeslaná (PPL + tracking number) → Vyřízená, confirmed in the admin, the customer emailed and informed at each step', async () => {
    const key = 'order-flow-1';
    // The order creates the customer's account, so the profile can be checked at every step too.
    const body = { ...BUYER, items: [{ sku: 'TEA-1', quantity: 1 }], password: 'janino-tajne-heslo' };
    const placed = await fetch(`${base}/api/store/orders`, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': key }, body: JSON.stringify(body) });
    assert.equal(placed.status, 201);
    const { number, documentUrl } = (await placed.json()) as { number: string; documentUrl: string };
    const order = { key, body, documentUrl };
    const accepted = await nextCustomerEmail(number, 1);
    assert.match(accepted.parsed.subject ?? '', new RegExp(number));
    assert.equal((await guestView(order)).view.status, 'new');
    const customer = await browser.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await customer.goto(`${base}/ucet/prihlaseni`);
    await customer.getByLabel('E-mail').fill(BUYER.customer.email);
    await customer.getByLabel('Heslo').fill('janino-tajne-heslo');
    await customer.getByRole('button', { name: 'Přihlásit se' }).click();
    await customer.waitForURL(`${base}/ucet`);
    assert.equal((await profileView(customer, number)).status, 'Nová');

    const page = await browser.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const consoleErrors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
    await signInAsOwner(page, base);
    await page.goto(`${base}/admin/objednavky`);
    const row = page.locator('tr', { has: page.getByRole('link', { name: number, exact: true }) });
    assert.equal(await row.locator('.badge-new').innerText(), 'Nová');
    // The list's select-all (a script file, allowed by the CSP) ticks every row.
    await page.locator('#select-all').check();
    const boxes = page.locator('input[name="numbers"]');
    assert.ok((await boxes.count()) > 0);
    for (const box of await boxes.all()) assert.ok(await box.isChecked());
    await page.screenshot({ path: path.join(shots(), 'order-flow-list.png'), fullPage: true });
    await row.getByRole('link', { name: number, exact: true }).click();
    await page.waitForURL(`${base}/admin/objednavky/${number}`);

    // New → V řešení
    await changeStatus(page, number, 'V řešení');
    const processing = await nextCustomerEmail(number, 2);
    assert.match(processing.parsed.subject ?? '', new RegExp(`${number}.*v řešení`));
    let guest = await guestView(order);
    assert.equal(guest.view.status, 'processing');
    assert.match(guest.pdfText, /Stav: V řešení/);
    assert.equal((await profileView(customer, number)).status, 'V řešení');

    // V řešení → Odeslaná, handed to PPL with a tracking number
    const tracking = 'PPL-40012345';
    await changeStatus(page, number, 'Odeslaná', { carrier: 'ppl', trackingNumber: tracking });
    assert.match(await page.locator('.parcels').innerText(), new RegExp(`PPL: ${tracking}`));
    const shipped = await nextCustomerEmail(number, 3);
    const link = trackingUrl('ppl', tracking)!;
    assert.match(shipped.parsed.subject ?? '', new RegExp(`${number}.*odeslána`));
    assert.match(shipped.parsed.text ?? '', /PPL/);
    assert.ok((shipped.parsed.text ?? '').includes(tracking), 'the tracking number');
    assert.ok((shipped.parsed.text ?? '').includes(link), 'the tracking link');
    guest = await guestView(order);
    assert.equal(guest.view.status, 'shipped');
    assert.match(guest.pdfText, /Stav: Odeslaná/);
    const inProfile = await profileView(customer, number);
    assert.equal(inProfile.status, 'Odeslaná');
    assert.match(inProfile.parcels, new RegExp(`PPL: ${tracking}`));
    assert.deepEqual(inProfile.links, [link]);

    // Odeslaná → Vyřízená
    await changeStatus(page, number, 'Vyřízená');
    const completed = await nextCustomerEmail(number, 4);
    assert.match(completed.parsed.subject ?? '', new RegExp(`${number}.*vyřízená`));
    guest = await guestView(order);
    assert.equal(guest.view.status, 'completed');
    assert.match(guest.pdfText, /Stav: Vyřízená/);
    assert.equal((await profileView(customer, number)).status, 'Vyřízená');
    await customer.screenshot({ path: path.join(shots(), 'order-flow-profile.png'), fullPage: true });
    await customer.close();
    assert.match(await page.locator('.order-side').innerText(), /Objednávka je v konečném stavu/);

    // The timeline holds every step and every email, delivered.
    await page.reload();
    const timeline = page.locator('#historie');
    for (const step of ['Nová → V řešení', 'V řešení → Odeslaná', 'Odeslaná → Vyřízená']) assert.match(await timeline.innerText(), new RegExp(step));
    assert.equal(await timeline.locator('.mail-state-sent').count(), 5, 'confirmation, owner notification and three status emails, all sent');
    await page.screenshot({ path: path.join(shots(), 'order-flow-detail.png'), fullPage: true });
    assert.deepEqual(consoleErrors, []);
    await page.close();
  });
});
