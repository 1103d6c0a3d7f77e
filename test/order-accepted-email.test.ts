import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { PNG } from 'pngjs';
import { simpleParser } from 'mailparser';
import { decodeQR } from 'qr/decode.js';
import { DIALECTS } from './support/databases.js';
import { startKramek, type TestKramek } from './support/kramek.js';
import { BUYER, setUpShop } from './support/orders.js';
import { TestSmtp, type Received } from './support/smtp.js';
import { pdfPages } from './support/pdf.js';
import { DEFAULT_TEMPLATES } from '../src/domain/settings/default-templates.js';

/** The visible text of an HTML part: tags out, entities read. */
const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/[\s\u00a0\u202f]+/g, ' ');

for (const dialect of DIALECTS) {
  describe(`the order-accepted email over SMTP on ${dialect.name}`, () => {
    let smtp: TestSmtp;
    let kramek: TestKramek;
    const deliver = async () => {
      while ((await kramek.core.services.deliverQueuedEmails({ worker: 'test-worker' })).claimed > 0);
    };
    const acceptedFor = (number: string): Received => {
      const mail = smtp.received.find((r) => r.parsed.subject?.includes(number) && r.envelopeTo.includes('jana@example.cz'));
      assert.ok(mail, `the order-accepted email of ${number}`);
      return mail;
    };
    const order = async (overrides: Record<string, unknown>) => {
      const response = await kramek.app.inject({ method: 'POST', url: '/api/store/orders', payload: { ...BUYER, items: [{ sku: 'TEA-1', quantity: 2 }, { sku: 'BOOK-1', quantity: 1 }], ...overrides } });
      assert.equal(response.statusCode, 201, response.body);
      return response.json() as { number: string; total: number };
    };

    before(async () => {
      smtp = await new TestSmtp().start(0);
      kramek = await startKramek(dialect, { env: { PUBLIC_URL: 'https://obchod.example.cz', SMTP_URL: smtp.url } });
      await setUpShop(kramek);
      const accepted = DEFAULT_TEMPLATES.order_accepted.cs;
      await kramek.core.services.updateSettings({
        patch: {
          shop: { legalName: 'Čajovna s.r.o.', bankAccounts: [{ label: 'Fio', number: '2000145399/2010', iban: '', bic: '' }] },
          emails: { templates: { order_accepted: { cs: { subject: accepted.subject, body: `<script>alert("šablona")</script>\n\n${accepted.body}` } } } },
        },
        actor: 'test',
      });
    });
    after(async () => {
      await kramek.close();
      await smtp.stop();
    });

    test('a bank-transfer order: items, prices, total, shipping and payment, the account, the variable symbol and the QR Platba image', async () => {
      const { number, total } = await order({ customer: { ...BUYER.customer, name: 'Jana <b>Nováková</b>' }, shippingAddress: { street: 'Krátká 1', city: 'Brno', zip: '602 00', country: 'CZ' } });
      await deliver();
      const { parsed, raw } = acceptedFor(number);
      const html = String(parsed.html);
      const shown = textOf(html);

      assert.match(shown, new RegExp(`Objednávka č\\. ${number}`));
      assert.match(shown, /Čaj Sencha – 100 g 2 ks 149,00 Kč 298,00 Kč/, 'the item with its quantity, unit price and line total');
      assert.match(shown, /Kniha o čaji 1 ks 448,00 Kč 448,00 Kč/);
      assert.match(shown, /Doprava: PPL – doručení na adresu 129,00 Kč/);
      assert.match(shown, /Platba: Bankovním převodem zdarma/);
      assert.equal(total, 29800 + 44800 + 12900);
      assert.match(shown, /Celkem k úhradě 875,00 Kč/);
      assert.match(shown, /Číslo účtu 2000145399\/2010/);
      assert.match(shown, /IBAN CZ9320100000002000145399/);
      assert.match(shown, new RegExp(`Variabilní symbol ${number}`));
      assert.match(shown, /Doručovací adresa Krátká 1 602 00 Brno Česká republika/);

      // Nothing the owner or the buyer typed becomes markup.
      assert.doesNotMatch(html, /<script|<b>/i);
      assert.match(html, /&lt;script&gt;alert\(&quot;šablona&quot;\)&lt;\/script&gt;/);
      assert.match(html, /Jana &lt;b&gt;Nováková&lt;\/b&gt;/);

      // The QR Platba image is an inline part of the HTML, and it reads as this order's payment.
      const image = parsed.attachments.find((a) => a.contentType === 'image/png');
      assert.ok(image?.cid, 'an inline PNG with a Content-ID');
      // (mailparser turns cid: links into data: URLs unless told not to.)
      const asSent = String((await simpleParser(raw, { skipImageLinks: true })).html);
      assert.ok(asSent.includes(`src="cid:${image.cid}"`), 'which the HTML shows');
      assert.match(raw.toString('latin1'), /Content-Type: multipart\/related/i);
      const png = PNG.sync.read(image.content);
      const spayd = decodeQR({ width: png.width, height: png.height, data: new Uint8Array(png.data) });
      assert.match(spayd, new RegExp(`^SPD\\*1\\.0\\*ACC:CZ9320100000002000145399\\+FIOBCZPP\\*AM:875\\.00\\*CC:CZK\\*X-VS:${number}\\*`));

      // The PDF is still attached as a file, and the plain-text part says the same.
      const pdf = parsed.attachments.find((a) => a.contentType === 'application/pdf');
      assert.equal(pdf?.filename, `objednavka-${number}.pdf`);
      assert.ok(pdfPages(pdf.content)[0]!.includes(`Objednávka ${number}`));
      const text = parsed.text ?? '';
      assert.match(text, /2 × Čaj Sencha – 100 g – 149,00\s*Kč = 298,00\s*Kč/);
      assert.match(text, /Celkem k úhradě: 875,00\s*Kč/);
      assert.match(text, new RegExp(`Variabilní symbol: ${number}`));
      assert.match(text, /<script>alert\("šablona"\)<\/script>/, 'the text part is plain text');
    });

    test('cash on delivery: the order in full, but no bank details and no QR code', async () => {
      const { number } = await order({ paymentMethod: 'cash-on-delivery', items: [{ sku: 'TEA-1', quantity: 1 }] });
      await deliver();
      const { parsed } = acceptedFor(number);
      const shown = textOf(String(parsed.html));
      assert.match(shown, /Čaj Sencha – 100 g 1 ks 149,00 Kč 149,00 Kč/);
      assert.match(shown, /Platba: Na dobírku 39,00 Kč/);
      assert.match(shown, /Celkem k úhradě 317,00 Kč/);
      assert.doesNotMatch(shown, /Variabilní symbol|Číslo účtu/);
      assert.deepEqual(parsed.attachments.map((a) => a.contentType), ['application/pdf']);
    });
  });
}
