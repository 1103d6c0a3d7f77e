/** Category tree rules: names and slugs, no cycles when moving, and the tree built from flat rows. */
import { isValidSlug, slugFromName } from './slug.js';
import type { FieldErrors } from './product-rules.js';

export type CategoryNode<T extends { id: number; parentId: number | null; position: number }> = T & { depth: number; children: CategoryNode<T>[] };

export type CategoryInput = { name: string; slug: string; description: string; parentId: number | null; visible: boolean };

export function checkCategory(input: CategoryInput): { value: CategoryInput; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const name = (input.name ?? '').trim();
  if (!name) errors.name = 'name_required';
  else if (name.length > 120) errors.name = 'name_too_long';
  const slug = (input.slug ?? '').trim().toLowerCase() || slugFromName(name);
  if (name && !isValidSlug(slug)) errors.slug = 'slug_invalid';
  const description = (input.description ?? '').trim();
  if (description.length > 5000) errors.description = 'description_too_long';
  return { value: { name, slug, description, parentId: input.parentId ?? null, visible: !!input.visible }, errors };
}

/** Rows → a forest ordered by position then id; orphans (a missing parent) become roots. */
export function buildTree<T extends { id: number; parentId: number | null; position: number }>(rows: readonly T[]): CategoryNode<T>[] {
  const nodes = new Map<number, CategoryNode<T>>(rows.map((r) => [r.id, { ...r, depth: 0, children: [] }]));
  const roots: CategoryNode<T>[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId === null ? undefined : nodes.get(node.parentId);
    (parent ? parent.children : roots).push(node);
  }
  const order = (list: CategoryNode<T>[], depth: number) => {
    list.sort((a, b) => a.position - b.position || a.id - b.id);
    for (const n of list) {
      n.depth = depth;
      order(n.children, depth + 1);
    }
  };
  order(roots, 0);
  return roots;
}

/** Depth-first order, as the admin table and the parent select show the tree. */
export function flattenTree<T extends { id: number; parentId: number | null; position: number }>(roots: CategoryNode<T>[]): CategoryNode<T>[] {
  return roots.flatMap((n) => [n, ...flattenTree(n.children)]);
}

/** The id and all ids below it. */
export function subtreeIds(rows: readonly { id: number; parentId: number | null }[], id: number): number[] {
  const out = [id];
  for (let i = 0; i < out.length; i++) for (const r of rows) if (r.parentId === out[i]) out.push(r.id);
  return out;
}

/** A category may not move under itself or one of its descendants. */
export function wouldCycle(rows: readonly { id: number; parentId: number | null }[], id: number, newParentId: number | null): boolean {
  return newParentId !== null && subtreeIds(rows, id).includes(newParentId);
}

/** From the root down to the category, for breadcrumbs. */
export function pathTo<T extends { id: number; parentId: number | null }>(rows: readonly T[], id: number): T[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const path: T[] = [];
  for (let node = byId.get(id); node && path.length < 50; node = node.parentId === null ? undefined : byId.get(node.parentId)) path.unshift(node);
  return path;
}
