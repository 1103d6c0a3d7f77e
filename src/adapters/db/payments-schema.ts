/** Bank movements, the Fio bookmark, card payments and refunds as Kysely sees them (migration 0024). */
import type { Generated } from 'kysely';

export interface BankMovementsTable {
  id: Generated<number>;
  source_key: string;
  source: string;
  account: string;
  bank_id: string;
  booked_on: string;
  /** bigint on PostgreSQL (read back as a string): normalised in the repo. */
  amount: number | string;
  currency: string;
  variable_symbol: string;
  message: string;
  counterparty: string;
  outcome: string;
  reason: string | null;
  order_id: number | null;
  imported_at: string;
  imported_by: string;
  resolved_at: string | null;
  resolved_by: string | null;
}

export interface CardPaymentsTable {
  id: Generated<number>;
  order_id: number;
  provider: string;
  trans_id: string;
  amount: number;
  currency: string;
  status: string;
  redirect_url: string;
  created_at: string;
  updated_at: string;
}

export interface CardRefundsTable {
  id: Generated<number>;
  credit_note_id: number;
  card_payment_id: number;
  amount: number;
  currency: string;
  status: string;
  last_error: string | null;
  created_at: string;
  done_at: string | null;
}

export interface PaymentTables {
  bank_movements: BankMovementsTable;
  bank_sync: { source: string; last_id: string | null; last_call_at: string | null; last_result: string | null };
  card_payments: CardPaymentsTable;
  card_refunds: CardRefundsTable;
}
