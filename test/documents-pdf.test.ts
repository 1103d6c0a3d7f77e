import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { decodeQR } from 'qr/decode.js';
import { PNG } from 'pngjs';
import pixelmatch from 'pixelmatch';
import { renderOrderPdf } from '../src/adapters/pdf/order-pdf.js';
import { orderPdfAttachments } from '../src/adapters/pdf/order-pdf-attachments.js';
import { documentSpayd } from '../src/domain/documents/order-payment.js';
import { documentVatSummary } from '../src/domain/documents/order-document.js';
import { formatMoney } from '../src/domain/money/money.js';
import { fixtureDocument } from './fixtures/order-document.js';
import { pdfImageCount, pdfInfo, pdfPages, plain, renderPage, wordBox } from './support/pdf.js';

const REFERENCE = new URL('./fixtures/order-document-page1.png', import.meta.url);

describe('order document (PDF)', () => {
  test('a Czech bank-transfer order: numbers, names with diacritics, VAT summary and payment details read back', async () => {
    const doc = fixtureDocument();
    const pdf = await renderOrderPdf(doc);
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
    const pages = pdfPages(pdf);
    assert.equal(pages.length, 1);
    const text = pages[0]!;
    for (const expected of [
      'Objednávka 2026000001',
      'Datum: 26. 11. 2026',
      'Stav: Nová',
      'Čajovna U Dvou Koček',
      'Čajovna Kočka s.r.o.',
      'Řeznická 1234/5',
      'IČO: 27074358',
      'DIČ: CZ27074358',
      'E-mail: obchod@cajovna-kocka.cz',
      'Jiřina Šťastná-Žďárská',
      'Účetnictví Ďábelská & spol.',
      '381 01 Český Krumlov',
      'Úzká 7',
      'E-mail: jirina@example.cz',
      'Telefon: +420 777 888 999',
      'Žluťoučký jasmín',
      'Ďáblův oolong',
      'Pu-erh „Úsvit“ 2019',
      'Doprava: PPL — doručení na adresu',
      'Platba: Bankovním převodem',
      'Prosím zabalit jako dárek — k narozeninám babičky Růženy. Děkuji!',
      'Číslo účtu',
      '2000145399/2010',
      'CZ93 2010 0000 0020 0014 5399',
      'FIOBCZPP',
      'Variabilní symbol',
      'QR Platba',
      'Razítko a podpis',
      'Strana 1 z 1',
    ]) {
      assert.ok(text.includes(expected), `the document shows "${expected}"`);
    }
    for (const item of doc.items) {
      const row = new RegExp(`${item.sku}\\s+.+?\\s+${item.quantity}\\s+${plain(formatMoney(item.unitPrice))}\\s+${item.vatRate} %\\s+${plain(formatMoney(item.total))}`);
      assert.match(text, row, `the line of ${item.sku}`);
    }
    for (const row of documentVatSummary(doc)) {
      assert.match(text, new RegExp(`${row.rate} %\\s+${plain(formatMoney(row.base))}\\s+${plain(formatMoney(row.vat))}\\s+${plain(formatMoney(row.gross))}`), `VAT ${row.rate} %`);
    }
    assert.match(text, new RegExp(`Celkem k úhradě\\s+${plain(formatMoney(doc.total))}`));
    assert.equal(plain(formatMoney(doc.total)), '2 772,71 Kč', 'the Czech way');
    assert.equal(pdfImageCount(pdf), 2, 'logo and stamp');
    const info = pdfInfo(pdf);
    assert.equal(info.Title, 'Objednávka 2026000001');
    assert.equal(info['Page size'], '595.28 x 841.89 pts (A4)');
  });

  test('the QR code a banking app scans from the page holds the SPAYD string of the order', async () => {
    const doc = fixtureDocument();
    const spayd = documentSpayd(doc);
    assert.equal(spayd, 'SPD*1.0*ACC:CZ9320100000002000145399+FIOBCZPP*AM:2772.71*CC:CZK*X-VS:2026000001*RN:CAJOVNA KOCKA S.R.O.*MSG:OBJEDNAVKA 2026000001');
    const pdf = await renderOrderPdf(doc);
    const caption = wordBox(pdf, 'QR');
    assert.ok(caption, 'the QR caption is on page 1');
    // The code sits right above its caption: the page around it, as a phone's camera sees it, read by a decoder.
    const dpi = 200;
    const k = dpi / 72;
    const crop = { x: Math.floor((caption.x - 20) * k), y: Math.floor((caption.y - 112) * k), width: Math.ceil(136 * k), height: Math.ceil(116 * k) };
    const image = renderPage(pdf, { dpi, crop });
    assert.equal(decodeQR({ width: image.width, height: image.height, data: new Uint8Array(image.data) }), spayd);
  });

  test('an English cash-on-delivery order: English labels and money, no bank details, no QR code; hidden parts stay hidden', async () => {
    const doc = { ...fixtureDocument({ locale: 'en', payment: 'cash-on-delivery' }), showContacts: false, showLogo: false, showStamp: false, status: 'shipped' as const };
    const pdf = await renderOrderPdf(doc);
    const text = pdfPages(pdf).join('\n');
    for (const expected of ['Order 2026000001', 'Date: 26/11/2026', 'Status: Shipped', 'SELLER', 'Company ID: 27074358', 'VAT ID: CZ27074358', 'SHIPPING ADDRESS', 'VAT SUMMARY', 'Total to pay', "CUSTOMER'S NOTE", 'Page 1 of 1', 'Czech Republic', 'Jiřina Šťastná-Žďárská']) {
      assert.ok(text.includes(expected), `shows "${expected}"`);
    }
    assert.match(text, new RegExp(`Total to pay\\s+${plain(formatMoney(doc.total, 'en'))}`));
    assert.ok(plain(formatMoney(doc.total, 'en')).startsWith('CZK '));
    for (const absent of ['PAYMENT DETAILS', 'Variable symbol', 'QR payment', 'obchod@cajovna-kocka.cz', 'Stamp and signature', 'Objednávka']) {
      assert.ok(!text.includes(absent), `does not show "${absent}"`);
    }
    assert.equal(pdfImageCount(pdf), 0, 'no logo, no stamp');
  });

  test('a 200-item order flows onto further pages, each with the table header, page numbers and every line once', async () => {
    const doc = fixtureDocument({ items: 200 });
    const pages = pdfPages(await renderOrderPdf(doc));
    assert.ok(pages.length >= 4, `${pages.length} pages`);
    pages.forEach((page, i) => {
      assert.ok(page.includes(`Strana ${i + 1} z ${pages.length}`), `page ${i + 1} is numbered`);
      if (i > 0) assert.ok(page.includes('Objednávka 2026000001 (pokračování)'), `page ${i + 1} names the order`);
    });
    const withItems = pages.filter((page) => /TEA-\d{3}-100G/.test(page));
    assert.ok(withItems.length >= 4);
    for (const page of withItems) assert.match(page, /Kód\s+Položka\s+Množství\s+Cena\/ks\s+DPH\s+Celkem/, 'the table header is repeated');
    const all = pages.join('\n');
    for (const item of doc.items) assert.equal(all.split(item.sku).length - 1, 1, `${item.sku} appears once`);
    assert.match(all, new RegExp(`Celkem k úhradě\\s+${plain(formatMoney(doc.total))}`));
  });

  test('page 1 looks like the reviewed reference image (within a tolerance)', async () => {
    const actual = renderPage(await renderOrderPdf(fixtureDocument()), { dpi: 50 });
    if (process.env.KRAMEK_UPDATE_REFERENCE === '1') fs.writeFileSync(REFERENCE, PNG.sync.write(actual));
    const reference = PNG.sync.read(fs.readFileSync(REFERENCE));
    assert.deepEqual([actual.width, actual.height], [reference.width, reference.height]);
    const differing = pixelmatch(actual.data, reference.data, undefined, actual.width, actual.height, { threshold: 0.2 });
    const share = differing / (actual.width * actual.height);
    assert.ok(share < 0.005, `${differing} pixels (${(share * 100).toFixed(2)} %) differ from the reference`);
  });

  test('a moved block is caught by the reference comparison', async () => {
    const doc = fixtureDocument();
    const moved = renderPage(await renderOrderPdf({ ...doc, buyer: { ...doc.buyer, shippingAddress: null } }), { dpi: 50 });
    const reference = PNG.sync.read(fs.readFileSync(REFERENCE));
    const differing = pixelmatch(moved.data, reference.data, undefined, moved.width, moved.height, { threshold: 0.2 });
    assert.ok(differing / (moved.width * moved.height) >= 0.005, 'dropping the shipping address shifts the page enough to fail');
  });
});

