/** The product page (/zbozi/<slug>): images, a variant picker, the price with VAT, availability and the add-to-cart form. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Services } from '../../services/services.js';
import { formatMoney } from '../../domain/money/money.js';
import { splitGross } from '../../domain/money/vat.js';
import { htmlToText, metaDescription } from '../../domain/markdown.js';
import { StoreLayout } from '../views/store-layout.js';
import type { PageContext } from '../views/page-context.js';
import { CATALOGUE_PAGE, fingerprint, validatedPageCache } from './page-cache.js';
import { AvailabilityText, Breadcrumbs, Price, ProductImg, categoryHref, productHref } from './product-card.js';
import { originalUrl } from './media-routes.js';
import { breadcrumbJsonLd, productJsonLd } from '../views/structured-data.js';
import { decimal } from '../../domain/exports/export-order.js';

// Rendered product pages kept per process: ~4 kB each, so a catalogue of about 15 000 products stays rendered.
const PRODUCT_PAGES_MAX_BYTES = 64 * 1024 * 1024;

export function registerProductPages(app: FastifyInstance, services: Services, pageContext: (r: FastifyRequest) => PageContext) {
  const cached = validatedPageCache(PRODUCT_PAGES_MAX_BYTES);
  app.get<{ Params: { slug: string }; Querystring: { varianta?: string } }>('/zbozi/:slug', CATALOGUE_PAGE, async (request, reply) => {
    // Everything the page shows: the product (its revision), the category tree (breadcrumbs, menu) and the frame.
    const [revision, categories] = await Promise.all([services.storeProductRevision(request.params.slug), services.storeCategories()]);
    const validator = revision === null ? null : `${revision}|${fingerprint(categories)}|${fingerprint(request.shopFrame)}|${request.shopName}`;
    return cached(request, reply, validator, async () => {
      const ctx = pageContext(request);
      const { t, locale } = ctx;
      const [view, menu] = await Promise.all([services.storeProduct(request.params.slug), services.storeMenu()]);
      if (!view) return null;
      const { product } = view;
      const widths = services.imageWidths();
      // The variant a link asks for (`?varianta=`, as the comparison sites' feeds link), else the first in stock.
      const asked = product.variants.find((v) => String(v.id) === request.query.varianta && v.stock > 0);
      const chosen = asked ?? product.variants.find((v) => v.stock > 0) ?? product.variants[0];
      const text = htmlToText(product.descriptionHtml);
      const [main, ...more] = product.images;
      const shop = services.shopUrl();
      const url = `${shop}${productHref(product.slug)}`;
      const structured = [
        productJsonLd({
          name: product.name,
          description: text.slice(0, 5000),
          url,
          images: product.images.map((image) => `${shop}${originalUrl(image)}`),
          brand: product.manufacturer,
          sku: chosen?.sku ?? '',
          gtin: chosen?.ean ?? null,
          offers: product.variants.map((v) => ({ url: product.variants.length > 1 ? `${url}?varianta=${v.id}` : url, sku: v.sku, gtin: v.ean, price: v.price, inStock: v.stock > 0 })),
        }),
        breadcrumbJsonLd([{ name: t('store.home'), url: `${shop}/` }, ...view.path.map((c) => ({ name: c.name, url: `${shop}${categoryHref(c.slug)}` })), { name: product.name, url }]),
      ];
      return (
        <StoreLayout
          ctx={ctx}
          title={product.name}
          description={metaDescription(text) || product.name}
          canonical={url}
          jsonLd={structured}
          openGraph={{
            type: 'product',
            image: main ? `${shop}${originalUrl(main)}` : undefined,
            extra: chosen ? { 'product:price:amount': decimal(chosen.price), 'product:price:currency': 'CZK' } : {},
          }}
          categories={menu.map((c) => ({ name: c.name, href: categoryHref(c.slug) }))}
          cartCount={0}
        >
          <Breadcrumbs ctx={ctx} path={view.path} current={product.name} />
          <article class="product-detail">
            <div class="product-gallery">
              {main ? (
                <a href={originalUrl(main)}>
                  <ProductImg image={main} widths={widths} sizes="(max-width: 800px) 100vw, 560px" eager alt={main.alt || product.name} />
                </a>
              ) : (
                <span class="no-image no-image-large" />
              )}
              {more.length > 0 && (
                <ul class="gallery-thumbs">
                  {more.map((image) => (
                    <li key={image.id}>
                      <a href={originalUrl(image)}>
                        <ProductImg image={image} widths={widths} sizes="120px" alt={image.alt || product.name} />
                      </a>
                    </li>
                  ))}
                </ul>
              )}
            </div>
            <div class="product-buy">
              <h1>{product.name}</h1>
              {chosen && (
                <div class="product-price">
                  <Price ctx={ctx} price={chosen.price} compareAt={chosen.compareAtPrice} lowest30d={chosen.lowestPrice30d} />
                  <p class="muted small">
                    {t('store.vatIncluded', { rate: product.vatRate })} ·{' '}
                    {t('store.priceWithoutVat', { price: formatMoney(splitGross(chosen.price, product.vatRate).base, locale) })}
                  </p>
                </div>
              )}
              <form method="post" action="/kosik" class="add-to-cart stack">
                <fieldset class="variant-picker">
                  <legend>{t('store.variantPicker')}</legend>
                  {product.variants.map((v) => (
                    <div class="variant-option" key={v.id}>
                      <input type="radio" name="variantId" id={`variant-${v.id}`} value={String(v.id)} checked={v.id === chosen?.id} disabled={v.stock <= 0} />
                      <label for={`variant-${v.id}`}>
                        <span class="variant-name">{v.name || product.name}</span>
                        <Price ctx={ctx} price={v.price} compareAt={v.compareAtPrice} lowest30d={v.lowestPrice30d} />
                        <AvailabilityText ctx={ctx} stock={v.stock} />
                      </label>
                    </div>
                  ))}
                </fieldset>
                <div class="field field-quantity">
                  <label for="quantity">{t('store.quantity')}</label>
                  <input type="number" id="quantity" name="quantity" value="1" min="1" max="999" inputMode="numeric" />
                </div>
                <button type="submit" class="button-primary button-large" disabled={product.stockTotal <= 0}>
                  {t('store.addToCart')}
                </button>
              </form>
              {chosen && (
                <p class="muted small">
                  {t('store.sku')}: {chosen.sku}
                </p>
              )}
            </div>
          </article>
          {/* Sanitised when saved (an allow-list of tags, no attributes but safe links). */}
          <section class="product-description" dangerouslySetInnerHTML={{ __html: product.descriptionHtml }} />
        </StoreLayout>
      );
    });
  });
}
