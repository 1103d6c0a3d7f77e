/**
 * The invoice and credit note renderer (A4, Czech or English): what § 29 asks of a tax document — supplier and
 * customer with IČO and DIČ, number, dates of issue and of taxable supply, lines, VAT rate, base and VAT per rate in
 * CZK, total — plus due date, payment method, variable symbol, and QR Platba while a bank transfer is unpaid.
 */
import PDFDocument from 'pdfkit';
import { documentTitle } from '../../domain/invoices/document-titles.js';
import { asksForTransfer, invoiceSpayd, type InvoiceDocument } from '../../domain/invoices/invoice-document.js';
import { documentFonts, useDocumentFonts } from './fonts.js';
import { INVOICE_LABELS } from './invoice-labels.js';
import { drawLines, drawSummary, summaryHeight } from './invoice-lines.js';
import { formatDocumentDate } from './labels.js';
import { COLOR, LEFT, Layout, PAGE, RIGHT, WIDTH } from './layout.js';
import { drawParties } from './parties.js';
import { drawQr, drawStamp, QR_SIZE, stampHeight } from './payment-block.js';
import { qrMatrix, type QrMatrix } from '../qr/qr-code.js';
import { printableImage } from './images.js';

type L = Layout<InvoiceDocument>;

function drawHead(l: L): void {
  const { doc, pdf } = l;
  const top = l.y;
  let leftBottom = top + 20;
  if (doc.showLogo && doc.logo) {
    pdf.image(doc.logo, LEFT, top, { fit: [160, 52] });
    leftBottom = top + 52;
  } else {
    l.line(doc.seller.name, LEFT, top, { bold: true, size: 14 });
  }
  l.line(l.title, RIGHT - 330, top, { bold: true, size: 15, width: 330, align: 'right' });
  l.line(doc.invoice.number, RIGHT - 330, top + 22, { bold: true, size: 12, width: 330, align: 'right' });
  l.y = Math.max(leftBottom, top + 40) + 10;
  l.rule(l.y);
  l.y += 12;
}

/** Dates, payment and references in two columns of "label: value" rows; a credit note's reason under them. */
function drawFacts(l: L): void {
  const { invoice, locale } = l.doc;
  const t = INVOICE_LABELS[locale];
  const date = (d: string) => formatDocumentDate(`${d}T12:00:00Z`, locale);
  const left: [string, string][] = [[t.issueDate, date(invoice.issueDate)]];
  if (invoice.vatPayer) left.push([t.taxableDate, date(invoice.taxableDate)]);
  if (invoice.dueDate) left.push([t.dueDate, date(invoice.dueDate)]);
  const right: [string, string][] = [
    [t.paymentMethod, invoice.content.payment.name],
    [t.variableSymbol, invoice.variableSymbol],
    [t.order, invoice.orderNumber],
  ];
  if (invoice.content.original) right.push([t.original, `${invoice.content.original.number} ${t.originalDate} ${date(invoice.content.original.issueDate)}`]);
  const half = WIDTH / 2 - 10;
  const rows = (items: [string, string][], x: number, labelWidth: number) =>
    items.forEach(([label, value], i) => {
      l.line(label, x, l.y + i * 13, { size: 8, color: COLOR.muted });
      l.line(value, x + labelWidth, l.y + i * 13, { size: 8.5, bold: label === t.variableSymbol });
    });
  rows(left, LEFT, 175);
  rows(right, LEFT + half + 20, 110);
  l.y += Math.max(left.length, right.length) * 13 + 8;
  if (invoice.reason) {
    const text = `${t.reason}: ${invoice.reason}`;
    l.ensure(l.heightOf(text, WIDTH, { bold: true }) + 12);
    l.y += l.paragraph(text, LEFT, l.y, WIDTH, { bold: true }) + 8;
  }
  l.rule(l.y);
  l.y += 10;
}

function paymentRows(l: L): [string, string][] {
  if (!asksForTransfer(l.doc)) return [];
  const t = l.t;
  const rows: [string, string][] = [];
  for (const account of l.doc.invoice.content.bankAccounts) {
    if (account.number) rows.push([t.account, account.number]);
    if (account.iban) rows.push([t.iban, account.iban]);
    if (account.bic) rows.push([t.bic, account.bic]);
  }
  rows.push([t.variableSymbol, l.doc.invoice.variableSymbol]);
  return rows;
}

function drawPayment(l: L, qr: QrMatrix | null, top: number): number {
  const rows = paymentRows(l);
  if (rows.length === 0) return top;
  l.line(l.t.paymentDetails.toUpperCase(), LEFT, top, { bold: true, size: 7.5, color: COLOR.muted });
  let y = top + 14;
  for (const [label, value] of rows) {
    l.line(label, LEFT, y, { size: 8, color: COLOR.muted });
    l.line(value, LEFT + 90, y, { size: 8.5, bold: label === l.t.variableSymbol });
    y += 12;
  }
  if (qr) {
    drawQr(l, qr, LEFT, y + 6);
    l.line(l.t.qr, LEFT, y + 6 + QR_SIZE + 4, { size: 8, color: COLOR.muted });
    y += QR_SIZE + 24;
  }
  return y;
}

export async function renderInvoicePdf(source: InvoiceDocument): Promise<Buffer> {
  const fonts = documentFonts();
  const [logo, stamp] = await Promise.all([source.showLogo && source.logo ? printableImage(source.logo) : null, source.showStamp && source.stamp ? printableImage(source.stamp) : null]);
  const doc: InvoiceDocument = { ...source, logo, stamp };
  const title = documentTitle(doc.invoice, doc.locale);
  const pdf = new PDFDocument({
    size: [PAGE.width, PAGE.height],
    margin: 0,
    bufferPages: true,
    autoFirstPage: true,
    font: fonts.regular as never,
    lang: doc.locale === 'en' ? 'en-GB' : 'cs-CZ',
    info: { Title: `${title} ${doc.number}`, Author: doc.seller.legalName || doc.seller.name, Creator: 'Kramek', Producer: 'Kramek', CreationDate: new Date(doc.invoice.issuedAt) },
  });
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  useDocumentFonts(pdf, () => (pdf as unknown as { _font?: never })._font);

  const l = new Layout(pdf, doc);
  l.title = title;
  const spayd = invoiceSpayd(doc);
  const qr = spayd ? qrMatrix(spayd) : null;
  drawHead(l);
  drawParties(l);
  drawFacts(l);
  drawLines(l);
  const t = INVOICE_LABELS[doc.locale];
  const paymentHeight = paymentRows(l).length * 12 + 14 + (qr ? QR_SIZE + 24 : 0);
  l.ensure(Math.max(summaryHeight(l) + stampHeight(l), paymentHeight));
  const top = l.y;
  const right = drawStamp(l, drawSummary(l, top));
  l.y = Math.max(right, drawPayment(l, qr, top)) + 8;
  const notes = [doc.invoice.kind === 'credit_note' && doc.invoice.vatPayer ? t.creditNote : '', doc.invoice.simplified ? t.simplified : ''].filter(Boolean);
  for (const note of notes) {
    l.ensure(14);
    l.line(note, LEFT, l.y, { size: 8, color: COLOR.muted });
    l.y += 13;
  }
  l.finishPages();
  pdf.end();
  return done;
}
