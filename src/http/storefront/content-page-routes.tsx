/** Published content pages at /<slug> (e.g. /obchodni-podminky); drafts and unknown slugs are 404. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Services } from '../../services/services.js';
import { htmlToText, metaDescription } from '../../domain/markdown.js';
import { StoreLayout } from '../views/store-layout.js';
import { renderDocument } from '../views/render.js';
import type { PageContext } from '../views/page-context.js';
import { categoryHref } from './product-card.js';

export function registerContentPages(app: FastifyInstance, services: Services, pageContext: (r: FastifyRequest) => PageContext) {
  app.get<{ Params: { slug: string } }>('/:slug', async (request, reply) => {
    const slug = request.params.slug;
    const page = /^[a-z0-9-]{1,80}$/.test(slug) ? await services.publishedPage(slug) : null;
    if (!page) return reply.callNotFound();
    const ctx = pageContext(request);
    const menu = await services.storeMenu();
    const html = renderDocument(
      <StoreLayout
        ctx={ctx}
        title={page.title}
        description={metaDescription(htmlToText(page.bodyHtml))}
        canonical={`${services.shopUrl()}/${page.slug}`}
        categories={menu.map((c) => ({ name: c.name, href: categoryHref(c.slug) }))}
        cartCount={0}
      >
        <article class="content-page">
          <h1>{page.title}</h1>
          {/* Sanitized by an allow-list when the page was saved. */}
          <div class="prose" dangerouslySetInnerHTML={{ __html: page.bodyHtml }} />
        </article>
      </StoreLayout>,
    );
    return reply.type('text/html; charset=utf-8').send(html);
  });
}
