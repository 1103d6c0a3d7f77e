import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mxResolver } from '../src/adapters/dns/mx-resolver.js';
import { disposableDomainList } from '../src/adapters/mail/disposable-domains.js';
import { validateEmailAddress } from '../src/services/mail/validate-email-address.js';
import { DIALECTS } from './support/databases.js';
import { TestDns } from './support/dns.js';
import { startKramek, OWNER, type TestKramek } from './support/kramek.js';
import { Agent, csrfTokenOf } from './support/agent.js';
import { BUYER } from './support/orders.js';

const UNVERIFIED = { ok: true, warning: 'email_domain_unverified' } as const;

describe('email checks on a resolver that fails (DNS on loopback)', () => {
  let dns: TestDns;
  let offset = 0;
  const now = () => 1_800_000_000_000 + offset;
  const disposableDomains = disposableDomainList();
  let deps: Parameters<typeof validateEmailAddress>[0];

  before(async () => {
    dns = await new TestDns().start();
  });
  after(() => dns.stop());
  beforeEach(() => {
    // A fresh resolver (nothing cached) for each test.
    deps = { emailDomains: mxResolver({ servers: dns.servers, timeoutMs: 300, now }), disposableDomains };
    dns.fault = 'none';
    offset = 0;
  });

  test('NXDOMAIN for every name: even gmail.com and seznam.cz are accepted, with a warning; the resolver is then left alone', async () => {
    dns.fault = 'nxdomain';
    for (const address of ['jana.novakova@gmail.com', 'petr@seznam.cz', 'info@neexistuje.example']) {
      assert.deepEqual(await validateEmailAddress(deps, address), { ...UNVERIFIED, address }, address);
    }
    const asked = dns.asked.length;
    assert.deepEqual(await validateEmailAddress(deps, 'eva@example.cz'), { ...UNVERIFIED, address: 'eva@example.cz' });
    assert.equal(dns.asked.length, asked, 'a resolver known to fail is not asked again for a while');
  });

  test('no answer at all: accepted with a warning within the timeout, and the next buyer does not wait', async () => {
    dns.fault = 'timeout';
    let started = Date.now();
    assert.deepEqual(await validateEmailAddress(deps, 'jana@gmail.com'), { ...UNVERIFIED, address: 'jana@gmail.com' });
    assert.ok(Date.now() - started < 1500, `within the short timeout (${Date.now() - started} ms)`);
    started = Date.now();
    assert.deepEqual(await validateEmailAddress(deps, 'petr@neexistuje.example'), { ...UNVERIFIED, address: 'petr@neexistuje.example' });
    assert.ok(Date.now() - started < 100, `answered at once (${Date.now() - started} ms)`);
  });

  test('SERVFAIL: accepted with a warning', async () => {
    dns.fault = 'servfail';
    assert.deepEqual(await validateEmailAddress(deps, 'jana@seznam.cz'), { ...UNVERIFIED, address: 'jana@seznam.cz' });
    assert.deepEqual(await validateEmailAddress(deps, 'jana@neexistuje.example'), { ...UNVERIFIED, address: 'jana@neexistuje.example' });
  });

  test('syntax, disposable domains and typo hints still work during a fault', async () => {
    dns.fault = 'nxdomain';
    assert.deepEqual(await validateEmailAddress(deps, 'jana@gmial.com'), { ...UNVERIFIED, address: 'jana@gmial.com', suggestion: 'jana@gmail.com' });
    assert.deepEqual(await validateEmailAddress(deps, 'jana@@seznam.cz'), { ok: false, code: 'email_invalid' });
    assert.equal((await validateEmailAddress(deps, 'x@mailinator.com')).code, 'email_disposable');
  });

  test('a working resolver refuses a domain without mail; its verdict and answers are cached, and a fault heals', async () => {
    const first = dns.asked.length;
    assert.deepEqual(await validateEmailAddress(deps, 'jana@neexistuje.example'), { ok: false, code: 'email_domain_missing', address: 'jana@neexistuje.example' });
    assert.deepEqual(await validateEmailAddress(deps, 'jana@no-mail.example'), { ok: false, code: 'email_domain_missing', address: 'jana@no-mail.example' });
    assert.deepEqual(await validateEmailAddress(deps, 'jana@seznam.cz'), { ok: true, address: 'jana@seznam.cz' });
    const asked = dns.asked.length;
    assert.deepEqual(await validateEmailAddress(deps, 'eva@seznam.cz'), { ok: true, address: 'eva@seznam.cz' });
    assert.equal((await validateEmailAddress(deps, 'eva@neexistuje.example')).code, 'email_domain_missing');
    assert.equal(dns.asked.length, asked, 'answers come from the cache');
    assert.equal(dns.asked.slice(first).filter((q) => q === 'gmail.com/15').length, 1, 'the resolver was probed once');

    // The resolver starts failing: cached answers stand, new domains are not refused.
    offset += 11 * 60_000;
    dns.fault = 'nxdomain';
    assert.deepEqual(await validateEmailAddress(deps, 'jana@jina-domena.example'), { ...UNVERIFIED, address: 'jana@jina-domena.example' });
    // It works again: after a minute it is asked and believed again.
    dns.fault = 'none';
    offset += 61_000;
    assert.equal((await validateEmailAddress(deps, 'jana@jina-domena.example')).code, 'email_domain_missing');
  });
});

