/**
 * The PDF view model of an invoice or credit note: the frozen document, with today's Configuration of how documents
 * look (logo, stamp, contacts, footer) and whether the order is paid now — the only thing that changes what an
 * issued document shows: an unpaid bank-transfer invoice carries the payment details and the QR Platba code.
 */
import { accountIban } from '../documents/order-payment.js';
import { spayd } from '../payments/spayd.js';
import type { Invoice, InvoiceBuyer, InvoiceLocale, InvoiceSeller } from './invoice.js';

export type InvoiceDocument = {
  invoice: Invoice;
  locale: InvoiceLocale;
  number: string;
  footer: string;
  seller: InvoiceSeller;
  buyer: InvoiceBuyer;
  showContacts: boolean;
  showBankAccounts: boolean;
  showLogo: boolean;
  showStamp: boolean;
  logo: Buffer | null;
  stamp: Buffer | null;
  paid: boolean;
};

/** Whether the document asks to be paid by bank transfer (an unpaid invoice of a bank-transfer order). */
export const asksForTransfer = (doc: InvoiceDocument): boolean =>
  doc.invoice.kind === 'invoice' && doc.invoice.content.payment.kind === 'bank-transfer' && !doc.paid && doc.showBankAccounts && doc.invoice.total > 0 && doc.invoice.content.bankAccounts.length > 0;

/** The QR Platba string for an unpaid bank-transfer invoice, or null. */
export function invoiceSpayd(doc: InvoiceDocument): string | null {
  if (!asksForTransfer(doc)) return null;
  const account = doc.invoice.content.bankAccounts.find((a) => accountIban(a) !== null);
  if (!account) return null;
  const vs = /^\d{1,10}$/.test(doc.invoice.variableSymbol) ? doc.invoice.variableSymbol : null;
  return spayd({
    iban: accountIban(account)!,
    bic: account.bic && account.iban ? account.bic : null,
    amount: doc.invoice.total,
    variableSymbol: vs,
    recipientName: doc.seller.legalName || doc.seller.name,
    message: `${doc.locale === 'en' ? 'Invoice' : 'Faktura'} ${doc.invoice.number}`,
  });
}
