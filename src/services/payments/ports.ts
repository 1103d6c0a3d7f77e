/** What the payment use cases need: stored bank movements and card payments, the Fio API and the card gateways. */
import type { BankMovement } from '../../domain/payments/bank-movement.js';
import type { PairableOrder, PairingOutcome, UnmatchedReason } from '../../domain/payments/pairing.js';
import type { PaymentSettings } from '../../domain/settings/payment-settings.js';
import type { Tx } from '../ports.js';

export type MovementSource = 'gpc' | 'camt053' | 'fio-json' | 'fio-api';

export type StoredMovement = BankMovement & {
  id: number;
  source: MovementSource;
  outcome: PairingOutcome;
  reason: UnmatchedReason | null;
  orderId: number | null;
  orderNumber: string | null;
  importedAt: string;
  importedBy: string;
  resolvedAt: string | null;
  resolvedBy: string | null;
};

export type NewMovement = BankMovement & { source: MovementSource; outcome: PairingOutcome; reason: UnmatchedReason | null; orderId: number | null; importedAt: Date; importedBy: string };

export type MovementFilter = 'waiting' | 'unmatched' | 'partial' | 'all';

export type OrderForPayment = PairableOrder & { number: string };

export type SyncState = { lastId: string | null; lastCallAt: string | null; lastResult: string | null };

export type CardPaymentStatus = 'created' | 'pending' | 'paid' | 'cancelled' | 'authorized';
export type CardPayment = { id: number; orderId: number; provider: string; transId: string; amount: number; currency: string; status: CardPaymentStatus; redirectUrl: string; createdAt: string };
export type CardRefund = { id: number; creditNoteId: number; cardPaymentId: number; amount: number; currency: string; status: 'pending' | 'sending' | 'done' | 'failed'; lastError: string | null };

export interface PaymentRepo {
  /** Inserts unless a movement with the same account and bank id is stored already (then null: nothing changes). */
  insertMovement(tx: Tx, movement: NewMovement): Promise<number | null>;
  /** The keys (`account:bankId`) of these movements that are stored already. */
  storedKeys(keys: string[]): Promise<Set<string>>;
  /** Orders whose variable symbol — the order's own or one of its invoices' — is this one. */
  ordersBySymbol(tx: Tx, symbol: string): Promise<OrderForPayment[]>;
  orderByNumber(tx: Tx, number: string): Promise<OrderForPayment | null>;
  orderNumberOf(orderId: number): Promise<string | null>;
  /** Holds the order's row until commit (PostgreSQL) and reads its payment state afresh. */
  lockOrder(tx: Tx, orderId: number): Promise<OrderForPayment | null>;
  /** What the movements paired with the order brought in so far. */
  receivedFor(tx: Tx, orderId: number): Promise<number>;
  /** Once the order is paid, its earlier partial payments are settled too. */
  settlePartials(tx: Tx, orderId: number): Promise<void>;
  movement(tx: Tx | null, id: number): Promise<StoredMovement | null>;
  resolveMovement(tx: Tx, id: number, change: { outcome: PairingOutcome; reason: UnmatchedReason | null; orderId: number | null; at: Date; by: string }): Promise<void>;
  listMovements(query: { filter: MovementFilter; limit: number; before?: number }): Promise<{ items: StoredMovement[]; next: number | null }>;
  countMovements(): Promise<Record<'waiting' | 'unmatched' | 'partial' | 'all', number>>;
  /** The movements paired with an order, oldest first. */
  movementsOf(orderId: number): Promise<StoredMovement[]>;

  syncState(source: string): Promise<SyncState>;
  /**
   * Takes the right to call the bank now: true only when the last call was at least `gapMs` ago (or never), and then
   * the call time is recorded at once — so two workers never call within the gap.
   */
  claimSyncCall(source: string, now: Date, gapMs: number): Promise<boolean>;
  saveSyncResult(source: string, state: { lastId?: string | null; lastResult: string }): Promise<void>;

  insertCardPayment(payment: Omit<CardPayment, 'id' | 'createdAt'> & { at: Date }): Promise<CardPayment>;
  cardPayment(provider: string, transId: string): Promise<CardPayment | null>;
  cardPaymentsOf(tx: Tx | null, orderId: number): Promise<CardPayment[]>;
  setCardPaymentStatus(tx: Tx | null, id: number, status: CardPaymentStatus, at: Date): Promise<void>;

  /** One refund per credit note: null when that credit note has one already. */
  insertRefund(tx: Tx, refund: Omit<CardRefund, 'id' | 'status' | 'lastError'> & { at: Date }): Promise<number | null>;
  /** Moves a pending refund to `sending`; false when it is not pending (another process has it, or it is done). */
  claimRefund(id: number): Promise<CardRefund | null>;
  finishRefund(id: number, outcome: { status: 'done' | 'failed' | 'pending'; error: string | null; at: Date }): Promise<void>;
  pendingRefunds(limit: number): Promise<CardRefund[]>;
  refundIdOf(creditNoteId: number): Promise<number | null>;
  /** The card payment a refund goes back to. */
  cardPaymentsOfRefund(refundId: number): Promise<CardPayment | null>;
}

/** The Fio banka API, read-only: the movements since the bookmark the bank keeps, and moving that bookmark. */
export interface FioApi {
  /** `GET /last/{token}/transactions.json`; a FioApiError with status 409 when called within 30 s of the last call. */
  last(token: string): Promise<unknown>;
  /** `GET /set-last-id/{token}/{id}/`. */
  setLastId(token: string, id: string): Promise<void>;
}

export class FioApiError extends Error {
  constructor(readonly status: number | null, message: string) {
    super(message);
    this.name = 'FioApiError';
  }
}

/** A card payment as the gateway reports it. */
export type GatewayStatus = 'PENDING' | 'PAID' | 'CANCELLED' | 'AUTHORIZED';
export type GatewayPayment = { transId: string; refId: string; status: GatewayStatus; amount: number; currency: string };

/** The one small interface every card gateway is behind (Comgate, the test gateway). */
export interface CardGateway {
  readonly provider: 'comgate' | 'fake';
  create(input: { refId: string; amount: number; currency: string; label: string; email: string; locale: 'cs' | 'en' }): Promise<{ transId: string; redirectUrl: string }>;
  /** The transaction a server-to-server notification speaks of, if it is authentic (merchant and secret, or signature); null otherwise. */
  verifyNotification(body: Record<string, string>, headers: Record<string, string | undefined>): string | null;
  status(transId: string): Promise<GatewayPayment>;
  /** `refId` doubles as the idempotency key: the same refund asked twice is made once. */
  refund(input: { transId: string; amount: number; currency: string; refId: string }): Promise<void>;
}

/** A gateway that did not answer in time, could not be reached, or refused (its code and message). */
export class GatewayError extends Error {
  constructor(
    readonly kind: 'unavailable' | 'refused',
    message: string,
    readonly code: string | null = null,
  ) {
    super(message);
    this.name = 'GatewayError';
  }
}

/** Builds the configured gateway (Configuration holds the credentials); null when card payments are not set up. */
export type CardGateways = (card: PaymentSettings['card']) => CardGateway | null;
