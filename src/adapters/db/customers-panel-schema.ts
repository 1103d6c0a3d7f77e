/** The Customers panel's table and columns as Kysely sees them (migration 0011). */
import type { Generated } from 'kysely';

export interface CustomerEventsTable {
  id: Generated<number>;
  customer_id: number | null;
  at: string;
  kind: string;
  actor: string;
  text: string;
}

export interface CustomersPanelTables {
  customer_events: CustomerEventsTable;
  /** Merged with CustomersTable: the shop's internal note (never shown to the customer) and when the data was anonymised. */
  customers: { note: string | null; anonymized_at: string | null };
  /** Merged with OutboxEmailsTable: the customer an email written from the profile went to. */
  outbox_emails: { customer_id: number | null };
}
