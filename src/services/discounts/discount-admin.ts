/** Discount codes in the admin (Zboží → Slevové kódy, and the admin API): create, change, delete (or switch off). */
import { DomainError } from '../../domain/errors.js';
import { discountProblems, normalizeCode, type DiscountCode, type DiscountInput } from '../../domain/discounts/discount-code.js';
import type { CategoryRepo, ProductRepo } from '../catalog/ports.js';
import type { Clock } from '../ports.js';
import type { DiscountRepo } from './ports.js';

export type DiscountAdminDeps = { discounts: DiscountRepo; categories: CategoryRepo; products: ProductRepo; clock: Clock };

export async function saveDiscount(deps: DiscountAdminDeps, input: DiscountInput, id?: number): Promise<DiscountCode> {
  const draft: DiscountInput = { ...input, code: normalizeCode(input.code), note: input.note.trim(), scopeIds: [...new Set(input.scopeIds)], value: input.kind === 'free_shipping' ? 0 : input.value };
  const errors = discountProblems(draft);
  if (!errors.code && (await deps.discounts.codeTaken(draft.code, id))) errors.code = 'discount_code_taken';
  if (!errors.scopeIds && draft.scope === 'categories') {
    const known = new Set((await deps.categories.all()).map((c) => c.id));
    if (draft.scopeIds.some((c) => !known.has(c))) errors.scopeIds = 'category_unknown';
  }
  if (!errors.scopeIds && draft.scope === 'products') {
    const found = await Promise.all(draft.scopeIds.map((p) => deps.products.findById(p)));
    if (found.some((p) => !p)) errors.scopeIds = 'product_unknown';
  }
  if (Object.keys(errors).length) throw new DomainError('validation', 'invalid discount code', errors);
  if (id === undefined) return deps.discounts.insert(draft, deps.clock.now());
  if (!(await deps.discounts.findById(id))) throw new DomainError('not_found');
  return deps.discounts.update(id, draft, deps.clock.now());
}

/** A code no order used is deleted; one that was used stays (orders name it) and is switched off. */
export async function deleteDiscount(deps: DiscountAdminDeps, id: number): Promise<'deleted' | 'deactivated'> {
  const code = await deps.discounts.findById(id);
  if (!code) throw new DomainError('not_found');
  if (await deps.discounts.delete(id)) return 'deleted';
  const { id: _id, used: _used, createdAt: _c, updatedAt: _u, ...rest } = code;
  await deps.discounts.update(id, { ...rest, active: false }, deps.clock.now());
  return 'deactivated';
}