describe('order PDF attachments', () => {
  test('the customer’s and the owner’s email of one order share one rendering; an unknown order fails for good', async () => {
    const loaded: string[] = [];
    const source = orderPdfAttachments(async (number) => {
      loaded.push(number);
      return number === '2026000404' ? null : fixtureDocument({ number });
    });
    const [customer, owner] = await Promise.all([
      source.render({ kind: 'order_pdf', orderNumber: '2026000009', filename: 'objednavka-2026000009.pdf' }),
      source.render({ kind: 'order_pdf', orderNumber: '2026000009', filename: 'order-2026000009.pdf' }),
    ]);
    assert.deepEqual(loaded, ['2026000009']);
    assert.equal(customer.content, owner.content);
    assert.deepEqual([customer.filename, owner.filename, customer.contentType], ['objednavka-2026000009.pdf', 'order-2026000009.pdf', 'application/pdf']);
    assert.ok(pdfPages(customer.content)[0]!.includes('Objednávka 2026000009'));
    await assert.rejects(source.render({ kind: 'order_pdf', orderNumber: '2026000404', filename: 'x.pdf' }), (error: Error & { permanent?: boolean }) => error.permanent === true && /2026000404 does not exist/.test(error.message));
    await assert.rejects(source.render({ kind: 'invoice' } as never), (error: Error & { permanent?: boolean }) => error.permanent === true && /unknown attachment kind/.test(error.message));
  });
});
