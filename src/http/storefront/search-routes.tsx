/** Storefront search (/hledat?q=): the database's own full-text search, with Czech diacritics ignored. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Services } from '../../services/services.js';
import { StoreLayout } from '../views/store-layout.js';
import type { PageContext } from '../views/page-context.js';
import { CATALOGUE_PAGE, type PageCache } from './page-cache.js';
import { Pager, ProductGrid, categoryHref, pageNumber } from './product-card.js';

export function registerSearchPage(app: FastifyInstance, services: Services, pageContext: (r: FastifyRequest) => PageContext, cached: PageCache) {
  app.get<{ Querystring: { q?: string; strana?: string } }>('/hledat', CATALOGUE_PAGE, async (request, reply) =>
    cached(request, reply, async () => {
      const ctx = pageContext(request);
      const { t } = ctx;
      const q = (typeof request.query.q === 'string' ? request.query.q : '').trim().slice(0, 200);
      const page = pageNumber(request.query.strana);
      const [result, menu] = await Promise.all([q ? services.storeSearch(q, { page }) : null, services.storeMenu()]);
      return (
        <StoreLayout
          ctx={ctx}
          title={q ? t('store.searchResults', { q }) : t('store.searchTitle')}
          noindex
          query={q}
          categories={menu.map((c) => ({ name: c.name, href: categoryHref(c.slug) }))}
          cartCount={0}
        >
          <h1>{q ? t('store.searchResults', { q }) : t('store.searchTitle')}</h1>
          {!result ? (
            <p class="lead">{t('store.searchEmpty')}</p>
          ) : result.items.length === 0 ? (
            <div class="empty-state">
              <p>{t('store.searchNone', { q })}</p>
            </div>
          ) : (
            <>
              <p class="muted">{t('store.count', { count: result.total })}</p>
              <ProductGrid ctx={ctx} items={result.items} widths={services.imageWidths()} />
              <Pager ctx={ctx} page={page} pages={result.pages} href={(p) => `/hledat?${new URLSearchParams({ q, ...(p > 1 ? { strana: String(p) } : {}) }).toString()}`} />
            </>
          )}
        </StoreLayout>
      );
    }),
  );
}
