/** Actions on many selected orders at once: the status change (the one-by-one service, order by order) and their documents. */
import { DomainError, isDomainError } from '../../domain/errors.js';
import type { OrderDocument } from '../../domain/documents/order-document.js';
import { changeOrderStatus, findOrderOrFail, type OrderPanelDeps, type ParcelInput } from './change-order-status.js';
import type { Order } from './ports.js';

/** More than a page of the list (50) with room to spare; a bigger batch is a script's job (the admin API). */
export const MAX_BULK_ORDERS = 200;

export type BulkStatusChange = {
  numbers: unknown;
  status: unknown;
  /** Parcels of each order shipped, by order number. */
  parcels?: Record<string, ParcelInput[]>;
  notifyCustomer?: boolean | null;
  confirmWithoutTracking?: boolean;
  actor: string;
};

export type BulkOutcome = { number: string; ok: true; order: Order } | { number: string; ok: false; code: string; fields: Record<string, string> };

/** The selected order numbers: digits only, each once, in the order given, at least one and at most MAX_BULK_ORDERS. */
export function readOrderNumbers(input: unknown): string[] {
  const list = (Array.isArray(input) ? input : input === undefined || input === null || input === '' ? [] : [input]).map((n) => (typeof n === 'string' ? n.trim() : ''));
  if (list.length === 0) throw new DomainError('validation', 'no order selected', { numbers: 'required' });
  if (list.some((n) => !/^\d{1,10}$/.test(n))) throw new DomainError('validation', 'bad order number', { numbers: 'invalid_value' });
  const unique = [...new Set(list)];
  if (unique.length > MAX_BULK_ORDERS) throw new DomainError('validation', 'too many orders', { numbers: 'too_long' });
  return unique;
}

/**
 * The same rules, emails and timeline entries as one change at a time, each order in its own transaction: a refused
 * order (wrong status, missing tracking number, changed meanwhile, gone) is reported and the others go on.
 */
export async function changeOrderStatuses(deps: OrderPanelDeps, change: BulkStatusChange): Promise<BulkOutcome[]> {
  const numbers = readOrderNumbers(change.numbers);
  const outcomes: BulkOutcome[] = [];
  for (const number of numbers) {
    try {
      const order = await changeOrderStatus(deps, {
        number,
        status: change.status,
        parcels: change.parcels?.[number],
        notifyCustomer: change.notifyCustomer,
        confirmWithoutTracking: change.confirmWithoutTracking,
        actor: change.actor,
      });
      outcomes.push({ number, ok: true, order });
    } catch (error) {
      if (!isDomainError(error)) throw error;
      outcomes.push({ number, ok: false, code: error.code, fields: (error.fields ?? {}) as Record<string, string> });
    }
  }
  return outcomes;
}

/** The selected orders as found (unknown numbers are left out), for the confirmation page. */
export async function findOrders(deps: Pick<OrderPanelDeps, 'orders'>, numbers: unknown): Promise<Order[]> {
  const found = await Promise.all(readOrderNumbers(numbers).map((n) => findOrderOrFail(deps, n).catch(() => null)));
  return found.filter((o): o is Order => o !== null);
}

/**
 * The documents of the selected orders, for one printable PDF; each download is written on its order's timeline.
 * Unknown numbers are refused as a whole, so the file never silently misses an order.
 */
export async function orderDocumentsForDownload(
  deps: Pick<OrderPanelDeps, 'orders' | 'transactor' | 'clock'>,
  input: { numbers: unknown; actor: string; document: (number: string) => Promise<OrderDocument | null> },
): Promise<OrderDocument[]> {
  const numbers = readOrderNumbers(input.numbers);
  const docs = await Promise.all(numbers.map((n) => input.document(n)));
  const missing = numbers.filter((_, i) => !docs[i]);
  if (missing.length > 0) throw new DomainError('not_found', `no order ${missing.join(', ')}`);
  const orders = await Promise.all(numbers.map((n) => findOrderOrFail(deps, n)));
  await logDocumentDownloads(deps, orders, input.actor, numbers.length > 1);
  return docs as OrderDocument[];
}

/** "PDF downloaded by …" on each order's timeline (kind `document`), so the shop can tell what was printed. */
export async function logDocumentDownloads(deps: Pick<OrderPanelDeps, 'orders' | 'transactor' | 'clock'>, orders: Order[], actor: string, together: boolean) {
  const now = deps.clock.now();
  const text = together ? `PDF objednávky staženo (spolu s dalšími ${orders.length - 1} v jednom souboru).` : 'PDF objednávky staženo.';
  await deps.transactor.run(async (tx) => {
    for (const order of orders) await deps.orders.addEvents(tx, order.id, [{ kind: 'document', actor, internal: false, text, at: now }]);
  });
}
