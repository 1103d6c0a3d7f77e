import { test } from 'node:test';
import assert from 'node:assert/strict';
import { afterFailure, formatMailbox, headerSafe, MAX_ATTEMPTS, messageIdFor, retryDelayMs } from './outbox-policy.js';

test('retries back off exponentially with jitter, up to a ceiling', () => {
  assert.equal(retryDelayMs(1, 0.5), 30_000);
  assert.equal(retryDelayMs(2, 0.5), 60_000);
  assert.equal(retryDelayMs(5, 0.5), 480_000);
  assert.equal(retryDelayMs(30, 0.5), 2 * 3600_000);
  assert.equal(retryDelayMs(1, 0), 24_000, '−20 %');
  assert.equal(retryDelayMs(1, 0.999999), 36_000, '+20 %');
});

test('after N tries, or on a permanent error, an email fails for good', () => {
  const now = new Date('2026-11-26T13:00:00Z');
  assert.deepEqual(afterFailure(1, false, now, 0.5), { status: 'queued', nextAttemptAt: new Date('2026-11-26T13:00:30Z') });
  assert.deepEqual(afterFailure(MAX_ATTEMPTS - 1, false, now, 0.5).status, 'queued');
  assert.deepEqual(afterFailure(MAX_ATTEMPTS, false, now, 0.5), { status: 'failed' });
  assert.deepEqual(afterFailure(1, true, now, 0.5), { status: 'failed' });
});

test('the Message-ID is <uuid@host of PUBLIC_URL>', () => {
  assert.equal(messageIdFor('1b4e28ba-2fa1-11d2-883f-0016d3cca427', 'https://obchod.example.cz/shop'), '<1b4e28ba-2fa1-11d2-883f-0016d3cca427@obchod.example.cz>');
  assert.equal(messageIdFor('u', 'http://[::1]:3000'), '<u@kramek.localhost>');
  assert.equal(messageIdFor('u', 'not a url'), '<u@kramek.localhost>');
});

test('CR/LF never survive into a header text', () => {
  assert.equal(headerSafe('Objednávka 1\r\nBcc: evil@example.com'), 'Objednávka 1 Bcc: evil@example.com');
  assert.equal(headerSafe('Jana\nNováková\u2028x'), 'Jana Nováková x');
  assert.doesNotMatch(headerSafe('a\r\n\r\nb\tc\u0000d'), /[\r\n\t\0]/);
});

test('a mailbox name can never add a recipient or a header', () => {
  assert.equal(formatMailbox('Jana Nováková', 'jana@example.cz'), '"Jana Nováková" <jana@example.cz>');
  assert.equal(formatMailbox('Eve <eve@evil.example>, "x"\r\nBcc: a@b.c', 'jana@example.cz'), '"Eve <eve@evil.example>, x Bcc: a@b.c" <jana@example.cz>');
  assert.equal(formatMailbox(null, ' jana@example.cz '), 'jana@example.cz');
});
