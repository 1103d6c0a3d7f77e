/** Creates a category at the end of its siblings; a slug is made from the name unless one is given. */
import { DomainError } from '../../domain/errors.js';
import { checkCategory, wouldCycle, type CategoryInput } from '../../domain/catalog/category-rules.js';
import { nextSlug } from '../../domain/catalog/slug.js';
import type { Clock } from '../ports.js';
import type { Category, CategoryRepo } from './ports.js';

export type CategoryDeps = { categories: CategoryRepo; clock: Clock };

/** Validates a category against the rules and the existing tree; returns the value to store. */
export async function validCategory(deps: CategoryDeps, input: CategoryInput, id?: number): Promise<CategoryInput> {
  const { value, errors } = checkCategory(input);
  const all = await deps.categories.all();
  if (value.parentId !== null && (!all.some((c) => c.id === value.parentId) || (id !== undefined && wouldCycle(all, id, value.parentId)))) {
    errors.parentId = 'category_parent_invalid';
  }
  if (!errors.slug && !errors.name) {
    if (input.slug?.trim()) {
      if (await deps.categories.slugTaken(value.slug, id)) errors.slug = 'slug_taken';
    } else {
      const base = value.slug;
      for (let attempt = 1; await deps.categories.slugTaken(value.slug, id); attempt++) value.slug = nextSlug(base, attempt);
    }
  }
  if (Object.keys(errors).length) throw new DomainError('validation', 'invalid category', errors);
  return value;
}

export async function createCategory(deps: CategoryDeps, input: CategoryInput): Promise<Category> {
  const value = await validCategory(deps, input);
  const siblings = (await deps.categories.all()).filter((c) => c.parentId === value.parentId);
  const position = siblings.reduce((max, c) => Math.max(max, c.position + 1), 0);
  return deps.categories.insert({ ...value, position }, deps.clock.now());
}
