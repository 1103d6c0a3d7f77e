/**
 * Moves a category among its siblings: one place up or down (the no-JavaScript buttons) or straight to a position
 * (0 = first; dragging a row in the Categories panel). A position past the end puts it last.
 */
import { DomainError } from '../../domain/errors.js';
import type { CategoryDeps } from './create-category.js';

export type CategoryMove = 'up' | 'down' | { position: number };

export async function moveCategory(deps: CategoryDeps, id: number, move: CategoryMove): Promise<void> {
  if (typeof move === 'object' && !(Number.isSafeInteger(move.position) && move.position >= 0)) {
    throw new DomainError('validation', 'bad position', { position: 'category_position_invalid' });
  }
  const all = await deps.categories.all();
  const category = all.find((c) => c.id === id);
  if (!category) throw new DomainError('not_found');
  const siblings = all.filter((c) => c.parentId === category.parentId).sort((a, b) => a.position - b.position || a.id - b.id);
  const index = siblings.findIndex((c) => c.id === id);
  const target = move === 'up' ? index - 1 : move === 'down' ? index + 1 : Math.min(move.position, siblings.length - 1);
  if (target < 0 || target >= siblings.length || target === index) return;
  siblings.splice(index, 1);
  siblings.splice(target, 0, category);
  await deps.categories.setPositions(siblings.map((c, position) => ({ id: c.id, position })));
}
