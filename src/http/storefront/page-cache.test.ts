import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { microCache } from './page-cache.js';

const request = (url: string, cookies: Record<string, string> = {}) => ({ url, locale: 'cs', cookies }) as unknown as FastifyRequest;
const reply = { type: () => reply, send: (body: string) => body, callNotFound: () => null } as unknown as FastifyReply;

/** Asks the cache for `url`; true when the body had to be produced (a miss). */
function missCounter(cache: ReturnType<typeof microCache>, bodyChars: number) {
  return async (url: string) => {
    let produced = false;
    await cache(request(url), reply, 'application/json', async () => {
      produced = true;
      return 'x'.repeat(bodyChars);
    });
    return produced;
  };
}

test('a repeated URL is answered from the micro-cache until the catalogue changes', async () => {
  let revision = 1;
  const ask = missCounter(microCache(() => revision), 100);
  assert.equal(await ask('/a'), true);
  assert.equal(await ask('/a'), false);
  revision++;
  assert.equal(await ask('/a'), true);
});

test('thousands of distinct URLs keep the cache within its budget: the oldest answers go first', async () => {
  const ask = missCounter(microCache(() => 1), 200_000);
  for (let i = 0; i < 100; i++) await ask(`/list?page=${i}`); // 20 M characters asked for, 4 M kept
  assert.equal(await ask('/list?page=99'), false, 'the newest is kept');
  assert.equal(await ask('/list?page=0'), true, 'the oldest was dropped to stay within the budget');
});
