/** Kramek XML 1.0: our own export that carries every field of an order (docs/kramek-xml.md, docs/schemas/kramek-orders-1.0.xsd). */
import { trackingUrl } from '../orders/carriers.js';
import { decimal, exportVatSummary, type ExportAddress, type ExportOrder } from './export-order.js';
import type { ExportWriter } from './export-format.js';
import { attributes, requiredElement as req, textElement as el } from './xml-text.js';

export const KRAMEK_XML_NAMESPACE = 'urn:kramek:orders:1.0';
export const KRAMEK_XML_VERSION = '1.0';

const address = (name: string, a: ExportAddress | null) => (a ? `<${name}>${req('street', a.street)}${req('city', a.city)}${req('zip', a.zip)}${req('country', a.country)}</${name}>` : '');

export function kramekOrder(o: ExportOrder): string {
  const c = o.customer;
  const vat = exportVatSummary(o);
  let items = '';
  for (const i of o.items) items += `<item${attributes({ sku: i.sku, quantity: i.quantity, vatRate: i.vatRate })}>${req('name', i.name)}${req('unitPrice', decimal(i.unitPrice))}${req('total', decimal(i.total))}</item>`;
  let parcels = '';
  for (const p of o.parcels) parcels += `<parcel${attributes({ carrier: p.carrier, trackingNumber: p.trackingNumber, createdAt: p.createdAt, trackingUrl: trackingUrl(p.carrier, p.trackingNumber) })}/>`;
  let rates = '';
  for (const r of vat.rows) rates += `<rate${attributes({ percent: r.rate, base: decimal(r.base), vat: decimal(r.vat), gross: decimal(r.gross) })}/>`;
  let history = '';
  for (const e of o.history) history += `<event${attributes({ at: e.at, kind: e.kind, statusFrom: e.statusFrom, statusTo: e.statusTo })}>${el('text', e.text)}</event>`;
  return (
    `<order${attributes({ number: o.number, status: o.status, paymentStatus: o.paymentStatus, createdAt: o.createdAt, locale: o.locale, currency: o.currency })}>` +
    req('variableSymbol', o.variableSymbol) +
    `<customer>${req('email', c.email)}${req('name', c.name)}${el('phone', c.phone)}${el('company', c.company)}${el('ico', c.ico)}${el('dic', c.dic)}</customer>` +
    address('billingAddress', o.billingAddress) +
    address('shippingAddress', o.shippingAddress) +
    `<items>${items}</items>` +
    (o.discount
      ? `<discount${attributes({ code: o.discount.code, kind: o.discount.kind, amount: decimal(o.discount.amount) })}>${o.discount.lines.map((l) => `<line${attributes({ vatRate: l.vatRate, amount: decimal(l.amount) })}/>`).join('')}</discount>`
      : '') +
    `<shipping${attributes({ code: o.shipping.code, carrier: o.shipping.carrier, vatRate: o.shipping.vatRate })}>${req('name', o.shipping.name)}${req('price', decimal(o.shipping.price))}<parcels>${parcels}</parcels></shipping>` +
    `<payment${attributes({ code: o.payment.code, kind: o.payment.kind, vatRate: o.payment.vatRate })}>${req('name', o.payment.name)}${req('price', decimal(o.payment.price))}</payment>` +
    `<vatSummary>${rates}</vatSummary>` +
    `<totals${attributes({ itemsTotal: decimal(o.itemsTotal), base: decimal(vat.base), vat: decimal(vat.vat), total: decimal(o.total) })}/>` +
    el('note', o.note) +
    `<history>${history}</history>` +
    '</order>\n'
  );
}

export const kramekWriter: ExportWriter = {
  id: 'kramek',
  contentType: 'application/xml; charset=utf-8',
  extension: 'xml',
  orderMarker: '</order>',
  needsHistory: true,
  head: (meta) =>
    `<?xml version="1.0" encoding="UTF-8"?>\n<orders${attributes({
      xmlns: KRAMEK_XML_NAMESPACE,
      version: KRAMEK_XML_VERSION,
      generatedAt: meta.generatedAt,
      shop: meta.shop.name,
      shopIco: meta.shop.ico || null,
      from: meta.range.from,
      to: meta.range.to,
      status: meta.range.status,
    })}>\n`,
  order: (order) => kramekOrder(order),
  tail: () => '</orders>\n',
};
