/**
 * Issued invoices and credit notes for Pohoda (Stormware data pack 2.0, `inv:invoice`): the document's own number
 * (numberRequested), variable symbol, dates (issue, taxable supply, due), partner, items with VAT-inclusive unit
 * prices and the VAT summary per rate class. A credit note is Pohoda's "issuedCorrectiveTax" with negative quantities,
 * so its sums come out negative as Pohoda keeps them. Valid against Pohoda's data.xsd.
 */
import { clip, decimal } from '../exports/export-order.js';
import { address, NS, PAYMENT_TYPES, pohodaRate, type PohodaRate } from '../exports/pohoda.js';
import { attributes, textElement as el } from '../exports/xml-text.js';
import { documentTitle } from './document-titles.js';
import type { Invoice } from './invoice.js';

const INVOICE_NS = { ...NS, 'xmlns:inv': 'http://www.stormware.cz/schema/version_2/invoice.xsd' };

function header(doc: Invoice): string {
  const c = doc.content;
  const b = c.buyer;
  const text = doc.kind === 'credit_note' ? `${documentTitle(doc, 'cs')} k faktuře ${c.original?.number ?? ''}: ${doc.reason ?? ''}` : `${documentTitle(doc, 'cs')} k objednávce ${c.order.number}`;
  const payment = PAYMENT_TYPES[c.payment.kind];
  return (
    '<inv:invoiceHeader>' +
    `<inv:invoiceType>${doc.kind === 'credit_note' ? 'issuedCorrectiveTax' : 'issuedInvoice'}</inv:invoiceType>` +
    `<inv:number><typ:numberRequested checkDuplicity="true">${doc.number}</typ:numberRequested></inv:number>` +
    el('inv:symVar', doc.variableSymbol) +
    el('inv:date', doc.issueDate) +
    (doc.vatPayer ? el('inv:dateTax', doc.taxableDate) : '') +
    el('inv:dateDue', doc.dueDate) +
    (doc.kind === 'credit_note' ? el('inv:dateApplicationVAT', doc.issueDate) : '') +
    el('inv:text', clip(text, 240)) +
    `<inv:partnerIdentity><typ:address>${address(b.billingAddress, { company: b.company, name: b.name, phone: b.phone, email: b.email }, b)}</typ:address></inv:partnerIdentity>` +
    el('inv:numberOrder', c.order.number) +
    (payment ? `<inv:paymentType><typ:paymentType>${payment}</typ:paymentType></inv:paymentType>` : '') +
    el('inv:note', doc.reason) +
    el('inv:intNote', `Kramek: ${documentTitle(doc, 'cs')} ${doc.number}, objednávka ${c.order.number}`) +
    '</inv:invoiceHeader>'
  );
}

function items(doc: Invoice): string {
  let out = '<inv:invoiceDetail>';
  for (const line of doc.content.lines) {
    out +=
      '<inv:invoiceItem>' +
      el('inv:text', clip(line.name, 90)) +
      `<inv:quantity>${line.quantity}</inv:quantity>` +
      (line.kind === 'item' ? '<inv:unit>ks</inv:unit>' : '') +
      // Prices are VAT-inclusive (Czech retail): payVAT tells Pohoda that unitPrice includes the tax.
      `<inv:payVAT>${doc.vatPayer ? 'true' : 'false'}</inv:payVAT>` +
      `<inv:rateVAT>${pohodaRate(line.vatRate)}</inv:rateVAT>` +
      `<inv:homeCurrency><typ:unitPrice>${decimal(line.unitPrice)}</typ:unitPrice><typ:price>${decimal(line.base)}</typ:price><typ:priceVAT>${decimal(line.vat)}</typ:priceVAT><typ:priceSum>${decimal(line.total)}</typ:priceSum></inv:homeCurrency>` +
      '</inv:invoiceItem>';
  }
  return `${out}</inv:invoiceDetail>`;
}

function summary(doc: Invoice): string {
  const zero = () => ({ base: 0, vat: 0, gross: 0 });
  const buckets: Record<PohodaRate, { base: number; vat: number; gross: number }> = { none: zero(), low: zero(), high: zero(), third: zero() };
  for (const row of doc.content.vat) {
    const b = buckets[pohodaRate(row.rate)];
    b.base += row.base;
    b.vat += row.vat;
    b.gross += row.gross;
  }
  const { none, low, high, third } = buckets;
  return (
    '<inv:invoiceSummary><inv:roundingDocument>none</inv:roundingDocument><inv:roundingVAT>none</inv:roundingVAT><inv:homeCurrency>' +
    `<typ:priceNone>${decimal(none.gross)}</typ:priceNone>` +
    `<typ:priceLow>${decimal(low.base)}</typ:priceLow><typ:priceLowVAT>${decimal(low.vat)}</typ:priceLowVAT><typ:priceLowSum>${decimal(low.gross)}</typ:priceLowSum>` +
    `<typ:priceHigh>${decimal(high.base)}</typ:priceHigh><typ:priceHighVAT>${decimal(high.vat)}</typ:priceHighVAT><typ:priceHighSum>${decimal(high.gross)}</typ:priceHighSum>` +
    (third.gross ? `<typ:price3>${decimal(third.base)}</typ:price3><typ:price3VAT>${decimal(third.vat)}</typ:price3VAT><typ:price3Sum>${decimal(third.gross)}</typ:price3Sum>` : '') +
    '</inv:homeCurrency></inv:invoiceSummary>'
  );
}

export function pohodaInvoice(doc: Invoice): string {
  return `<dat:dataPackItem version="2.0" id="doklad-${doc.id}"><inv:invoice version="2.0">${header(doc)}${items(doc)}${summary(doc)}</inv:invoice></dat:dataPackItem>\n`;
}

export function pohodaInvoicesHead(input: { shopName: string; ico: string; from: string; to: string; generatedAt: string }): string {
  const id = `kramek-doklady-${input.generatedAt.replace(/[^0-9]/g, '').slice(0, 14)}`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<dat:dataPack${attributes({ ...INVOICE_NS, version: '2.0', id, ico: input.ico || null, application: 'Kramek', note: `Doklady z e-shopu ${input.shopName} od ${input.from} do ${input.to}` })}>\n`;
}

/** A data pack must hold an item: with no documents it holds a read-only request for issued invoices (changes nothing). */
export function pohodaInvoicesTail(count: number): string {
  return (count === 0 ? '<dat:dataPackItem version="2.0" id="prazdny-export"><lst:listInvoiceRequest version="2.0" invoiceType="issuedInvoice" invoiceVersion="2.0"><lst:requestInvoice/></lst:listInvoiceRequest></dat:dataPackItem>\n' : '') + '</dat:dataPack>\n';
}
