/** The document's fixed texts in Czech and English, and its date format (Europe/Prague). */
import type { DocumentLocale, DocumentOrderStatus } from '../../domain/documents/order-document.js';

const cs = {
  title: 'Objednávka',
  number: 'Číslo objednávky',
  date: 'Datum',
  status: 'Stav',
  seller: 'Dodavatel',
  buyer: 'Odběratel',
  ico: 'IČO',
  dic: 'DIČ',
  email: 'E-mail',
  phone: 'Telefon',
  web: 'Web',
  billingAddress: 'Fakturační adresa',
  shippingAddress: 'Doručovací adresa',
  pickupPoint: 'Výdejní místo',
  sku: 'Kód',
  item: 'Položka',
  quantity: 'Množství',
  unitPrice: 'Cena/ks',
  vat: 'DPH',
  lineTotal: 'Celkem',
  shipping: 'Doprava',
  payment: 'Platba',
  vatSummary: 'Rekapitulace DPH',
  vatRate: 'Sazba',
  base: 'Základ',
  total: 'Celkem k úhradě',
  paymentDetails: 'Platební údaje',
  account: 'Číslo účtu',
  iban: 'IBAN',
  bic: 'BIC',
  variableSymbol: 'Variabilní symbol',
  qr: 'QR Platba',
  note: 'Poznámka zákazníka',
  stamp: 'Razítko a podpis',
  continued: 'pokračování',
  page: 'Strana {page} z {pages}',
  pieces: 'ks',
};

const en: typeof cs = {
  title: 'Order',
  number: 'Order number',
  date: 'Date',
  status: 'Status',
  seller: 'Seller',
  buyer: 'Buyer',
  ico: 'Company ID',
  dic: 'VAT ID',
  email: 'Email',
  phone: 'Phone',
  web: 'Web',
  billingAddress: 'Billing address',
  shippingAddress: 'Shipping address',
  pickupPoint: 'Pickup point',
  sku: 'SKU',
  item: 'Item',
  quantity: 'Qty',
  unitPrice: 'Unit price',
  vat: 'VAT',
  lineTotal: 'Total',
  shipping: 'Shipping',
  payment: 'Payment',
  vatSummary: 'VAT summary',
  vatRate: 'Rate',
  base: 'Base',
  total: 'Total to pay',
  paymentDetails: 'Payment details',
  account: 'Account number',
  iban: 'IBAN',
  bic: 'BIC',
  variableSymbol: 'Variable symbol',
  qr: 'QR payment',
  note: "Customer's note",
  stamp: 'Stamp and signature',
  continued: 'continued',
  page: 'Page {page} of {pages}',
  pieces: 'pcs',
};

export type Labels = typeof cs;
export const LABELS: Record<DocumentLocale, Labels> = { cs, en };

export const STATUS_LABELS: Record<DocumentLocale, Record<DocumentOrderStatus, string>> = {
  cs: { new: 'Nová', processing: 'V řešení', shipped: 'Odeslaná', completed: 'Vyřízená', cancelled: 'Stornovaná' },
  en: { new: 'New', processing: 'Processing', shipped: 'Shipped', completed: 'Completed', cancelled: 'Cancelled' },
};

const dateParts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Prague', year: 'numeric', month: 'numeric', day: 'numeric' });

/** `26. 11. 2026` in Czech, `26/11/2026` in English — the day in Prague. */
export function formatDocumentDate(iso: string, locale: DocumentLocale): string {
  const parts = Object.fromEntries(dateParts.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  return locale === 'cs' ? `${Number(parts.day)}. ${Number(parts.month)}. ${parts.year}` : `${parts.day}/${parts.month}/${parts.year}`;
}

export const fill = (template: string, params: Record<string, string | number>) => template.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ''));
