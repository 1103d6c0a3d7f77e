/** Discount codes, their redemptions and the outbox of HTTP calls, as Kysely sees them (migration 0025). */
import type { Generated } from 'kysely';

export interface DiscountCodesTable {
  id: Generated<number>;
  /** Upper case, as customers' input is normalised. */
  code: string;
  kind: string;
  /** Percent (1–100) for `percent`, haléře for `amount`, 0 for `free_shipping`. */
  value: number;
  starts_at: string | null;
  ends_at: string | null;
  min_order: number | null;
  usage_limit: number | null;
  per_customer_limit: number | null;
  used: Generated<number>;
  scope: Generated<string>;
  /** JSON array of category or product ids. */
  scope_ids: Generated<string>;
  active: Generated<number>;
  note: Generated<string>;
  created_at: string;
  updated_at: string;
}

export interface DiscountRedemptionsTable {
  id: Generated<number>;
  code_id: number;
  order_id: number;
  customer_id: number | null;
  email: string;
  created_at: string;
}

export interface OutboxCallsTable {
  id: Generated<number>;
  kind: string;
  order_id: number | null;
  url: string;
  /** The JSON body posted. */
  body: string;
  status: Generated<string>;
  attempts: Generated<number>;
  next_attempt_at: string;
  claimed_by: string | null;
  claimed_until: string | null;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
}

export interface MarketingTables {
  discount_codes: DiscountCodesTable;
  discount_redemptions: DiscountRedemptionsTable;
  outbox_calls: OutboxCallsTable;
}
