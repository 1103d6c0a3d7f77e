/** The content-page use cases bound to their dependencies (spread into the services object). */
import { DomainError } from '../../domain/errors.js';
import { LEGAL_TEMPLATES } from '../../domain/content/legal-templates.js';
import { renderMarkdown } from '../../domain/markdown.js';
import type { Clock } from '../ports.js';
import type { PageListQuery, PageRepo } from './ports.js';
import { savePage } from './save-page.js';

export type ContentPorts = { pages: PageRepo; clock: Clock };

export function contentServices(ports: ContentPorts) {
  return {
    listPages: (query: PageListQuery) => ports.pages.list(query),
    getPage: async (id: number) => (await ports.pages.byId(id)) ?? Promise.reject(new DomainError('not_found')),
    savePage: (input: { id?: number; data: unknown }) => savePage(ports, input),
    deletePage: async (id: number) => {
      if (!(await ports.pages.delete(id))) throw new DomainError('not_found');
    },
    /** The page a visitor asked for, only when published. */
    publishedPage: async (slug: string) => {
      const page = await ports.pages.bySlug(slug);
      return page?.published ? page : null;
    },
    menuPages: () => ports.pages.linked('menu'),
    footerPages: () => ports.pages.linked('footer'),
    countPublishedPages: () => ports.pages.countPublished(),
    /** The legal and info page templates, added once (idempotent: existing slugs are left alone). */
    seedTemplatePages: async () => {
      let added = 0;
      for (const template of LEGAL_TEMPLATES) {
        if (await ports.pages.bySlug(template.slug)) continue;
        await ports.pages.insert({ ...template, bodyHtml: renderMarkdown(template.body), published: true, isTemplate: true }, ports.clock.now());
        added++;
      }
      return added;
    },
  };
}
