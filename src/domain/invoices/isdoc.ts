/**
 * ISDOC 6.0.2 (isdoc.cz, the Czech standard for electronic invoices that Pohoda, Money S3 and ABRA Flexi import) of
 * one invoice or credit note, valid against docs/schemas/isdoc/isdoc-invoice-6.0.2.xsd. Document types: 1 invoice,
 * 2 credit note (opravný daňový doklad) with positive amounts — the type says they are a correction — and 7
 * simplified tax document. A shop that is not a VAT payer writes VATApplicable false and no tax point date.
 */
import { decimal } from '../exports/export-order.js';
import { textElement as opt, requiredElement as el } from '../exports/xml-text.js';
import { pragueDateOf } from '../stats/prague-calendar.js';
import { parseCzechAccount } from '../settings/bank-account.js';
import type { Invoice, InvoiceAddress } from './invoice.js';

const COUNTRY_NAMES: Record<string, string> = { CZ: 'Česká republika', SK: 'Slovensko', DE: 'Německo', AT: 'Rakousko', PL: 'Polsko' };
/** ISDOC payment means: 42 transfer to an account, 50 cash on delivery, 10 cash, 48 card. */
const PAYMENT_MEANS: Record<string, number> = { 'bank-transfer': 42, 'cash-on-delivery': 50, cash: 10, card: 48 };

const bool = (v: boolean) => (v ? 'true' : 'false');

/** `Dlouhá 12` → street `Dlouhá`, building number `12` (ISDOC keeps them apart); no number: all of it is the street. */
export function splitStreet(street: string): { street: string; building: string } {
  const match = /^(.*\S)\s+(\d[\dA-Za-z/]*)$/.exec(street.trim());
  return match ? { street: match[1]!, building: match[2]! } : { street: street.trim(), building: '' };
}

function postalAddress(a: InvoiceAddress): string {
  const { street, building } = splitStreet(a.street);
  return `<PostalAddress>${el('StreetName', street)}${el('BuildingNumber', building)}${el('CityName', a.city)}${el('PostalZone', a.zip.replace(/\s/g, ''))}<Country>${el('IdentificationCode', a.country)}${el('Name', COUNTRY_NAMES[a.country] ?? a.country)}</Country></PostalAddress>`;
}

function party(p: { name: string; ico: string | null; dic: string | null; address: InvoiceAddress; email: string | null; phone: string | null }): string {
  return (
    '<Party>' +
    // The company ID (IČO) is required by the schema; a consumer has none, so it is sent empty.
    `<PartyIdentification>${el('ID', p.ico ?? '')}</PartyIdentification>` +
    `<PartyName>${el('Name', p.name)}</PartyName>` +
    postalAddress(p.address) +
    (p.dic ? `<PartyTaxScheme>${el('CompanyID', p.dic)}<TaxScheme>VAT</TaxScheme></PartyTaxScheme>` : '') +
    (p.email || p.phone ? `<Contact>${opt('Telephone', p.phone)}${opt('ElectronicMail', p.email)}</Contact>` : '') +
    '</Party>'
  );
}

/** ISDOC decimal of an amount; credit notes carry positive amounts (their document type makes them a correction). */
const amount = (minor: number, sign: number) => decimal(minor * sign);

