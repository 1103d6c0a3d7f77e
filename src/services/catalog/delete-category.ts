/** Deletes a category: refused while it holds products unless they are moved to another category; children move up a level. */
import { DomainError } from '../../domain/errors.js';
import type { CategoryDeps } from './create-category.js';

export async function deleteCategory(deps: CategoryDeps, id: number, options: { moveTo?: number | null } = {}): Promise<void> {
  const category = await deps.categories.findById(id);
  if (!category) throw new DomainError('not_found');
  const moveTo = options.moveTo ?? null;
  if (moveTo !== null && (moveTo === id || !(await deps.categories.findById(moveTo)))) {
    throw new DomainError('validation', 'bad target', { moveTo: 'category_target_invalid' });
  }
  const products = await deps.categories.productCount([id]);
  if (products > 0 && moveTo === null) throw new DomainError('validation', `category holds ${products} products`, { moveTo: 'category_not_empty' });
  await deps.categories.delete(id, moveTo);
}
