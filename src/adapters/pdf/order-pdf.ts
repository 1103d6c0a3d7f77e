/** The one order document renderer (A4, Czech or English): e-mail attachments, the admin export and the customer's download. */
import PDFDocument from 'pdfkit';
import type { OrderDocument } from '../../domain/documents/order-document.js';
import { documentFonts, useDocumentFonts } from './fonts.js';
import { LEFT, Layout, PAGE } from './layout.js';
import { drawHead, drawParties } from './parties.js';
import { drawItems, drawTotals, totalsHeight, TOTALS_LEFT } from './items-table.js';
import { drawNote, drawPayment, drawStamp, paymentHeight, paymentQrText, stampHeight } from './payment-block.js';
import { qrMatrix } from '../qr/qr-code.js';
import { printableImage } from './images.js';

export async function renderOrderPdf(source: OrderDocument): Promise<Buffer> {
  const fonts = documentFonts();
  const [logo, stamp] = await Promise.all([
    source.showLogo && source.logo ? printableImage(source.logo) : null,
    source.showStamp && source.stamp ? printableImage(source.stamp) : null,
  ]);
  const doc: OrderDocument = { ...source, logo, stamp };
  const pdf = new PDFDocument({
    size: [PAGE.width, PAGE.height],
    margin: 0, // pages are broken by Layout, never by pdfkit
    bufferPages: true, // page numbers ("Strana 1 z 3") are written when the count is known
    autoFirstPage: true,
    font: fonts.regular as never, // instead of Helvetica, whose metrics pdfkit would parse for every document
    lang: doc.locale === 'en' ? 'en-GB' : 'cs-CZ',
    info: {
      Title: `${doc.locale === 'en' ? 'Order' : 'Objednávka'} ${doc.number}`,
      Author: doc.seller.name,
      Creator: 'Kramek',
      Producer: 'Kramek',
      CreationDate: new Date(doc.createdAt),
    },
  });
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  useDocumentFonts(pdf, () => (pdf as unknown as { _font?: never })._font);

  const layout = new Layout(pdf, doc);
  const spayd = paymentQrText(layout);
  const qr = spayd ? qrMatrix(spayd) : null;
  drawHead(layout);
  drawParties(layout);
  drawItems(layout);
  // Payment details and QR code (left) beside the VAT summary, the total and the stamp (right), kept on one page.
  layout.ensure(Math.max(totalsHeight(layout) + stampHeight(layout), paymentHeight(layout, qr)));
  const top = layout.y;
  const right = drawStamp(layout, drawTotals(layout, top));
  layout.y = Math.max(right, drawPayment(layout, qr, top, TOTALS_LEFT - LEFT - 16)) + 8;
  drawNote(layout);
  layout.finishPages();
  pdf.end();
  return done;
}
