/** Creates or updates a content page: validated, slug made from the title when empty, HTML sanitized once at save. */
import { DomainError } from '../../domain/errors.js';
import { pageInputSchema, resolveSlug, type ContentPage } from '../../domain/content/page.js';
import { renderMarkdown } from '../../domain/markdown.js';
import { fieldErrorsOf } from '../../domain/validation.js';
import type { Clock } from '../ports.js';
import type { PageRepo } from './ports.js';

export type ContentDeps = { pages: PageRepo; clock: Clock };

export async function savePage(deps: ContentDeps, input: { id?: number; data: unknown }): Promise<ContentPage> {
  const existing = input.id === undefined ? null : await deps.pages.byId(input.id);
  if (input.id !== undefined && !existing) throw new DomainError('not_found');
  // A PATCH sends only what changes: fill the rest from the stored page.
  const merged = existing && typeof input.data === 'object' && input.data !== null ? { ...pageFields(existing), ...input.data } : input.data;
  const parsed = pageInputSchema.safeParse(merged);
  if (!parsed.success) throw new DomainError('validation', 'invalid page', fieldErrorsOf(parsed.error));
  const data = parsed.data;
  const { slug, problem } = resolveSlug(data);
  if (problem) throw new DomainError('validation', 'invalid slug', { slug: problem });
  const other = await deps.pages.bySlug(slug);
  if (other && other.id !== existing?.id) throw new DomainError('conflict', 'slug taken', { slug: 'slug_taken' });

  const record = {
    slug,
    title: data.title,
    body: data.body,
    bodyHtml: renderMarkdown(data.body),
    published: data.published,
    inMenu: data.inMenu,
    inFooter: data.inFooter,
    position: data.position,
    // A template stays marked until the owner says it has been reviewed.
    isTemplate: (existing?.isTemplate ?? false) && !data.reviewed,
  };
  const now = deps.clock.now();
  if (!existing) return deps.pages.insert(record, now);
  return (await deps.pages.update(existing.id, record, now)) ?? Promise.reject(new DomainError('not_found'));
}

function pageFields(page: ContentPage) {
  return { title: page.title, slug: page.slug, body: page.body, published: page.published, inMenu: page.inMenu, inFooter: page.inFooter, position: page.position };
}