for (const dialect of DIALECTS) {
  describe(`buying and registering while DNS says NXDOMAIN for every name, on ${dialect.name}`, () => {
    let dns: TestDns;
    let kramek: TestKramek;
    let owner: Agent;

    before(async () => {
      dns = await new TestDns().start();
      dns.fault = 'nxdomain';
      kramek = await startKramek(dialect, { ports: { emailDomains: mxResolver({ servers: dns.servers, timeoutMs: 300 }) } });
      const s = kramek.core.services;
      await s.updateSettings({ patch: { shop: { name: 'Čajovna', email: 'obchod@example.cz' } }, actor: 'test' });
      await s.createProduct({ name: 'Čaj Sencha', slug: '', description: '', vatRate: 21, active: true, categoryIds: [], variants: [{ sku: 'TEA-1', name: '100 g', price: 14900, stock: 100, compareAtPrice: null, weightGrams: null }] });
      owner = new Agent(kramek.app, '10.61.0.9');
      await owner.signIn(OWNER.email, OWNER.password);
    });
    after(async () => {
      await kramek.close();
      await dns.stop();
    });

    const unverifiedNote = /E-mailovou adresu \S+ se při objednávce nepodařilo ověřit/;

    test('the checkout form and the store API both take the order and the owner sees a warning on it', async () => {
      const buyer = new Agent(kramek.app, '10.61.0.1');
      assert.equal((await buyer.request({ method: 'POST', url: '/kosik', headers: { origin: 'http://localhost', 'content-type': 'application/x-www-form-urlencoded' }, payload: 'sku=TEA-1&quantity=1' })).statusCode, 303);
      const page = await buyer.get('/pokladna');
      const hidden = (name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(page.body)?.[1] ?? '';
      const form = await buyer.post('/pokladna', {
        _csrf: csrfTokenOf(page.body),
        idempotencyKey: hidden('idempotencyKey'),
        expectedTotal: hidden('expectedTotal'),
        email: 'jana.novakova@gmail.com',
        name: 'Jana Nováková',
        street: 'Dlouhá 12',
        city: 'Praha',
        zip: '11000',
        country: 'CZ',
        shippingMethod: 'ppl',
        paymentMethod: 'bank-transfer',
        terms: '1',
      });
      assert.equal(form.statusCode, 303, form.body.match(/class="error-message"[^<]*>[^<]*/g)?.join(' '));
      const formNumber = /\/objednavka\/(\d+)/.exec(String(form.headers.location))![1]!;

      const api = await kramek.app.inject({ method: 'POST', url: '/api/store/orders', payload: { ...BUYER, customer: { ...BUYER.customer, email: 'petr@seznam.cz' }, items: [{ sku: 'TEA-1', quantity: 1 }] } });
      assert.equal(api.statusCode, 201, api.body);

      for (const number of [formNumber, api.json().number as string]) {
        const detail = await owner.get(`/admin/objednavky/${number}`);
        assert.match(detail.body, unverifiedNote, number);
        assert.doesNotMatch((await owner.get(`/admin/objednavky?q=${number}`)).body, /Má interní poznámku/, 'an automatic warning is not the staff’s note');
      }
    });

    test('registration through the form goes through', async () => {
      const visitor = new Agent(kramek.app, '10.61.0.2');
      const response = await visitor.submit('/ucet/registrace', '/ucet/registrace', { email: 'eva.mala@seznam.cz', name: 'Eva Malá', password: 'dlouhe-heslo-42' });
      assert.equal(response.statusCode, 303, response.body.match(/class="error-message"[^<]*>[^<]*/g)?.join(' '));
    });
  });
}
