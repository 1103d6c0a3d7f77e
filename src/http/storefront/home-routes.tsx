/** The storefront: the home page (categories and new arrivals) and the registration of every catalogue page. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Services } from '../../services/services.js';
import { StoreLayout } from '../views/store-layout.js';
import type { PageContext } from '../views/page-context.js';
import { CATALOGUE_PAGE, pageCache } from './page-cache.js';
import { ProductGrid, categoryHref } from './product-card.js';
import { registerCategoryPages } from './category-routes.js';
import { registerProductPages } from './product-routes.js';
import { registerSearchPage } from './search-routes.js';
import { registerSitemap } from './sitemap-routes.js';
import { registerFeedRoutes } from './feed-routes.js';
import { registerMediaRoutes } from './media-routes.js';

export function registerStorefront(app: FastifyInstance, services: Services, pageContext: (r: FastifyRequest) => PageContext) {
  const cached = pageCache(services.catalogRevision);
  app.get('/', CATALOGUE_PAGE, async (request, reply) =>
    cached(request, reply, async () => {
      const ctx = pageContext(request);
      const { t } = ctx;
      const { categories, newest } = await services.storeHome();
      return (
        <StoreLayout
          ctx={ctx}
          title={ctx.shopName}
          // "Being prepared" only while the shop has nothing to show; a shop with goods describes them.
          description={categories.length === 0 ? t('store.welcomeLead') : t('store.homeDescription', { shop: ctx.shopName, categories: categories.map((c) => c.name).join(', ') })}
          canonical={`${services.shopUrl()}/`}
          openGraph={{ type: 'website' }}
          categories={categories.map((c) => ({ name: c.name, href: categoryHref(c.slug) }))}
          cartCount={0}
        >
          <section class="hero">
            <h1>{t('store.welcome')}</h1>
            {categories.length === 0 && <p class="lead">{t('store.welcomeLead')}</p>}
            {categories.length > 0 && (
              <ul class="category-tiles" aria-label={t('store.home.categories')}>
                {categories.map((c) => (
                  <li key={c.id}>
                    <a href={categoryHref(c.slug)}>{c.name}</a>
                  </li>
                ))}
              </ul>
            )}
          </section>
          {newest.length > 0 && (
            <section aria-labelledby="newest-heading">
              <h2 id="newest-heading">{t('store.home.newest')}</h2>
              <ProductGrid ctx={ctx} items={newest} widths={services.imageWidths()} />
            </section>
          )}
        </StoreLayout>
      );
    }),
  );
  registerCategoryPages(app, services, pageContext, cached);
  registerProductPages(app, services, pageContext);
  registerSearchPage(app, services, pageContext, cached);
  registerSitemap(app, services);
  registerFeedRoutes(app, services);
  registerMediaRoutes(app, services);
}
