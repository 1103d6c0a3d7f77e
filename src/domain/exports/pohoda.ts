/**
 * Pohoda XML (Stormware data pack, version 2.0): each order as a received order (`ord:order`, orderType receivedOrder)
 * with header, partner identity and address, items with VAT rate class and VAT-inclusive unit price, and the summary.
 * UTF-8: Pohoda reads the encoding from the XML declaration, and UTF-8 keeps every character the customer typed
 * (Windows-1250 has no emoji and no letters outside Central Europe).
 */
import { clip, decimal, exportLines, exportVatSummary, pragueDate, type ExportOrder } from './export-order.js';
import type { ExportMeta, ExportWriter } from './export-format.js';
import { attributes, escapeXml, textElement as el } from './xml-text.js';

export const NS = {
  'xmlns:dat': 'http://www.stormware.cz/schema/version_2/data.xsd',
  'xmlns:ord': 'http://www.stormware.cz/schema/version_2/order.xsd',
  'xmlns:typ': 'http://www.stormware.cz/schema/version_2/type.xsd',
  'xmlns:lst': 'http://www.stormware.cz/schema/version_2/list.xsd',
  'xmlns:ftr': 'http://www.stormware.cz/schema/version_2/filter.xsd',
};

export type PohodaRate = 'high' | 'low' | 'third' | 'none';

/** Pohoda's VAT rate classes: 21 % základní (high), 12 % snížená (low), 10 % druhá snížená (third, until 2023), 0 % (none). */
export function pohodaRate(percent: number): PohodaRate {
  if (percent === 0) return 'none';
  if (percent >= 21) return 'high';
  return percent === 10 ? 'third' : 'low';
}

export const PAYMENT_TYPES: Record<string, string> = { 'bank-transfer': 'draft', 'cash-on-delivery': 'delivery', cash: 'cash', card: 'creditcard' };

export function address(a: { street: string; city: string; zip: string; country: string }, who: { company: string | null; name: string; phone: string | null; email: string }, ids: { ico: string | null; dic: string | null } | null): string {
  return (
    el('typ:company', who.company && clip(who.company, 255)) +
    el('typ:name', clip(who.name, 64)) +
    el('typ:city', clip(a.city, 45)) +
    el('typ:street', clip(a.street, 64)) +
    el('typ:zip', clip(a.zip, 15)) +
    (ids ? el('typ:ico', ids.ico && clip(ids.ico, 15)) + el('typ:dic', ids.dic && clip(ids.dic, 18)) : '') +
    `<typ:country><typ:ids>${escapeXml(a.country)}</typ:ids></typ:country>` +
    el('typ:phone', who.phone && clip(who.phone, 40)) +
    el('typ:email', clip(who.email, 98))
  );
}

function shipTo(order: ExportOrder): string {
  const a = order.shippingAddress;
  if (!a) return '';
  const c = order.customer;
  return `<typ:shipToAddress>${el('typ:company', c.company && clip(c.company, 255))}${el('typ:name', clip(c.name, 64))}${el('typ:city', clip(a.city, 45))}${el('typ:street', clip(a.street, 64))}${el('typ:zip', clip(a.zip, 15))}<typ:country><typ:ids>${escapeXml(a.country)}</typ:ids></typ:country></typ:shipToAddress>`;
}

function header(order: ExportOrder): string {
  const c = order.customer;
  const payment = PAYMENT_TYPES[order.payment.kind];
  return (
    '<ord:orderHeader>' +
    '<ord:orderType>receivedOrder</ord:orderType>' +
    el('ord:numberOrder', order.number) +
    el('ord:date', pragueDate(order.createdAt)) +
    el('ord:text', `Objednávka ${order.number} z e-shopu`) +
    `<ord:partnerIdentity><typ:address>${address(order.billingAddress, c, c)}</typ:address>${shipTo(order)}</ord:partnerIdentity>` +
    (payment ? `<ord:paymentType><typ:paymentType>${payment}</typ:paymentType></ord:paymentType>` : '') +
    el('ord:note', order.note) +
    el('ord:intNote', `Kramek ${order.number}; VS ${order.variableSymbol}; ${order.shipping.name}; ${order.payment.name}; stav ${order.status}, platba ${order.paymentStatus}`) +
    '</ord:orderHeader>'
  );
}

