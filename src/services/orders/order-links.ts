/** Absolute links to an order for its customer: the tokenised order page and the PDF (they work without signing in). */
import type { Order } from './ports.js';

export const documentUrl = (publicUrl: string, order: Pick<Order, 'number' | 'accessToken'>) => `${publicUrl}/objednavka/${order.number}/doklad.pdf?t=${order.accessToken}`;

export const orderUrl = (publicUrl: string, order: Pick<Order, 'number' | 'accessToken'>) => `${publicUrl}/objednavka/${order.number}?t=${order.accessToken}`;
