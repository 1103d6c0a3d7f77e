/** What discount codes need from storage; methods taking a `Tx` run inside the caller's transaction (the order's). */
import type { DiscountCode, DiscountInput } from '../../domain/discounts/discount-code.js';
import type { Tx } from '../ports.js';

/** The product and categories of an SKU, for a code's scope. */
export type SkuScope = { sku: string; productId: number; categoryIds: number[] };

export type Redemption = { codeId: number; orderId: number; customerId: number | null; email: string; perCustomerLimit: number | null; at: Date };

export interface DiscountRepo {
  list(): Promise<DiscountCode[]>;
  findById(id: number): Promise<DiscountCode | null>;
  /** By the normalised (upper-case) code. */
  findByCode(code: string, tx?: Tx | null): Promise<DiscountCode | null>;
  codeTaken(code: string, exceptId?: number): Promise<boolean>;
  insert(input: DiscountInput, at: Date): Promise<DiscountCode>;
  update(id: number, input: DiscountInput, at: Date): Promise<DiscountCode>;
  /** Deletes a code no order used; false when orders did (such a code is switched off instead). */
  delete(id: number): Promise<boolean>;
  skuScopes(tx: Tx | null, skus: string[]): Promise<SkuScope[]>;
  /**
   * Counts one use of the code for this order: one conditional UPDATE (`used < usage_limit`), which holds the code's row
   * until the order commits, then the customer's earlier uses. `used_up` / `customer_limit` leave nothing counted
   * (the caller rolls the order back).
   */
  redeem(tx: Tx, redemption: Redemption): Promise<'ok' | 'used_up' | 'customer_limit'>;
  /** Uses of the code by this customer (account or email) so far. */
  customerUses(codeId: number, customer: { customerId: number | null; email: string }): Promise<number>;
}
