/**
 * The worker's attachment source: `order_pdf` descriptors rendered with the one order document renderer. The customer's
 * and the owner's email of one order carry the same document, so a rendering is shared for a few seconds.
 */
import type { OrderDocument } from '../../domain/documents/order-document.js';
import type { AttachmentSource } from '../../services/ports.js';
import { renderOrderPdf } from './render-on-demand.js';

const permanent = (message: string) => Object.assign(new Error(message), { permanent: true });

const SHARE_MS = 30_000;
const MAX_SHARED = 64;

/** `loadDocument` builds an order's document (checkout provides it); null when there is no such order. */
export function orderPdfAttachments(loadDocument: (orderNumber: string) => Promise<OrderDocument | null>): AttachmentSource {
  const recent = new Map<string, { at: number; pdf: Promise<Buffer> }>();
  const documentPdf = (orderNumber: string): Promise<Buffer> => {
    const now = Date.now();
    const hit = recent.get(orderNumber);
    if (hit && now - hit.at < SHARE_MS) return hit.pdf;
    const pdf = loadDocument(orderNumber).then((doc) => {
      if (!doc) throw permanent(`order ${orderNumber} does not exist`);
      return renderOrderPdf(doc);
    });
    pdf.catch(() => recent.delete(orderNumber));
    recent.delete(orderNumber);
    if (recent.size >= MAX_SHARED) recent.delete(recent.keys().next().value!);
    recent.set(orderNumber, { at: now, pdf });
    return pdf;
  };
  return {
    async render(descriptor) {
      if (descriptor.kind !== 'order_pdf') throw permanent(`unknown attachment kind ${JSON.stringify((descriptor as { kind: unknown }).kind)}`);
      return { filename: descriptor.filename, contentType: 'application/pdf', content: await documentPdf(descriptor.orderNumber) };
    },
  };
}
