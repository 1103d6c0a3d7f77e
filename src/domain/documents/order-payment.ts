/** What a bank-transfer order document asks the customer to pay: the account, the variable symbol and the QR Platba string. */
import { czechAccountToIban, isValidIban, normalizeIban, parseCzechAccount } from '../settings/bank-account.js';
import { spayd } from '../payments/spayd.js';
import { isBankTransfer, type DocumentBankAccount, type OrderDocument } from './order-document.js';

/** The IBAN of an account as given, or converted from its Czech number; null when neither is usable. */
export function accountIban(account: DocumentBankAccount): string | null {
  if (account.iban && isValidIban(account.iban)) return normalizeIban(account.iban);
  const czech = account.number ? parseCzechAccount(account.number) : null;
  return czech ? czechAccountToIban(czech) : null;
}

/** The SPAYD string for the document's QR code, or null when the document shows no payment instructions. */
export function documentSpayd(doc: OrderDocument): string | null {
  if (!isBankTransfer(doc) || !doc.showBankAccounts || doc.total <= 0) return null;
  const account = doc.bankAccounts.find((a) => accountIban(a) !== null);
  if (!account) return null;
  const vs = /^\d{1,10}$/.test(doc.payment.variableSymbol) ? doc.payment.variableSymbol : null;
  return spayd({
    iban: accountIban(account)!,
    bic: account.bic && account.iban ? account.bic : null,
    amount: doc.total,
    variableSymbol: vs,
    recipientName: doc.seller.legalName || doc.seller.name,
    message: `${doc.locale === 'en' ? 'Order' : 'Objednávka'} ${doc.number}`,
  });
}
