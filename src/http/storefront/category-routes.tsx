/** Category pages (/kategorie/<slug>): sub-categories, sorting by price, name or newest, an in-stock filter and paging. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Services } from '../../services/services.js';
import type { StoreSort } from '../../services/catalog/ports.js';
import { STORE_SORTS } from '../../services/catalog/browse-catalog.js';
import { htmlToText, metaDescription } from '../../domain/markdown.js';
import { StoreLayout } from '../views/store-layout.js';
import type { PageContext } from '../views/page-context.js';
import { CATALOGUE_PAGE, type PageCache } from './page-cache.js';
import { Breadcrumbs, Pager, ProductGrid, categoryHref, pageNumber } from './product-card.js';
import { breadcrumbJsonLd } from '../views/structured-data.js';
import { originalUrl } from './media-routes.js';

type Query = { strana?: string; razeni?: string; skladem?: string };


export function registerCategoryPages(app: FastifyInstance, services: Services, pageContext: (r: FastifyRequest) => PageContext, cached: PageCache) {
  app.get<{ Params: { slug: string }; Querystring: Query }>('/kategorie/:slug', CATALOGUE_PAGE, async (request, reply) =>
    cached(request, reply, async () => {
      const ctx = pageContext(request);
      const { t } = ctx;
      const sort: StoreSort = STORE_SORTS.includes(request.query.razeni as StoreSort) ? (request.query.razeni as StoreSort) : 'newest';
      const inStock = request.query.skladem === '1';
      const page = pageNumber(request.query.strana);
      const [data, menu] = await Promise.all([services.storeCategory(request.params.slug, { page, sort, inStock }), services.storeMenu()]);
      if (!data || page > data.pages) return null;
      const base = categoryHref(data.category.slug);
      const href = (p: number) => {
        const params = new URLSearchParams();
        if (sort !== 'newest') params.set('razeni', sort);
        if (inStock) params.set('skladem', '1');
        if (p > 1) params.set('strana', String(p));
        const text = params.toString();
        return text ? `${base}?${text}` : base;
      };
      const canonical = `${services.shopUrl()}${page > 1 ? `${base}?strana=${page}` : base}`;
      const description = metaDescription(htmlToText(data.category.description)) || data.category.name;
      const cover = data.items.find((p) => p.image)?.image;
      return (
        <StoreLayout
          ctx={ctx}
          title={page > 1 ? `${data.category.name} – ${t('store.page', { page, pages: data.pages })}` : data.category.name}
          description={description}
          canonical={canonical}
          jsonLd={[breadcrumbJsonLd([{ name: t('store.home'), url: `${services.shopUrl()}/` }, ...data.path.map((c) => ({ name: c.name, url: `${services.shopUrl()}${categoryHref(c.slug)}` }))])]}
          openGraph={{ type: 'website', image: cover ? `${services.shopUrl()}${originalUrl(cover)}` : undefined }}
          noindex={sort !== 'newest' || inStock}
          categories={menu.map((c) => ({ name: c.name, href: categoryHref(c.slug) }))}
          cartCount={0}
        >
          <Breadcrumbs ctx={ctx} path={data.path} />
          <h1>{data.category.name}</h1>
          {data.category.description && <p class="lead">{data.category.description}</p>}
          {data.children.length > 0 && (
            <nav aria-label={t('store.subcategories')}>
              <ul class="chips">
                {data.children.map((c) => (
                  <li key={c.id}>
                    <a href={categoryHref(c.slug)}>{c.name}</a>
                  </li>
                ))}
              </ul>
            </nav>
          )}
          <form method="get" action={base} class="list-toolbar">
            <span class="muted">{t('store.count', { count: data.total })}</span>
            <div class="toolbar-controls">
              <label for="razeni">{t('store.sort')}</label>
              <select id="razeni" name="razeni">
                {STORE_SORTS.map((s) => (
                  <option key={s} value={s} selected={s === sort}>
                    {t(`store.sort.${s}`)}
                  </option>
                ))}
              </select>
              <span class="checkbox">
                <input type="checkbox" id="skladem" name="skladem" value="1" checked={inStock} />
                <label for="skladem">{t('store.inStockOnly')}</label>
              </span>
              <button type="submit">{t('store.apply')}</button>
            </div>
          </form>
          {data.items.length === 0 ? (
            <div class="empty-state">
              <p>{inStock ? t('store.noProductsInStock') : t('store.noProducts')}</p>
            </div>
          ) : (
            <ProductGrid ctx={ctx} items={data.items} widths={services.imageWidths()} />
          )}
          <Pager ctx={ctx} page={data.page} pages={data.pages} href={href} />
        </StoreLayout>
      );
    }),
  );
}