export function isdocXml(doc: Invoice): string {
  const c = doc.content;
  const credit = doc.kind === 'credit_note';
  const sign = credit ? -1 : 1;
  const vatApplicable = doc.vatPayer;
  const seller = c.seller;
  const buyer = c.buyer;
  const lines = c.lines
    .map((l) => {
      const quantity = l.quantity * sign;
      const unitBase = quantity === 0 ? 0 : Math.round((l.base * sign) / quantity);
      return (
        '<InvoiceLine>' +
        el('ID', String(l.no)) +
        (credit && l.invoiceLine !== null ? `<OriginalDocumentReference ref="original">${el('LineID', String(l.invoiceLine))}</OriginalDocumentReference>` : '') +
        `<InvoicedQuantity unitCode="${l.kind === 'item' ? 'ks' : ''}">${quantity}</InvoicedQuantity>` +
        el('LineExtensionAmount', amount(l.base, sign)) +
        el('LineExtensionAmountTaxInclusive', amount(l.total, sign)) +
        el('LineExtensionTaxAmount', amount(l.vat, sign)) +
        el('UnitPrice', decimal(unitBase)) +
        el('UnitPriceTaxInclusive', decimal(l.unitPrice)) +
        // The VAT of a document is computed from the totals per rate (§ 37), i.e. "shora" (from the top).
        `<ClassifiedTaxCategory>${el('Percent', String(l.vatRate))}<VATCalculationMethod>1</VATCalculationMethod>${el('VATApplicable', bool(vatApplicable))}</ClassifiedTaxCategory>` +
        `<Item>${el('Description', l.name)}${l.sku ? `<SellersItemIdentification>${el('ID', l.sku)}</SellersItemIdentification>` : ''}</Item>` +
        '</InvoiceLine>'
      );
    })
    .join('');
  const subtotals = c.vat
    .map(
      (r) =>
        '<TaxSubTotal>' +
        el('TaxableAmount', amount(r.base, sign)) +
        el('TaxAmount', amount(r.vat, sign)) +
        el('TaxInclusiveAmount', amount(r.gross, sign)) +
        '<AlreadyClaimedTaxableAmount>0.00</AlreadyClaimedTaxableAmount><AlreadyClaimedTaxAmount>0.00</AlreadyClaimedTaxAmount><AlreadyClaimedTaxInclusiveAmount>0.00</AlreadyClaimedTaxInclusiveAmount>' +
        el('DifferenceTaxableAmount', amount(r.base, sign)) +
        el('DifferenceTaxAmount', amount(r.vat, sign)) +
        el('DifferenceTaxInclusiveAmount', amount(r.gross, sign)) +
        `<TaxCategory>${el('Percent', String(r.rate))}${el('VATApplicable', bool(vatApplicable))}</TaxCategory>` +
        '</TaxSubTotal>',
    )
    .join('');
  const base = c.vat.reduce((s, r) => s + r.base, 0);
  const tax = c.vat.reduce((s, r) => s + r.vat, 0);
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<Invoice xmlns="http://isdoc.cz/namespace/2013" version="6.0.2">' +
    el('DocumentType', credit ? '2' : doc.simplified ? '7' : '1') +
    el('ID', doc.number) +
    el('UUID', doc.uuid.toUpperCase()) +
    el('IssuingSystem', 'Kramek') +
    el('IssueDate', doc.issueDate) +
    (vatApplicable ? el('TaxPointDate', doc.taxableDate) : '') +
    el('VATApplicable', bool(vatApplicable)) +
    '<ElectronicPossibilityAgreementReference></ElectronicPossibilityAgreementReference>' +
    opt('Note', credit ? doc.reason : vatApplicable ? null : 'Nejsem plátce DPH.') +
    '<LocalCurrencyCode>CZK</LocalCurrencyCode><CurrRate>1</CurrRate><RefCurrRate>1</RefCurrRate>' +
    `<AccountingSupplierParty>${party({ name: seller.legalName || seller.name, ico: seller.ico, dic: seller.dic, address: seller.address, email: seller.email || null, phone: seller.phone || null })}</AccountingSupplierParty>` +
    `<AccountingCustomerParty>${party({ name: buyer.company || buyer.name, ico: buyer.ico, dic: buyer.dic, address: buyer.billingAddress, email: buyer.email, phone: buyer.phone })}</AccountingCustomerParty>` +
    `<OrderReferences><OrderReference id="order">${el('SalesOrderID', c.order.number)}${el('IssueDate', pragueDateOf(c.order.createdAt))}</OrderReference></OrderReferences>` +
    (c.original ? `<OriginalDocumentReferences><OriginalDocumentReference id="original">${el('ID', c.original.number)}${el('IssueDate', c.original.issueDate)}${el('UUID', c.original.uuid.toUpperCase())}</OriginalDocumentReference></OriginalDocumentReferences>` : '') +
    (buyer.shippingAddress ? `<Delivery>${party({ name: buyer.company ? `${buyer.name}, ${buyer.company}` : buyer.name, ico: null, dic: null, address: buyer.shippingAddress, email: null, phone: buyer.phone })}</Delivery>` : '') +
    `<InvoiceLines>${lines}</InvoiceLines>` +
    `<TaxTotal>${subtotals}${el('TaxAmount', amount(tax, sign))}</TaxTotal>` +
    '<LegalMonetaryTotal>' +
    el('TaxExclusiveAmount', amount(base, sign)) +
    el('TaxInclusiveAmount', amount(doc.total, sign)) +
    '<AlreadyClaimedTaxExclusiveAmount>0.00</AlreadyClaimedTaxExclusiveAmount><AlreadyClaimedTaxInclusiveAmount>0.00</AlreadyClaimedTaxInclusiveAmount>' +
    el('DifferenceTaxExclusiveAmount', amount(base, sign)) +
    el('DifferenceTaxInclusiveAmount', amount(doc.total, sign)) +
    '<PaidDepositsAmount>0.00</PaidDepositsAmount>' +
    el('PayableAmount', amount(doc.total, sign)) +
    '</LegalMonetaryTotal>' +
    paymentMeans(doc) +
    '</Invoice>\n'
  );
}

function paymentMeans(doc: Invoice): string {
  if (doc.kind !== 'invoice') return '';
  const code = PAYMENT_MEANS[doc.content.payment.kind];
  if (!code) return '';
  const account = doc.content.bankAccounts[0];
  let details = '';
  if (code === 42 && account && doc.dueDate) {
    const czech = account.number ? parseCzechAccount(account.number) : null;
    const id = czech ? (czech.prefix ? `${czech.prefix}-${czech.number}` : czech.number) : '';
    details = `<Details>${el('PaymentDueDate', doc.dueDate)}${el('ID', id)}${el('BankCode', czech?.bank ?? '')}${el('Name', account.label)}${el('IBAN', account.iban)}${el('BIC', account.bic)}${el('VariableSymbol', doc.variableSymbol)}</Details>`;
  }
  return `<PaymentMeans><Payment>${el('PaidAmount', decimal(doc.total))}${el('PaymentMeansCode', String(code))}${details}</Payment></PaymentMeans>`;
}
