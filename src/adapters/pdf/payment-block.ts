/** Bank accounts, the variable symbol and the QR Platba code of a bank-transfer order; the customer's note; the stamp. */
import { documentSpayd } from '../../domain/documents/order-payment.js';
import { isBankTransfer } from '../../domain/documents/order-document.js';
import type { OrderDocument } from '../../domain/documents/order-document.js';
import { COLOR, LEFT, RIGHT, WIDTH, type Layout, type PageDocument } from './layout.js';
import { qrRuns, type QrMatrix } from '../qr/qr-code.js';

export const QR_SIZE = 96;

/** Drawn as vector rectangles (one per run of dark modules in a row): sharp at any zoom, nothing to encode. */
export function drawQr(l: Layout<PageDocument>, qr: QrMatrix, x: number, y: number): void {
  const unit = QR_SIZE / qr.size;
  qrRuns(qr, (col, row, width) => l.pdf.rect(x + col * unit, y + row * unit, width * unit, unit));
  l.pdf.fill('#000000');
}

export function paymentQrText(l: Layout): string | null {
  return documentSpayd(l.doc);
}

/** Rows of the payment details (bank accounts, variable symbol), or none when the document shows no bank transfer. */
function paymentRows(l: Layout): [string, string][] {
  const { doc, t } = l;
  if (!isBankTransfer(doc) || !doc.showBankAccounts || doc.bankAccounts.length === 0) return [];
  const rows: [string, string][] = [];
  for (const account of doc.bankAccounts) {
    if (account.label && doc.bankAccounts.length > 1) rows.push([account.label, '']);
    if (account.number) rows.push([t.account, account.number]);
    if (account.iban) rows.push([t.iban, account.iban]);
    if (account.bic) rows.push([t.bic, account.bic]);
  }
  rows.push([t.variableSymbol, doc.payment.variableSymbol]);
  return rows;
}

export function paymentHeight(l: Layout, qr: QrMatrix | null): number {
  const rows = paymentRows(l).length;
  return rows === 0 ? 0 : 14 + rows * 12 + (qr ? QR_SIZE + 24 : 0);
}

/** The payment details in the left column from `top` (within `width`), the QR code under them; returns where they end. */
export function drawPayment(l: Layout, qr: QrMatrix | null, top: number, width: number): number {
  const rows = paymentRows(l);
  if (rows.length === 0) return top;
  l.line(l.t.paymentDetails.toUpperCase(), LEFT, top, { bold: true, size: 7.5, color: COLOR.muted });
  let y = top + 14;
  const labelWidth = Math.min(100, width * 0.38);
  for (const [label, value] of rows) {
    if (!value) {
      l.line(label, LEFT, y, { size: 8, bold: true }); // the bank's name above its account, when there are several
      y += 12;
      continue;
    }
    l.line(label, LEFT, y, { size: 8, color: COLOR.muted });
    l.line(value, LEFT + labelWidth, y, { size: 8.5, bold: label === l.t.variableSymbol });
    y += 12;
  }
  if (qr) {
    y += 6;
    drawQr(l, qr, LEFT, y);
    l.line(l.t.qr, LEFT, y + QR_SIZE + 4, { size: 8, color: COLOR.muted });
    y += QR_SIZE + 18;
  }
  return y;
}

export function drawNote(l: Layout): void {
  const note = l.doc.note?.trim();
  if (!note) return;
  const height = l.heightOf(note, WIDTH) + 18;
  l.ensure(Math.min(height, 120));
  l.line(l.t.note.toUpperCase(), LEFT, l.y, { bold: true, size: 7.5, color: COLOR.muted });
  l.y += 13;
  l.y += l.paragraph(note, LEFT, l.y, WIDTH) + 12;
}

const STAMP = { width: 150, height: 80 } as const;

type StampDocument = PageDocument & Pick<OrderDocument, 'showStamp' | 'stamp'>;

export const stampHeight = (l: Layout<StampDocument>): number => (l.doc.showStamp && l.doc.stamp ? STAMP.height + 30 : 0);

/** The stamp with signature, right-aligned from `top` (under the total); returns where it ends. */
export function drawStamp(l: Layout<StampDocument>, top: number): number {
  const { doc } = l;
  if (!doc.showStamp || !doc.stamp) return top;
  const x = RIGHT - STAMP.width;
  const y = top + 8;
  l.pdf.image(doc.stamp, x, y, { fit: [STAMP.width, STAMP.height], align: 'right' });
  l.rule(y + STAMP.height + 4, COLOR.line, x, RIGHT);
  l.line(l.t.stamp, x, y + STAMP.height + 8, { size: 8, color: COLOR.muted, width: STAMP.width, align: 'right' });
  return y + STAMP.height + 22;
}
