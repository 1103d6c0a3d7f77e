import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PLACEHOLDERS, renderTemplate, TEMPLATE_KEYS, templateProblems } from './email-templates.js';
import { DEFAULT_TEMPLATES } from './default-templates.js';
import { formatOrderNumber, orderNumberFormatProblem, restartsYearly } from './order-number.js';
import { trackingUrl } from '../orders/carriers.js';

test('every default template is valid and uses only its own placeholders', () => {
  for (const key of TEMPLATE_KEYS) {
    for (const locale of ['cs', 'en'] as const) assert.deepEqual(templateProblems(key, DEFAULT_TEMPLATES[key][locale]), [], `${key}/${locale}`);
  }
});

test('every placeholder of every template is filled in', () => {
  for (const key of TEMPLATE_KEYS) {
    const body = PLACEHOLDERS[key].map((name) => `${name}=[{{${name}}}]`).join('\n');
    const values = Object.fromEntries(PLACEHOLDERS[key].map((name) => [name, `value-of-${name}`]));
    const rendered = renderTemplate({ subject: `S {{${PLACEHOLDERS[key][0]}}}`, body }, values);
    for (const name of PLACEHOLDERS[key]) {
      assert.ok(rendered.text.includes(`${name}=[value-of-${name}]`), `${key}: ${name} in text`);
      assert.ok(rendered.html.includes(`${name}=[value-of-${name}]`), `${key}: ${name} in html`);
    }
    assert.doesNotMatch(rendered.text, /\{\{|\}\}/);
  }
});

test('customer-supplied text is escaped in the HTML part and cannot break the subject', () => {
  const rendered = renderTemplate(
    { subject: 'Objednávka {{orderNumber}} pro {{customerName}}', body: 'Dobrý den, {{customerName}}\n\nPoznámka: {{note}}' },
    { orderNumber: '2026000001', customerName: 'Eva <script>alert(1)</script>\r\nBcc: evil@example.com', note: '"Tom & Jerry" <b>' },
  );
  assert.equal(rendered.subject.includes('\n'), false);
  assert.equal(rendered.subject.includes('\r'), false);
  assert.match(rendered.subject, /^Objednávka 2026000001 pro Eva/);
  assert.doesNotMatch(rendered.html, /<script>|<b>/);
  assert.match(rendered.html, /Eva &lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  assert.match(rendered.html, /&quot;Tom &amp; Jerry&quot; &lt;b&gt;/);
  assert.match(rendered.text, /"Tom & Jerry" <b>/, 'the plain-text part keeps the text as typed');
});

test('links in the text become links in the HTML; paragraphs and line breaks are kept', () => {
  const rendered = renderTemplate({ subject: 'x {{orderNumber}}', body: 'Řádek 1\nŘádek 2\n\nSledování: {{trackingUrl}}' }, { orderNumber: '1', trackingUrl: 'https://www.ppl.cz/vyhledat-zasilku?shipmentId=4012&x=1' });
  assert.match(rendered.html, /<p>Řádek 1<br>Řádek 2<\/p>/);
  assert.match(rendered.html, /<a href="https:\/\/www\.ppl\.cz\/vyhledat-zasilku\?shipmentId=4012&amp;x=1">/);
});

test('malformed templates are refused with the reason', () => {
  const codes = (subject: string, body: string) => templateProblems('status_shipped', { subject, body }).map((p) => `${p.part}:${p.code}${p.detail ? `:${p.detail}` : ''}`);
  assert.deepEqual(codes('Odesláno {{orderNumber}}', 'Číslo {{trackingNumber}}'), []);
  assert.deepEqual(codes('Odesláno {{orderNumber', 'x'), ['subject:template_malformed']);
  assert.deepEqual(codes('Odesláno', 'Heslo {{password}}'), ['body:template_unknown_placeholder:password']);
  assert.deepEqual(codes('', 'x'), ['subject:template_required']);
  assert.deepEqual(codes('a\nb', 'x'), ['subject:template_subject_newline']);
  assert.deepEqual(codes('x', 'a }} b'), ['body:template_malformed']);
  assert.deepEqual(templateProblems('test_email', { subject: 'x {{orderNumber}}', body: 'y' }).map((p) => p.code), ['template_unknown_placeholder']);
});

test('order numbers: year + sequence by default, digits only, at most 10', () => {
  assert.equal(formatOrderNumber('{YYYY}{SEQ:6}', 2026, 1), '2026000001');
  assert.equal(formatOrderNumber('{YY}{SEQ:5}', 2026, 42), '2600042');
  assert.equal(formatOrderNumber('9{SEQ:4}', 2026, 7), '90007');
  assert.equal(orderNumberFormatProblem('{YYYY}{SEQ:6}'), null);
  assert.equal(orderNumberFormatProblem('OBJ{SEQ:6}'), 'order_number_format_invalid');
  assert.equal(orderNumberFormatProblem('{YYYY}{SEQ:7}'), 'order_number_too_long');
  assert.equal(orderNumberFormatProblem('{YYYY}'), 'order_number_needs_sequence');
  assert.equal(orderNumberFormatProblem('{SEQ:2}'), 'order_number_needs_sequence');
  assert.equal(restartsYearly('{YYYY}{SEQ:6}'), true);
  assert.equal(restartsYearly('9{SEQ:6}'), false);
});

test('tracking links are built per carrier, none for own delivery', () => {
  assert.equal(trackingUrl('ppl', '40123456789'), 'https://www.ppl.cz/vyhledat-zasilku?shipmentId=40123456789');
  assert.equal(trackingUrl('zasilkovna', 'Z 123 456 789'), 'https://tracking.packeta.com/cs/?id=Z123456789', 'spaces as printed on the label are taken out');
  assert.equal(trackingUrl('ceska-posta', ' DR 1234 5678 9CZ\t'), 'https://www.postaonline.cz/trackandtrace/-/zasilka/cislo?parcelNumbers=DR123456789CZ');
  assert.equal(trackingUrl('ppl', 'A&B'), 'https://www.ppl.cz/vyhledat-zasilku?shipmentId=A%26B', 'still encoded');
  assert.equal(trackingUrl('own', '1'), null);
  assert.equal(trackingUrl('ppl', '  '), null);
  assert.equal(trackingUrl('unknown', '1'), null);
});
