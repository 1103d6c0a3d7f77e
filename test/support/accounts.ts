/** Shared set-up of the customer account tests: Kramek with a test clock and a DNS stand-in, a shop, customers as browsers. */
import assert from 'node:assert/strict';
import { loadConfig } from '../../src/config/env.js';
import { openCore, prepareServer } from '../../src/main.js';
import type { Dialect } from './databases.js';
import { OWNER } from './kramek.js';
import { TestClock } from './outbox.js';
import { Agent, csrfTokenOf } from './agent.js';

export const PASSWORD = 'velmi-tajne-heslo';

/** Every email domain receives mail except `nomail.cz` (this machine's network has no resolver). */
export async function startAccountsKramek(dialect: Dialect) {
  const database = await dialect.create();
  const clock = new TestClock(new Date());
  const config = loadConfig({ DATA_DIR: database.dataDir, ADMIN_EMAIL: OWNER.email, ADMIN_PASSWORD: OWNER.password, LOG_LEVEL: 'silent', SEED_DEMO: '0', PUBLIC_URL: 'https://obchod.example.cz' });
  const core = openCore(config, { database: database.target, clock, ports: { emailDomains: { check: async (domain: string) => (domain === 'nomail.cz' ? 'missing' : 'mail') } } });
  const { app } = await prepareServer(core);
  await app.ready();
  const s = core.services;
  await s.updateSettings({ patch: { shop: { name: 'Čajovna', legalName: 'Čajovna s.r.o.', email: 'obchod@example.cz' }, emails: { noReplyAddress: 'noreply@example.cz', ownerAddress: 'majitel@example.cz' } }, actor: 'test' });
  await s.createProduct({ name: 'Čaj Sencha', slug: 'caj-sencha', description: '', vatRate: 21, active: true, categoryIds: [], variants: [{ sku: 'TEA-1', name: '100 g', price: 14900, stock: 500, compareAtPrice: null, weightGrams: null }] });
  const { token } = await s.createApiToken({ name: 'Sklad', role: 'owner' });
  return { core, app, clock, authorization: `Bearer ${token}`, close: async () => (await app.close(), await core.close(), await database.drop()) };
}

export type AccountsKramek = Awaited<ReturnType<typeof startAccountsKramek>>;

/** A new visitor who registers through the form (and is signed in afterwards). */
export async function registered(kramek: AccountsKramek, ip: string, email: string, name = 'Jana Nováková') {
  const agent = new Agent(kramek.app, ip);
  const response = await agent.submit('/ucet/registrace', '/ucet/registrace', { email, name, password: PASSWORD });
  assert.equal(response.statusCode, 303, response.body);
  return agent;
}

/** Puts goods in the agent's cart and places the order through the HTML checkout; returns the order number. */
export async function buyThroughCheckout(kramek: AccountsKramek, agent: Agent, fields: Record<string, string> = {}) {
  const added = await agent.request({ method: 'POST', url: '/kosik', headers: { origin: 'http://localhost', 'content-type': 'application/x-www-form-urlencoded' }, payload: 'sku=TEA-1&quantity=2' });
  assert.equal(added.statusCode, 303, added.body);
  const page = await agent.get('/pokladna');
  assert.equal(page.statusCode, 200, page.body);
  const hidden = (name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(page.body)?.[1] ?? '';
  const response = await agent.post('/pokladna', {
    _csrf: csrfTokenOf(page.body),
    idempotencyKey: hidden('idempotencyKey'),
    expectedTotal: hidden('expectedTotal'),
    email: hidden('email'),
    name: 'Jana Nováková',
    street: 'Dlouhá 12',
    city: 'Praha',
    zip: '11000',
    country: 'CZ',
    shippingMethod: 'ppl',
    paymentMethod: 'bank-transfer',
    terms: '1',
    ...fields,
  });
  assert.equal(response.statusCode, 303, response.body);
  const match = /^\/objednavka\/(\d+)\?t=(.+)$/.exec(String(response.headers.location));
  assert.ok(match, String(response.headers.location));
  return { number: match[1]!, token: decodeURIComponent(match[2]!), page };
}

/** The emails queued to an address, oldest first (what the worker will send, text as sent). */
export async function emailsTo(kramek: AccountsKramek, address: string) {
  const rows = await kramek.core.db.selectFrom('outbox_emails').select(['kind', 'to_address', 'subject', 'text_body', 'html_body', 'order_id']).orderBy('id').execute();
  return rows.filter((r) => r.to_address.includes(address));
}

/** The first link to our shop in a text, made relative for inject(). */
export function linkIn(text: string, path: string): string {
  const match = new RegExp(`https://obchod\\.example\\.cz(${path.replace(/\//g, '\\/')}[^\\s]*)`).exec(text);
  assert.ok(match, `no ${path} link in: ${text}`);
  return match[1]!;
}

export const plain = (html: string) => html.replace(/[\u00A0\u202F]/g, ' ');
