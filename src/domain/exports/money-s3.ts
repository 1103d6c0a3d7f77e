/**
 * Money S3 XML: received orders as `MoneyData/SeznamObjPrij/ObjPrij`. We have no official Money S3 schema, so the
 * element names and their order follow published import examples; docs/kramek-xml.md says what could not be checked.
 */
import { clip, decimal, exportLines, exportVatSummary, pragueDate, type ExportAddress, type ExportOrder } from './export-order.js';
import type { ExportWriter } from './export-format.js';
import { attributes, requiredElement as req, textElement as el } from './xml-text.js';

const address = (name: string, a: ExportAddress) => `<${name}>${req('Ulice', clip(a.street, 64))}${req('Misto', clip(a.city, 45))}${req('PSC', clip(a.zip, 15))}${req('KodStatu', a.country)}</${name}>`;

function partner(o: ExportOrder): string {
  const c = o.customer;
  const name = clip(c.company || c.name, 96);
  return (
    '<DodOdb>' +
    req('ObchNazev', name) +
    address('ObchAdresa', o.billingAddress) +
    req('FaktNazev', name) +
    address('FaktAdresa', o.billingAddress) +
    (c.phone ? `<Tel>${req('Cislo', c.phone)}</Tel>` : '') +
    req('EMail', c.email) +
    el('ICO', c.ico) +
    el('DIC', c.dic) +
    '</DodOdb>'
  );
}

function finalRecipient(o: ExportOrder): string {
  const a = o.shippingAddress ?? o.billingAddress;
  return `<KonecPrij>${req('Nazev', clip(o.customer.company || o.customer.name, 96))}${address('Adresa', a)}</KonecPrij>`;
}

// Money S3 keeps its historical names: "5" is the reduced rate, "22" the standard one, whatever the percentages are now.
function vatSummary(o: ExportOrder): string {
  const sums = { zero: 0, lowBase: 0, lowVat: 0, highBase: 0, highVat: 0 };
  for (const r of exportVatSummary(o).rows) {
    if (r.rate === 0) sums.zero += r.gross;
    else if (r.rate >= 21) {
      sums.highBase += r.base;
      sums.highVat += r.vat;
    } else {
      sums.lowBase += r.base;
      sums.lowVat += r.vat;
    }
  }
  return `<SouhrnDPH>${req('Zaklad0', decimal(sums.zero))}${req('Zaklad5', decimal(sums.lowBase))}${req('Zaklad22', decimal(sums.highBase))}${req('DPH5', decimal(sums.lowVat))}${req('DPH22', decimal(sums.highVat))}</SouhrnDPH>`;
}

export function moneyS3Order(o: ExportOrder): string {
  let lines = '';
  for (const l of exportLines(o)) {
    lines +=
      '<Polozka>' +
      req('Popis', clip(l.name, 90)) +
      req('PocetMJ', l.quantity) +
      req('Cena', decimal(l.unitPrice)) +
      req('SazbaDPH', l.vatRate) +
      // TypCeny 1: the price includes VAT.
      '<TypCeny>1</TypCeny><Sleva>0</Sleva><CenaPoSleve>1</CenaPoSleve>' +
      (l.kind === 'item' ? `<KmKarta>${req('Katalog', clip(l.sku, 20))}<MJ>ks</MJ></KmKarta>` : '<NesklPolozka><MJ>ks</MJ></NesklPolozka>') +
      '</Polozka>';
  }
  return (
    '<ObjPrij>' +
    req('Doklad', clip(o.number, 10)) +
    req('Popis', `Objednávka ${o.number} z e-shopu`) +
    el('Poznamka', o.note) +
    req('Vystaveno', pragueDate(o.createdAt)) +
    partner(o) +
    finalRecipient(o) +
    req('PlatPodm', clip(o.payment.name, 40)) +
    req('Doprava', clip(o.shipping.name, 40)) +
    req('PrimDoklad', o.number) +
    req('VarSymbol', o.variableSymbol) +
    req('Celkem', decimal(o.total)) +
    vatSummary(o) +
    lines +
    '</ObjPrij>\n'
  );
}

export const moneyS3Writer: ExportWriter = {
  id: 'money-s3',
  contentType: 'application/xml; charset=utf-8',
  extension: 'xml',
  orderMarker: '</ObjPrij>',
  needsHistory: false,
  head: (meta) =>
    `<?xml version="1.0" encoding="UTF-8"?>\n<MoneyData${attributes({ ICAgendy: meta.shop.ico || null, description: `Objednávky z e-shopu ${meta.shop.name}`, ExpZkratka: '_OP', ExpDate: pragueDate(meta.generatedAt), VyberZaznamu: 0 })}>\n<SeznamObjPrij>\n`,
  order: (order) => moneyS3Order(order),
  tail: () => '</SeznamObjPrij>\n</MoneyData>\n',
};
