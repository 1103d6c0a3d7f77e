/**
 * Fuzzing every form route and every API endpoint with fast-check: malformed bodies, wrong types, huge fields and
 * bad encodings must get a clear 4xx, never a 5xx, and a refused request must leave the data as it was.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { DIALECTS } from './support/databases.js';
import { startKramek, type TestKramek } from './support/kramek.js';
import { csrfTokenOf, type Agent } from './support/agent.js';
import { placeOrder, setUpShop } from './support/orders.js';
import { signedInAgent } from './support/catalog.js';
import { fingerprint } from './support/fingerprint.js';

const RUNS_PER_ROUTE = Number(process.env.FUZZ_RUNS ?? 15);
/** Field names the forms and the API really use, so the fuzz reaches validation and not only "unknown field". */
const FIELD_NAMES = [
  'name', 'slug', 'email', 'password', 'quantity', 'sku', 'variantId', 'status', 'carrier', 'trackingNumber', 'note', 'text',
  'subject', 'body', 'price', 'stock', 'vatRate', 'title', 'published', 'position', 'direction', 'parentId', 'q', 'from', 'to',
  'format', 'numbers', 'confirm', 'notifyCustomer', 'items', 'customer', 'billingAddress', 'shippingMethod', 'paymentMethod',
  'phone', 'company', 'ico', 'dic', 'street', 'city', 'zip', 'country', 'description', 'active', 'categoryIds', 'idempotencyKey',
];

/** Strings that break naive code: huge, control characters, lone surrogates, SQL, markup, numbers in odd forms. */
const nastyString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('', ' ', '-1', '0', '1e309', 'NaN', '9007199254740993', '12,50', '\u0000', '\r\nBcc: x@example.cz', '\uD800', "' OR 1=1 --", '<script>alert(1)</script>', '{}', '[]', 'null', 'true'),
  fc.integer({ min: 1_000, max: 30_000 }).map((n) => 'ž'.repeat(n)),
);
const jsonValue = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, nastyString, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(tie('value'), { maxLength: 4 }), tie('object')),
  object: fc.dictionary(fc.oneof(fc.constantFrom(...FIELD_NAMES), fc.string({ maxLength: 12 })), tie('value'), { maxKeys: 8 }),
})).value;
const formBody = fc.dictionary(fc.oneof(fc.constantFrom(...FIELD_NAMES), fc.string({ maxLength: 12 })), fc.oneof(nastyString, fc.array(nastyString, { maxLength: 3 })), { maxKeys: 10 });

type Outcome = { status: number; body: string };

