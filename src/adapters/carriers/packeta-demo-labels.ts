/** The demo carrier's labels: real A6 PDFs (one a page, or four to an A4 sheet) with the parcel's barcode text. */
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';

const require = createRequire(import.meta.url);
const FONT = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const BOLD = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');

export type DemoLabel = { barcode: string; barcodeText: string; number: string; recipient: string; point: string; cod: string | null; currency: string; sender: string };

const A6 = { width: 297.64, height: 419.53 };
const A4 = { width: 595.28, height: 841.89 };

function drawLabel(pdf: PDFKit.PDFDocument, label: DemoLabel, x: number, y: number) {
  const w = A6.width - 24;
  pdf.rect(x + 8, y + 8, A6.width - 16, A6.height - 16).lineWidth(1).stroke('#222222');
  pdf.font('bold').fontSize(16).fillColor('#ba1b02').text('Zásilkovna', x + 12 + 4, y + 18, { width: w });
  pdf.font('regular').fontSize(7).fillColor('#555555').text('Zkušební dopravce Kramek – zásilka nikam nejede', x + 16, y + 40, { width: w });
  // A stand-in barcode: one bar per digit, so the label looks like one; the text under it is what tests read.
  let bx = x + 24;
  for (const digit of label.barcode.replace(/\D/g, '')) {
    const width = 1 + (Number(digit) % 4);
    pdf.rect(bx, y + 60, width, 60).fill('#000000');
    bx += width + 3;
  }
  pdf.font('bold').fontSize(15).fillColor('#000000').text(label.barcodeText, x + 16, y + 128, { width: w, align: 'center' });
  pdf.font('regular').fontSize(9).text('Příjemce', x + 16, y + 160);
  pdf.font('bold').fontSize(12).text(label.recipient, x + 16, y + 172, { width: w });
  pdf.font('regular').fontSize(9).text('Výdejní místo', x + 16, y + 200);
  pdf.font('bold').fontSize(11).text(label.point, x + 16, y + 212, { width: w });
  if (label.cod) pdf.font('bold').fontSize(13).text(`Dobírka: ${label.cod} ${label.currency}`, x + 16, y + 262, { width: w });
  pdf.font('regular').fontSize(9).text(`Objednávka: ${label.number}`, x + 16, y + 300, { width: w });
  if (label.sender) pdf.text(`Odesílatel: ${label.sender}`, x + 16, y + 314, { width: w });
}

/** `A6 on A6`: a page a label; `A6 on A4`: four to a sheet, the first `offset` positions left empty. */
export function demoLabelsPdf(labels: DemoLabel[], format: string, offset: number): Promise<Buffer> {
  const onA4 = format === 'A6 on A4';
  const page = onA4 ? A4 : A6;
  const pdf = new PDFDocument({ size: [page.width, page.height], margin: 0, autoFirstPage: false, info: { Title: 'Zásilkovna – štítky', Producer: 'Kramek', Creator: 'Kramek' } });
  pdf.registerFont('regular', FONT);
  pdf.registerFont('bold', BOLD);
  const chunks: Buffer[] = [];
  pdf.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  const perPage = onA4 ? 4 : 1;
  labels.forEach((label, i) => {
    const slot = i + (onA4 ? offset : 0);
    if (i === 0 || slot % perPage === 0) pdf.addPage({ size: [page.width, page.height], margin: 0 });
    const position = slot % perPage;
    drawLabel(pdf, label, (position % 2) * A6.width, Math.floor(position / 2) * A6.height);
  });
  pdf.end();
  return done;
}
