/** The top of the order document: logo or shop name, order number, date, status; then the seller and buyer blocks. */
import type { DocumentAddress, OrderDocument } from '../../domain/documents/order-document.js';
import { countryName } from '../../domain/customers/countries.js';
import { COLOR, LEFT, RIGHT, WIDTH, type Layout, type PageDocument } from './layout.js';
import { formatDocumentDate, STATUS_LABELS } from './labels.js';
import { pickupPointLines } from '../../domain/shipping/pickup-point.js';

/** The seller and buyer blocks serve the order document and the invoices alike. */
export type PartiesDocument = PageDocument & Pick<OrderDocument, 'seller' | 'buyer' | 'showContacts' | 'pickupPoint'>;

export function drawHead(l: Layout): void {
  const { doc, t, pdf } = l;
  const top = l.y;
  let leftBottom = top + 20;
  if (doc.showLogo && doc.logo) {
    pdf.image(doc.logo, LEFT, top, { fit: [160, 52] });
    leftBottom = top + 52;
  } else {
    l.line(doc.seller.name, LEFT, top, { bold: true, size: 14 });
  }
  l.line(`${t.title} ${doc.number}`, RIGHT - 300, top, { bold: true, size: 17, width: 300, align: 'right' });
  l.line(`${t.date}: ${formatDocumentDate(doc.createdAt, doc.locale)}`, RIGHT - 300, top + 24, { width: 300, align: 'right' });
  l.line(`${t.status}: ${STATUS_LABELS[doc.locale][doc.status]}`, RIGHT - 300, top + 37, { width: 300, align: 'right' });
  l.y = Math.max(leftBottom, top + 50) + 10;
  l.rule(l.y);
  l.y += 12;
}

function addressLines(l: Layout<PartiesDocument>, address: DocumentAddress): string[] {
  return [address.street, `${address.zip} ${address.city}`.trim(), countryName(l.doc.locale, address.country)].filter(Boolean);
}

function block(l: Layout<PartiesDocument>, x: number, y: number, width: number, heading: string, lines: { text: string; bold?: boolean }[]): number {
  l.line(heading.toUpperCase(), x, y, { bold: true, size: 7.5, color: COLOR.muted });
  let at = y + 13;
  for (const line of lines) at += l.paragraph(line.text, x, at, width, { bold: line.bold, size: line.bold ? 10 : 9 });
  return at;
}

export function drawParties(l: Layout<PartiesDocument>): void {
  const { doc, t } = l;
  const half = WIDTH / 2 - 10;
  const seller = doc.seller;
  const sellerLines = [
    { text: seller.name, bold: true },
    ...(seller.legalName && seller.legalName !== seller.name ? [{ text: seller.legalName }] : []),
    ...addressLines(l, seller.address).map((text) => ({ text })),
    ...(seller.ico ? [{ text: `${t.ico}: ${seller.ico}` }] : []),
    ...(seller.dic ? [{ text: `${t.dic}: ${seller.dic}` }] : []),
    ...(doc.showContacts
      ? [seller.email && `${t.email}: ${seller.email}`, seller.phone && `${t.phone}: ${seller.phone}`, seller.web && `${t.web}: ${seller.web}`].filter(Boolean).map((text) => ({ text: text as string }))
      : []),
  ];
  const buyer = doc.buyer;
  const buyerLines = [
    { text: buyer.name, bold: true },
    ...(buyer.company ? [{ text: buyer.company }] : []),
    ...addressLines(l, buyer.billingAddress).map((text) => ({ text })),
    ...(buyer.ico ? [{ text: `${t.ico}: ${buyer.ico}` }] : []),
    ...(buyer.dic ? [{ text: `${t.dic}: ${buyer.dic}` }] : []),
    { text: `${t.email}: ${buyer.email}` },
    ...(buyer.phone ? [{ text: `${t.phone}: ${buyer.phone}` }] : []),
  ];
  const top = l.y;
  const sellerBottom = block(l, LEFT, top, half, t.seller, sellerLines);
  let buyerBottom = block(l, LEFT + half + 20, top, half, `${t.buyer} – ${t.billingAddress}`, buyerLines);
  if (buyer.shippingAddress) {
    const lines = [{ text: buyer.company ? `${buyer.name}, ${buyer.company}` : buyer.name }, ...addressLines(l, buyer.shippingAddress).map((text) => ({ text }))];
    buyerBottom = block(l, LEFT + half + 20, buyerBottom + 8, half, t.shippingAddress, lines);
  }
  if (doc.pickupPoint) {
    const lines = [...pickupPointLines(doc.pickupPoint).map((text, i) => ({ text, bold: i === 0 })), { text: `ID ${doc.pickupPoint.id}` }];
    buyerBottom = block(l, LEFT + half + 20, buyerBottom + 8, half, t.pickupPoint, lines);
  }
  l.y = Math.max(sellerBottom, buyerBottom) + 14;
}
