/** The order document (PDF) view model: everything the document shows, built by checkout from an order and Configuration. */
import { vatSummary, type VatLine, type VatSummaryRow } from '../money/vat.js';
import type { ChosenPickupPoint } from '../shipping/pickup-point.js';
import { discountVatLines, goodsDiscount, type OrderDiscount } from '../discounts/apply-discount.js';

export type DocumentLocale = 'cs' | 'en';
export type DocumentOrderStatus = 'new' | 'processing' | 'shipped' | 'completed' | 'cancelled';

export type DocumentAddress = { street: string; city: string; zip: string; country: string };

export type DocumentBankAccount = {
  label: string;
  /** Czech form `prefix-number/bank` (e.g. `19-2000145399/0800`); may be empty when only the IBAN is known. */
  number: string;
  iban: string;
  bic: string;
};

export type DocumentItem = {
  sku: string;
  name: string;
  quantity: number;
  /** Gross unit price in haléře. */
  unitPrice: number;
  vatRate: number;
  /** Gross line total in haléře. */
  total: number;
};

export type OrderDocument = {
  locale: DocumentLocale;
  number: string;
  /** ISO-8601 instant; shown in Europe/Prague. */
  createdAt: string;
  status: DocumentOrderStatus;
  seller: {
    name: string;
    legalName: string;
    ico: string;
    dic: string;
    address: DocumentAddress;
    email: string;
    phone: string;
    web: string;
  };
  showContacts: boolean;
  showBankAccounts: boolean;
  showLogo: boolean;
  showStamp: boolean;
  footer: string;
  /** PNG or JPEG bytes, or null when none is uploaded. */
  logo: Buffer | null;
  stamp: Buffer | null;
  bankAccounts: DocumentBankAccount[];
  buyer: {
    name: string;
    company: string | null;
    ico: string | null;
    dic: string | null;
    email: string;
    phone: string | null;
    billingAddress: DocumentAddress;
    /** Null when the goods go to the billing address. */
    shippingAddress: DocumentAddress | null;
  };
  items: DocumentItem[];
  shipping: { name: string; price: number; vatRate: number };
  /** The carrier's pickup point the goods go to, when the shipping method delivers to one. */
  pickupPoint?: ChosenPickupPoint | null;
  payment: { code: string; name: string; price: number; vatRate: number; variableSymbol: string };
  note: string | null;
  /** A discount code's discount: negative lines per VAT rate after the items (none for free shipping). */
  discount: OrderDiscount | null;
  /** Grand total in haléře (items − discount + shipping + payment). */
  total: number;
};

/** The payment method code for which the document shows bank accounts and the QR Platba code. */
export const BANK_TRANSFER = 'bank-transfer';

export const isBankTransfer = (doc: Pick<OrderDocument, 'payment'>): boolean => doc.payment.code === BANK_TRANSFER;

/** Every priced line of the document (items, discount, shipping, payment), for the VAT summary. */
export function documentVatLines(doc: Pick<OrderDocument, 'items' | 'shipping' | 'payment' | 'discount'>): VatLine[] {
  return [
    ...doc.items.map((item) => ({ gross: item.total, vatRate: item.vatRate })),
    ...discountVatLines(doc.discount),
    { gross: doc.shipping.price, vatRate: doc.shipping.vatRate },
    { gross: doc.payment.price, vatRate: doc.payment.vatRate },
  ].filter((line) => line.gross !== 0);
}

export function documentVatSummary(doc: Pick<OrderDocument, 'items' | 'shipping' | 'payment' | 'discount'>): VatSummaryRow[] {
  return vatSummary(documentVatLines(doc));
}

/** The attachment name of CONTRACT.md: `objednavka-<number>.pdf`, `order-<number>.pdf` in English. */
export function documentFilename(locale: DocumentLocale, number: string): string {
  return `${locale === 'en' ? 'order' : 'objednavka'}-${number}.pdf`;
}

/** True when the lines add up to the stated total — a document that does not is a bug upstream. */
export function documentAddsUp(doc: Pick<OrderDocument, 'items' | 'shipping' | 'payment' | 'total' | 'discount'>): boolean {
  return doc.items.reduce((sum, item) => sum + item.total, 0) - goodsDiscount(doc.discount) + doc.shipping.price + doc.payment.price === doc.total;
}
