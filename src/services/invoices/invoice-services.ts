/** The invoice use cases bound to their dependencies (spread into the services object). */
import { DomainError } from '../../domain/errors.js';
import { isdocXml } from '../../domain/invoices/isdoc.js';
import type { InvoiceDocument } from '../../domain/invoices/invoice-document.js';
import type { CreditRequest } from '../../domain/invoices/credit-note.js';
import type { DocumentImageKind } from '../settings/ports.js';
import { getSettings } from '../settings/get-settings.js';
import { issueCreditNote } from './credit-invoice.js';
import { exportInvoicesPohoda } from './export-invoices.js';
import { issueInvoice, type InvoiceDeps } from './issue-invoice.js';
import type { InvoiceListQuery } from './ports.js';
import type { CardDeps } from '../payments/card-payments.js';
import { sendCardRefund } from '../payments/card-refund.js';

export type InvoicePorts = InvoiceDeps & CardDeps;

export function invoiceServices(ports: InvoicePorts) {
  const image = async (kind: DocumentImageKind) => (await ports.settings.image(kind))?.data ?? null;
  return {
    issueInvoice: (input: { number: string; actor: string }) => issueInvoice(ports, input),
    async creditInvoice(input: { invoiceId: number; request: CreditRequest; actor: string }) {
      const creditNote = await issueCreditNote(ports, input);
      // After commit: the gateway is called once for the refund the credit note wrote (if the order was paid by card).
      const refundId = await ports.payments.refundIdOf(creditNote.id);
      if (refundId !== null) await sendCardRefund(ports, refundId);
      return creditNote;
    },
    findInvoice: (id: number) => ports.invoices.findById(null, id),
    listInvoices: (query: InvoiceListQuery) => ports.invoices.list(query),
    customerInvoices: (customerId: number) => ports.invoices.forCustomer(customerId),
    /** Every document of an order (not_found for an unknown order). */
    async orderInvoices(number: string) {
      const order = /^\d{1,10}$/.test(number) ? await ports.orders.findByNumber(number) : null;
      if (!order) throw new DomainError('not_found');
      return ports.invoices.forOrder(order.id);
    },
    /** The PDF view model: the frozen document with today's look and the order's payment state. */
    async invoiceDocument(id: number): Promise<InvoiceDocument | null> {
      const invoice = await ports.invoices.findById(null, id);
      if (!invoice) return null;
      const [order, settings, logo, stamp] = await Promise.all([ports.orders.findByNumber(invoice.orderNumber), getSettings(ports), image('logo'), image('stamp')]);
      const d = settings.documents;
      return {
        invoice,
        locale: invoice.locale,
        number: invoice.number,
        footer: d.footer,
        seller: invoice.content.seller,
        buyer: invoice.content.buyer,
        showContacts: d.showContacts,
        showBankAccounts: d.showBankAccounts,
        showLogo: d.showLogo,
        showStamp: d.showStamp,
        logo,
        stamp,
        paid: order?.paymentStatus === 'paid',
      };
    },
    async invoiceIsdoc(id: number) {
      const invoice = await ports.invoices.findById(null, id);
      return invoice ? { invoice, xml: isdocXml(invoice) } : null;
    },
    /** Every document issued within the days, as one Pohoda data pack, read a page at a time as it is sent. */
    exportInvoices: (input: { from?: unknown; to?: unknown }) => exportInvoicesPohoda(ports, input),
  };
}