for (const dialect of DIALECTS) {
  describe(`fuzzing every form and API endpoint on ${dialect.name}`, () => {
    let kramek: TestKramek;
    let owner: Agent;
    let csrf: string;
    let adminToken: string;
    let orderNumber: string;
    const tried = { inputs: 0 };

    const concrete = (url: string) => url.replace(':number', orderNumber).replace(/:\w+/g, '1').replace('*', 'x');

    before(async () => {
      kramek = await startKramek(dialect);
      await setUpShop(kramek);
      orderNumber = (await placeOrder(kramek)).number;
      owner = await signedInAgent(kramek, '10.77.0.1');
      csrf = csrfTokenOf((await owner.get('/admin/objednavky')).body);
      adminToken = (await kramek.core.services.createApiToken({ name: 'fuzz', role: 'owner' })).token;
    });
    after(() => {
      console.log(`fuzz on ${dialect.name}: ${tried.inputs} inputs`);
      return kramek.close();
    });

    /** Runs the inputs; none may end in a 5xx, and when all were refused the data must be unchanged. */
    async function fuzzRoute(label: string, send: (input: unknown) => Promise<Outcome>, inputs: fc.Arbitrary<unknown>) {
      const before = await fingerprint(kramek);
      let allRefused = true;
      await fc.assert(
        fc.asyncProperty(inputs, async (input) => {
          const outcome = await send(input);
          tried.inputs++;
          if (outcome.status >= 500) throw new Error(`${label}: ${outcome.status} ${outcome.body.slice(0, 300)}`);
          if (outcome.status < 400) allRefused = false;
        }),
        { numRuns: RUNS_PER_ROUTE, seed: 20261126 },
      );
      if (allRefused) assert.deepEqual(await fingerprint(kramek), before, `${label} changed data while refusing every input`);
    }

    test('the store order API: random JSON, wrong types and broken encodings get a 4xx with a clear error', async () => {
      const send = async (input: unknown): Promise<Outcome> => {
        const response = await kramek.app.inject({ method: 'POST', url: '/api/store/orders', headers: { 'content-type': 'application/json' }, payload: JSON.stringify(input) });
        if (response.statusCode >= 400 && response.statusCode < 500) {
          const error = response.json().error;
          assert.ok(typeof error?.code === 'string' && typeof error?.message === 'string' && error.message.length > 0, response.body);
        }
        return { status: response.statusCode, body: response.body };
      };
      const nearlyValid = fc.record({
        items: fc.oneof(jsonValue, fc.array(fc.record({ sku: fc.oneof(nastyString, fc.constant('TEA-1')), quantity: jsonValue }), { maxLength: 3 })),
        customer: fc.oneof(jsonValue, fc.record({ email: nastyString, name: nastyString, phone: jsonValue })),
        billingAddress: jsonValue,
        shippingMethod: fc.oneof(nastyString, fc.constant('ppl')),
        paymentMethod: fc.oneof(nastyString, fc.constant('bank-transfer')),
        note: jsonValue,
      });
      await fuzzRoute('POST /api/store/orders', send, fc.oneof(jsonValue, nearlyValid));

      const before = await fingerprint(kramek);
      for (const [type, payload] of [
        ['application/json', Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d])],
        ['application/json', '{"items": ['],
        ['application/json', 'x'.repeat(2 * 1024 * 1024)],
        ['application/json; charset=latin1', '{"items": []}'],
        ['text/plain', 'items=1'],
        ['application/x-www-form-urlencoded', Buffer.from([0x61, 0x3d, 0xc3, 0x28])],
      ] as const) {
        const response = await kramek.app.inject({ method: 'POST', url: '/api/store/orders', headers: { 'content-type': type }, payload });
        tried.inputs++;
        assert.ok(response.statusCode >= 400 && response.statusCode < 500, `${type}: ${response.statusCode}`);
        assert.ok(response.json().error.message, `${type}: ${response.body.slice(0, 200)}`);
      }
      assert.deepEqual(await fingerprint(kramek), before);
    });

    test('every admin API route: random JSON bodies and query strings never end in a 5xx', async () => {
      const routes = kramek.app.routeTable.filter((r) => r.url.startsWith('/api/admin') && r.method !== 'HEAD');
      assert.ok(routes.length >= 10);
      for (const route of routes) {
        const url = concrete(route.url);
        await fuzzRoute(`${route.method} ${url}`, async (input) => {
          const withBody = route.method !== 'GET' && route.method !== 'DELETE';
          const query = route.method === 'GET' ? `?${new URLSearchParams(Object.entries((input ?? {}) as object).map(([k, v]) => [k, String(v)])).toString()}` : '';
          const response = await kramek.app.inject({
            method: route.method as 'POST',
            url: `${url}${query}`,
            headers: { authorization: `Bearer ${adminToken}`, ...(withBody ? { 'content-type': 'application/json' } : {}) },
            ...(withBody ? { payload: JSON.stringify(input) } : {}),
          });
          return { status: response.statusCode, body: response.body };
        }, route.method === 'GET' ? formBody : jsonValue);
      }
    });

    test('every form route: random fields with a valid CSRF token never end in a 5xx', async () => {
      const routes = kramek.app.routeTable.filter(
        (r) => ['POST', 'PUT', 'PATCH', 'DELETE'].includes(r.method) && !r.url.startsWith('/api') && !/odhlaseni|prihlaseni/.test(r.url),
      );
      assert.ok(routes.length >= 10);
      for (const route of routes) {
        const url = concrete(route.url);
        await fuzzRoute(`${route.method} ${url}`, async (input) => {
          const body = new URLSearchParams();
          for (const [key, value] of Object.entries(input as Record<string, string | string[]>)) for (const v of [value].flat()) body.append(key, v);
          body.set('_csrf', csrf);
          const response = await owner.request({
            method: route.method as 'POST',
            url,
            headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost' },
            payload: body.toString(),
          });
          return { status: response.statusCode, body: response.body };
        }, formBody);
      }
      assert.equal((await owner.get('/admin/objednavky')).statusCode, 200, 'the admin session survived the fuzz');
    });
  });
}
