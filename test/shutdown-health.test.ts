/** Health, readiness and request ids, as a load balancer and the logs see them. */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS } from './support/databases.js';
import { startKramek, type TestKramek } from './support/kramek.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

for (const dialect of DIALECTS) {
  describe(`health and readiness on ${dialect.name}`, () => {
    let kramek: TestKramek;
    before(async () => {
      kramek = await startKramek(dialect);
    });
    after(async () => kramek.close());

    test('GET /health and GET /ready answer 200, never cached', async () => {
      const health = await kramek.app.inject({ method: 'GET', url: '/health' });
      assert.equal(health.statusCode, 200);
      assert.deepEqual(health.json(), { status: 'ok' });
      assert.equal(health.headers['cache-control'], 'no-store');
      const ready = await kramek.app.inject({ method: 'GET', url: '/ready' });
      assert.equal(ready.statusCode, 200);
      assert.deepEqual(ready.json(), { status: 'ready' });
      assert.equal(ready.headers['cache-control'], 'no-store');
    });

    test('a sane X-Request-Id is kept and echoed; anything else is replaced by a new UUID', async () => {
      const kept = await kramek.app.inject({ method: 'GET', url: '/health', headers: { 'x-request-id': '7f3a9c0e1b2d4f6a8c0e1b2d4f6a8c0e' } });
      assert.equal(kept.headers['x-request-id'], '7f3a9c0e1b2d4f6a8c0e1b2d4f6a8c0e');
      for (const bad of ['a b', '<script>', 'x'.repeat(129), '{"level":60}', '']) {
        const answer = await kramek.app.inject({ method: 'GET', url: '/health', headers: { 'x-request-id': bad } });
        assert.match(String(answer.headers['x-request-id']), UUID, `for ${JSON.stringify(bad)}`);
      }
      const generated = await kramek.app.inject({ method: 'GET', url: '/' });
      assert.match(String(generated.headers['x-request-id']), UUID);
    });

    test('readiness fails with 503 while the database does not answer; liveness does not depend on it', async () => {
      await kramek.core.db.destroy();
      const ready = await kramek.app.inject({ method: 'GET', url: '/ready' });
      assert.equal(ready.statusCode, 503);
      assert.deepEqual(ready.json(), { status: 'unavailable' });
      assert.equal((await kramek.app.inject({ method: 'GET', url: '/health' })).statusCode, 200);
    });
  });
}
