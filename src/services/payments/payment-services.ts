/** The payment use cases bound to their dependencies (spread into the services object). */
import type { Order } from '../orders/ports.js';
import { canPayByCard, cardPaymentReturn, handleCardNotification, startCardPayment, type CardDeps } from './card-payments.js';
import { sendPendingRefunds } from './card-refund.js';
import { pollFio } from './fio-poll.js';
import { importStatement } from './import-statement.js';
import { ignoreMovement, pairMovementByHand } from './pair-movement.js';
import type { FioApi, MovementFilter } from './ports.js';

export type PaymentPorts = CardDeps & { fio: FioApi };

export function paymentServices(ports: PaymentPorts) {
  return {
    importStatement: (input: { bytes: Uint8Array; actor: string }) => importStatement(ports, input),
    listMovements: (query: { filter: MovementFilter; limit: number; before?: number }) => ports.payments.listMovements(query),
    countMovements: () => ports.payments.countMovements(),
    findMovement: (id: number) => ports.payments.movement(null, id),
    orderMovements: (orderId: number) => ports.payments.movementsOf(orderId),
    orderForPayment: (number: string) => ports.transactor.run((tx) => ports.payments.orderByNumber(tx, number)),
    pairMovement: (input: { movementId: number; orderNumber: unknown; actor: string }) => pairMovementByHand(ports, input),
    ignoreMovement: (input: { movementId: number; actor: string }) => ignoreMovement(ports, input),
    pollFio: (options: { force?: boolean } = {}) => pollFio(ports, options),
    fioSyncState: () => ports.payments.syncState('fio'),
    canPayByCard: (order: Order) => canPayByCard(ports, order),
    startCardPayment: (order: Order) => startCardPayment(ports, order),
    handleCardNotification: (input: { provider: string; body: Record<string, string>; headers: Record<string, string | undefined> }) => handleCardNotification(ports, input),
    cardPaymentReturn: (transId: string) => cardPaymentReturn(ports, transId),
    sendPendingRefunds: () => sendPendingRefunds(ports),
  };
}
