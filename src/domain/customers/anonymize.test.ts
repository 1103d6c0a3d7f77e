import { test } from 'node:test';
import assert from 'node:assert/strict';
import { anonymizedEventText, personalPattern, REDACTED, scrub } from './anonymize.js';

const jana = {
  name: 'Jana Nováková',
  email: 'jana.novakova@example.cz',
  phone: '+420 601 123 456',
  company: 'Nováková Design',
  ico: '25596641',
  dic: 'CZ25596641',
  addresses: [{ street: 'Dlouhá 12', city: 'Praha', zip: '110 00', country: 'CZ' }, null],
};

test('names, emails, phones in any spacing, identifiers and addresses are cut out of free text', () => {
  const pattern = personalPattern([jana]);
  const text = 'Volala Jana Nováková z 601123456 (také 601 123 456), e-mail Jana.Novakova@example.cz, IČO 25596641, Dlouhá 12, 11000 Praha.';
  const scrubbed = scrub(text, pattern);
  for (const piece of ['Jana', 'Nováková', '601', 'novakova', '25596641', 'Dlouhá', 'Praha', '11000']) assert.ok(!scrubbed.toLowerCase().includes(piece.toLowerCase()), `${piece} in ${scrubbed}`);
  assert.ok(scrubbed.startsWith(`Volala ${REDACTED}`));
});

test('declined Czech forms go too, with or without diacritics, but other words stay', () => {
  const scrubbed = scrub('Paní Novákové jsme psali, paní Novakovou jsme volali, v Praze nebyla. Balík odeslán.', personalPattern([jana]));
  assert.doesNotMatch(scrubbed, /Novák|Novakov|Praz/i);
  assert.match(scrubbed, /Balík odeslán\./);
  assert.match(scrubbed, /^Paní /);
});

test('an email entry keeps only its first line; the guest-purchase note is replaced whole', () => {
  const pattern = personalPattern([jana]);
  const email = anonymizedEventText('email', 'E-mail zákazníkovi (jana.novakova@example.cz): Dotaz\n\nDobrý den, paní Nováková, bydlíte stále v Dlouhé?', pattern);
  assert.equal(email, `E-mail zákazníkovi (${REDACTED}): Dotaz\n\n(Text e-mailu odstraněn při anonymizaci.)`);
  assert.equal(anonymizedEventText('note', 'Jednorázový nákup bez registrace. Zadané údaje:\nJméno: Jana', pattern), 'Jednorázový nákup bez registrace. Zadané údaje byly anonymizovány.');
  assert.equal(scrub('nic osobního', null), 'nic osobního');
});
