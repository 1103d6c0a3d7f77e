/** Cart tables as Kysely sees them. */
import type { ColumnType } from 'kysely';

export interface CartTables {
  carts: { id: string; created_at: string; updated_at: string; discount_code: ColumnType<string | null, string | null | undefined, string | null> };
  cart_lines: { cart_id: string; variant_id: number; quantity: number; seen_price: number; added_at: string };
}
