/** Cart tables as Kysely sees them. */
export interface CartTables {
  carts: { id: string; created_at: string; updated_at: string };
  cart_lines: { cart_id: string; variant_id: number; quantity: number; seen_price: number; added_at: string };
}
