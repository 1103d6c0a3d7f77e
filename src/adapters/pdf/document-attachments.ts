/** The worker's one attachment source: order PDFs and invoice PDFs, each from its own renderer, chosen by the descriptor's kind. */
import type { InvoiceDocument } from '../../domain/invoices/invoice-document.js';
import type { AttachmentSource } from '../../services/ports.js';
import { renderInvoicePdf } from './render-on-demand.js';

const permanent = (message: string) => Object.assign(new Error(message), { permanent: true });

export function documentAttachments(orders: AttachmentSource, loadInvoice: (id: number) => Promise<InvoiceDocument | null>): AttachmentSource {
  return {
    async render(descriptor) {
      if (descriptor.kind !== 'invoice_pdf') return orders.render(descriptor);
      const doc = await loadInvoice(descriptor.invoiceId);
      if (!doc) throw permanent(`invoice ${descriptor.invoiceId} does not exist`);
      return { filename: descriptor.filename, contentType: 'application/pdf', content: await renderInvoicePdf(doc) };
    },
  };
}
