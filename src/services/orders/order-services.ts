/** The order use cases bound to their dependencies (spread into the services object). */
import { timingSafeEqual } from 'node:crypto';
import type { OrderDocument } from '../../domain/documents/order-document.js';
import type { DocumentImageKind, SettingsRepo } from '../settings/ports.js';
import { getSettings } from '../settings/get-settings.js';
import { buildOrderDocument } from './build-order-document.js';
import { placeOrder, type PlaceOrderDeps, type PlaceOrderRequest } from './place-order.js';
import type { CustomerRepo, Order, OrderRepo } from './ports.js';
import type { OrderListQuery, OrderPanelRepo } from './panel-ports.js';
import { changeOrderStatus, type StatusChange } from './change-order-status.js';
import { addOrderNote, addOrderParcel, adminOrderDetail, emailCustomer, setPaymentStatus } from './order-panel-actions.js';
import { changeOrderStatuses, findOrders, logDocumentDownloads, orderDocumentsForDownload, type BulkStatusChange } from './bulk-order-actions.js';
import { resendOrderEmail } from './resend-order-email.js';
import { findOrderOrFail } from './change-order-status.js';
import type { InvoiceRepo } from '../invoices/ports.js';
import type { ShipmentRepo } from '../shipping/ports.js';

export type OrderPorts = PlaceOrderDeps & { orders: OrderRepo; customers: CustomerRepo; settings: SettingsRepo; orderPanel: OrderPanelRepo; invoices: InvoiceRepo; shipments: ShipmentRepo };

export function orderServices(ports: OrderPorts) {
  const image = async (kind: DocumentImageKind) => (await ports.settings.image(kind))?.data ?? null;
  const orderDocument = async (number: string): Promise<OrderDocument | null> => {
    const order = await ports.orders.findByNumber(number);
    if (!order) return null;
    const [settings, logo, stamp] = await Promise.all([getSettings(ports), image('logo'), image('stamp')]);
    return buildOrderDocument(order, settings, { logo, stamp });
  };
  return {
    placeOrder: (request: PlaceOrderRequest) => placeOrder(ports, request),
    findOrder: (number: string) => ports.orders.findByNumber(number),
    orderDocument,
    // The Orders panel (admin pages and the admin API).
    listOrders: (query: OrderListQuery) => ports.orderPanel.list(query),
    orderStatusCounts: () => ports.orderPanel.statusCounts(),
    countNewOrders: () => ports.orderPanel.countNew(),
    adminOrder: (number: string) => adminOrderDetail(ports, number),
    changeOrderStatus: (change: StatusChange) => changeOrderStatus(ports, change),
    setOrderPayment: (input: { number: string; status: unknown; actor: string }) => setPaymentStatus(ports, input),
    addOrderNote: (input: { number: string; text: unknown; actor: string }) => addOrderNote(ports, input),
    emailOrderCustomer: (input: { number: string; subject: unknown; body: unknown; actor: string }) => emailCustomer(ports, input),
    addOrderParcel: (input: { number: string; parcel: { carrier?: unknown; trackingNumber?: unknown }; actor: string }) => addOrderParcel(ports, input),
    // Bulk actions on the selected orders, the order's own "send again", and downloads written on the timeline.
    changeOrderStatuses: (change: BulkStatusChange) => changeOrderStatuses(ports, change),
    findOrders: (numbers: unknown) => findOrders(ports, numbers),
    orderDocumentsForDownload: (input: { numbers: unknown; actor: string }) => orderDocumentsForDownload(ports, { ...input, document: orderDocument }),
    logOrderDownload: async (input: { number: string; actor: string }) => logDocumentDownloads(ports, [await findOrderOrFail(ports, input.number)], input.actor, false),
    resendOrderEmail: (input: { number: string; emailId: number; actor: string }) => resendOrderEmail(ports, input),
    /** The order behind a customer's tokenised link; null for a wrong number or token (no hint which). */
    async orderByToken(number: string, token: string): Promise<Order | null> {
      if (!/^\d{1,10}$/.test(number) || token.length < 16 || token.length > 100) return null;
      const order = await ports.orders.findByNumber(number);
      if (!order) return null;
      const a = Buffer.from(order.accessToken);
      const b = Buffer.from(token);
      return a.length === b.length && timingSafeEqual(a, b) ? order : null;
    },
  };
}
