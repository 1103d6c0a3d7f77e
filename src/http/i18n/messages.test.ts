import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AREA_MESSAGES, pickLocale, translator } from './messages.js';
import { safeLocalPath } from '../middleware/locale.js';

test('Czech is the default; a cookie choice beats Accept-Language', () => {
  assert.equal(pickLocale(undefined, undefined), 'cs');
  assert.equal(pickLocale(undefined, 'en-GB,en;q=0.9'), 'en');
  assert.equal(pickLocale(undefined, 'de-DE'), 'cs');
  assert.equal(pickLocale('cs', 'en-US'), 'cs');
  assert.equal(pickLocale('xx', 'en-US'), 'en');
});

test('placeholders are filled and both languages have the panel names', () => {
  assert.equal(translator('cs')('admin.signedInAs', { name: 'Jana' }), 'Přihlášen(a): Jana');
  assert.equal(translator('cs')('nav.orders'), 'Objednávky');
  assert.equal(translator('en')('nav.orders'), 'Orders');
});

test('the language switch only returns to local paths', () => {
  assert.equal(safeLocalPath('/admin/zbozi?x=1', '/'), '/admin/zbozi?x=1');
  assert.equal(safeLocalPath('//evil.example', '/'), '/');
  assert.equal(safeLocalPath('/\\evil.example', '/'), '/');
  assert.equal(safeLocalPath('https://evil.example', '/'), '/');
  assert.equal(safeLocalPath(undefined, '/admin'), '/admin');
});

test('no text key is defined by two areas (one would silently replace the other)', () => {
  const owner = new Map<string, string>();
  for (const [area, messages] of Object.entries(AREA_MESSAGES)) {
    for (const key of Object.keys(messages.cs)) {
      assert.equal(owner.get(key), undefined, `${key} is in ${owner.get(key)} and ${area}`);
      owner.set(key, area);
    }
    assert.deepEqual(Object.keys(messages.en).sort(), Object.keys(messages.cs).sort(), `${area}: the same keys in both languages`);
  }
});
