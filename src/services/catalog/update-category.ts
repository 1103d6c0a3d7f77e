/** Renames, re-describes, hides or moves a category under another parent (never under itself); partial updates allowed. */
import { DomainError } from '../../domain/errors.js';
import type { CategoryInput } from '../../domain/catalog/category-rules.js';
import { validCategory, type CategoryDeps } from './create-category.js';
import type { Category } from './ports.js';

export async function updateCategory(deps: CategoryDeps, id: number, patch: Partial<CategoryInput>): Promise<Category> {
  const current = await deps.categories.findById(id);
  if (!current) throw new DomainError('not_found');
  const merged: CategoryInput = {
    name: patch.name ?? current.name,
    slug: patch.slug ?? current.slug,
    description: patch.description ?? current.description,
    parentId: patch.parentId === undefined ? current.parentId : patch.parentId,
    visible: patch.visible ?? current.visible,
  };
  const value = await validCategory(deps, merged, id);
  const moved = value.parentId !== current.parentId;
  const position = moved
    ? (await deps.categories.all()).filter((c) => c.parentId === value.parentId && c.id !== id).reduce((max, c) => Math.max(max, c.position + 1), 0)
    : current.position;
  return deps.categories.update(id, { ...value, position }, deps.clock.now());
}
