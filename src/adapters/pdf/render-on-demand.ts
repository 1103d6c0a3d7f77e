/**
 * The PDF renderers as the rest of the process uses them: loaded with their first document (pdfkit, fontkit and the
 * fonts cost ~250 ms of start-up and tens of MB that a server which has made no PDF does not need), and one document
 * at a time with a turn of the event loop between them. Rendering is synchronous CPU work of a few milliseconds; the
 * worker starting twenty at once would hold every request of the process for a hundred.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { OrderDocument } from '../../domain/documents/order-document.js';
import type { InvoiceDocument } from '../../domain/invoices/invoice-document.js';

let queue: Promise<unknown> = Promise.resolve();

function oneAtATime(render: () => Promise<Buffer>): Promise<Buffer> {
  const rendered = queue.then(async () => {
    await nextTurn();
    return render();
  });
  queue = rendered.catch(() => undefined);
  return rendered;
}

export const renderOrderPdf = (source: OrderDocument): Promise<Buffer> => oneAtATime(async () => (await import('./order-pdf.js')).renderOrderPdf(source));

export const renderInvoicePdf = (source: InvoiceDocument): Promise<Buffer> => oneAtATime(async () => (await import('./invoice-pdf.js')).renderInvoicePdf(source));
