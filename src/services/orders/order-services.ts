/** The order use cases bound to their dependencies (spread into the services object). */
import { timingSafeEqual } from 'node:crypto';
import type { OrderDocument } from '../../domain/documents/order-document.js';
import type { DocumentImageKind, SettingsRepo } from '../settings/ports.js';
import { getSettings } from '../settings/get-settings.js';
import { buildOrderDocument } from './build-order-document.js';
import { placeOrder, type PlaceOrderDeps, type PlaceOrderRequest } from './place-order.js';
import type { CustomerRepo, Order, OrderRepo } from './ports.js';

export type OrderPorts = PlaceOrderDeps & { orders: OrderRepo; customers: CustomerRepo; settings: SettingsRepo };

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
