/** Moves a category one place up or down among its siblings (the no-JavaScript way to reorder the tree). */
import { DomainError } from '../../domain/errors.js';
import type { CategoryDeps } from './create-category.js';

export async function moveCategory(deps: CategoryDeps, id: number, direction: 'up' | 'down'): Promise<void> {
  const all = await deps.categories.all();
  const category = all.find((c) => c.id === id);
  if (!category) throw new DomainError('not_found');
  const siblings = all.filter((c) => c.parentId === category.parentId).sort((a, b) => a.position - b.position || a.id - b.id);
  const index = siblings.findIndex((c) => c.id === id);
  const other = direction === 'up' ? index - 1 : index + 1;
  if (other < 0 || other >= siblings.length) return;
  [siblings[index], siblings[other]] = [siblings[other]!, siblings[index]!];
  await deps.categories.setPositions(siblings.map((c, position) => ({ id: c.id, position })));
}
