/** The marketing use cases of the worker and the admin: posting queued calls, and what was sent for an order. */
import { deliverQueuedCalls, type CallDeliveryDeps } from './deliver-queued-calls.js';

export type MarketingPorts = CallDeliveryDeps & { heurekaVerifiedUrl: string };

export function marketingServices(ports: MarketingPorts) {
  return {
    deliverQueuedCalls: (input: { worker: string; batchSize?: number }) => deliverQueuedCalls(ports, input),
    orderCalls: (orderId: number) => ports.calls.forOrder(orderId),
  };
}