function items(order: ExportOrder): string {
  let out = '<ord:orderDetail>';
  for (const line of exportLines(order)) {
    out +=
      '<ord:orderItem>' +
      el('ord:text', clip(line.name, 90)) +
      `<ord:quantity>${line.quantity}</ord:quantity>` +
      `<ord:unit>ks</ord:unit>` +
      // Prices are VAT-inclusive (Czech retail): payVAT tells Pohoda that unitPrice includes the tax.
      '<ord:payVAT>true</ord:payVAT>' +
      `<ord:rateVAT>${pohodaRate(line.vatRate)}</ord:rateVAT>` +
      `<ord:percentVAT>${line.vatRate}</ord:percentVAT>` +
      `<ord:homeCurrency><typ:unitPrice>${decimal(line.unitPrice)}</typ:unitPrice><typ:priceSum>${decimal(line.total)}</typ:priceSum></ord:homeCurrency>` +
      (line.kind === 'item' ? el('ord:code', clip(line.sku, 64)) : '') +
      '</ord:orderItem>';
  }
  return `${out}</ord:orderDetail>`;
}

function summary(order: ExportOrder): string {
  const buckets: Record<PohodaRate, { base: number; vat: number; gross: number }> = { none: { base: 0, vat: 0, gross: 0 }, low: { base: 0, vat: 0, gross: 0 }, high: { base: 0, vat: 0, gross: 0 }, third: { base: 0, vat: 0, gross: 0 } };
  for (const row of exportVatSummary(order).rows) {
    const b = buckets[pohodaRate(row.rate)];
    b.base += row.base;
    b.vat += row.vat;
    b.gross += row.gross;
  }
  const { none, low, high, third } = buckets;
  const price3 = third.gross ? `<typ:price3>${decimal(third.base)}</typ:price3><typ:price3VAT>${decimal(third.vat)}</typ:price3VAT><typ:price3Sum>${decimal(third.gross)}</typ:price3Sum>` : '';
  return (
    '<ord:orderSummary><ord:roundingDocument>none</ord:roundingDocument><ord:homeCurrency>' +
    `<typ:priceNone>${decimal(none.gross)}</typ:priceNone>` +
    `<typ:priceLow>${decimal(low.base)}</typ:priceLow><typ:priceLowVAT>${decimal(low.vat)}</typ:priceLowVAT><typ:priceLowSum>${decimal(low.gross)}</typ:priceLowSum>` +
    `<typ:priceHigh>${decimal(high.base)}</typ:priceHigh><typ:priceHighVAT>${decimal(high.vat)}</typ:priceHighVAT><typ:priceHighSum>${decimal(high.gross)}</typ:priceHighSum>` +
    price3 +
    '</ord:homeCurrency></ord:orderSummary>'
  );
}

export function pohodaOrder(order: ExportOrder): string {
  return `<dat:dataPackItem version="2.0" id="obj-${order.number}"><ord:order version="2.0">${header(order)}${items(order)}${summary(order)}</ord:order></dat:dataPackItem>\n`;
}

const packId = (meta: ExportMeta) => `kramek-${meta.generatedAt.replace(/[^0-9]/g, '').slice(0, 14)}`;

function note(meta: ExportMeta): string {
  const r = meta.range;
  if (r.numbers) return `Objednávky z e-shopu ${meta.shop.name}: ${r.numbers.length} vybraných`;
  return `Objednávky z e-shopu ${meta.shop.name}${r.from ? ` od ${r.from}` : ''}${r.to ? ` do ${r.to}` : ''}${r.status ? `, stav ${r.status}` : ''}`;
}

export const pohodaWriter: ExportWriter = {
  id: 'pohoda',
  contentType: 'application/xml; charset=utf-8',
  extension: 'xml',
  orderMarker: '</dat:dataPackItem>',
  needsHistory: false,
  head: (meta) => `<?xml version="1.0" encoding="UTF-8"?>\n<dat:dataPack${attributes({ ...NS, version: '2.0', id: packId(meta), ico: meta.shop.ico || null, application: 'Kramek', note: note(meta) })}>\n`,
  order: (order) => pohodaOrder(order),
  // A data pack must hold at least one item (data.xsd). With no orders it holds a read-only request for the
  // received orders instead, which changes nothing in Pohoda, so an empty export still imports cleanly.
  tail: (_meta, count) =>
    (count === 0 ? '<dat:dataPackItem version="2.0" id="prazdny-export"><lst:listOrderRequest version="2.0" orderType="receivedOrder" orderVersion="2.0"><lst:requestOrder/></lst:listOrderRequest></dat:dataPackItem>\n' : '') + '</dat:dataPack>\n',
};
