/** What a tax document is called (on the document, in emails, in lists) and the file name it is saved under. */
import type { Invoice, InvoiceLocale } from './invoice.js';

type Kind = Pick<Invoice, 'kind' | 'simplified' | 'vatPayer'>;

const TITLES = {
  cs: { invoice: 'Faktura – daňový doklad', simplified: 'Zjednodušený daňový doklad', plain: 'Faktura', creditNote: 'Opravný daňový doklad', plainCredit: 'Opravná faktura' },
  en: { invoice: 'Invoice – tax document', simplified: 'Simplified tax document', plain: 'Invoice', creditNote: 'Credit note – tax document', plainCredit: 'Credit note' },
} as const;

export function documentTitle(doc: Kind, locale: InvoiceLocale): string {
  const t = TITLES[locale];
  // A shop that is not a VAT payer issues no tax documents: a plain invoice, corrected by a plain credit note.
  if (doc.kind === 'credit_note') return doc.vatPayer ? t.creditNote : t.plainCredit;
  if (!doc.vatPayer) return t.plain;
  return doc.simplified ? t.simplified : t.invoice;
}

/** `faktura-FV2026-00001.pdf`, `opravny-doklad-OD2026-00001.pdf` (English: `invoice-…`, `credit-note-…`). */
export function documentFilename(doc: Pick<Invoice, 'kind' | 'number'>, locale: InvoiceLocale, extension: 'pdf' | 'isdoc'): string {
  const stem = doc.kind === 'credit_note' ? (locale === 'en' ? 'credit-note' : 'opravny-doklad') : locale === 'en' ? 'invoice' : 'faktura';
  return `${stem}-${doc.number.replace(/[^A-Za-z0-9._-]/g, '-')}.${extension}`;
}
