/**
 * Order statuses of CONTRACT.md as a transition table: forward moves (skipping allowed), cancel from any
 * non-final status; nothing leaves `completed` or `cancelled`, nothing goes backwards.
 */
export const ORDER_STATUSES = ['new', 'processing', 'shipped', 'completed', 'cancelled'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const TRANSITIONS: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = {
  new: ['processing', 'shipped', 'completed', 'cancelled'],
  processing: ['shipped', 'completed', 'cancelled'],
  shipped: ['completed', 'cancelled'],
  completed: [],
  cancelled: [],
};

export const isOrderStatus = (value: unknown): value is OrderStatus => ORDER_STATUSES.includes(value as OrderStatus);

export const canTransition = (from: OrderStatus, to: OrderStatus): boolean => TRANSITIONS[from].includes(to);

export const nextStates = (from: OrderStatus): readonly OrderStatus[] => TRANSITIONS[from];

export const isFinal = (status: OrderStatus): boolean => TRANSITIONS[status].length === 0;

export const STATUS_NAMES: Record<OrderStatus, { cs: string; en: string }> = {
  new: { cs: 'Nová', en: 'New' },
  processing: { cs: 'V řešení', en: 'In progress' },
  shipped: { cs: 'Odeslaná', en: 'Shipped' },
  completed: { cs: 'Vyřízená', en: 'Completed' },
  cancelled: { cs: 'Stornovaná', en: 'Cancelled' },
};

/** Payment is tracked apart from the order status, as Czech shop owners expect. */
export const PAYMENT_STATUSES = ['unpaid', 'paid', 'refunded'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];
export const isPaymentStatus = (value: unknown): value is PaymentStatus => PAYMENT_STATUSES.includes(value as PaymentStatus);
