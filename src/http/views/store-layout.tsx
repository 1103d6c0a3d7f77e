/** The storefront frame: header with logo, search, category menu and cart; footer with legal links and contacts. */
import type { ComponentChildren } from 'preact';
import { LanguageSwitch } from './language-switch.js';
import { scriptJson, type JsonLd } from './structured-data.js';
import type { PageContext } from './page-context.js';

export type MenuCategory = { name: string; href: string };

function ShopContact({ ctx }: { ctx: PageContext }) {
  const c = ctx.shop?.contact;
  return (
    <address class="shop-contact">
      <strong>{c?.legalName || ctx.shopName}</strong>
      {c?.street && <span>{c.street}</span>}
      {(c?.zip || c?.city) && <span>{`${c.zip} ${c.city}`.trim()}</span>}
      {c?.email && <a href={`mailto:${c.email}`}>{c.email}</a>}
      {c?.phone && <a href={`tel:${c.phone.replace(/\s/g, '')}`}>{c.phone}</a>}
      {c?.ico && <span>IČO {c.ico}</span>}
    </address>
  );
}

export function StoreLayout(props: {
  /** `cartCount` here (from the session) wins over the prop. */
  ctx: PageContext & { cartCount?: number };
  title: string;
  description?: string;
  /** Absolute URL of this page's canonical address (SEO). */
  canonical?: string;
  /** Pages search engines should not index (search results, filtered lists). */
  noindex?: boolean;
  categories: MenuCategory[];
  cartCount: number;
  /** The search box's current text (on the search page). */
  query?: string;
  /** Scripts that only make the page smoother (it works without them). */
  scripts?: string[];
  /** schema.org structured data for search engines. */
  jsonLd?: JsonLd[];
  /** Open Graph (link previews): the page's kind, image and extra properties such as a product's price. */
  openGraph?: { type: 'website' | 'product'; image?: string; extra?: Record<string, string> };
  children: ComponentChildren;
}) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <html lang={ctx.locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{props.title === ctx.shopName ? ctx.shopName : `${props.title} | ${ctx.shopName}`}</title>
        {props.description && <meta name="description" content={props.description} />}
        {props.canonical && <link rel="canonical" href={props.canonical} />}
        {props.noindex && <meta name="robots" content="noindex, follow" />}
        {props.openGraph && (
          <>
            <meta property="og:type" content={props.openGraph.type} />
            <meta property="og:title" content={props.title} />
            {props.description && <meta property="og:description" content={props.description} />}
            {props.canonical && <meta property="og:url" content={props.canonical} />}
            {props.openGraph.image && <meta property="og:image" content={props.openGraph.image} />}
            <meta property="og:site_name" content={ctx.shopName} />
            <meta property="og:locale" content={ctx.locale === 'en' ? 'en_GB' : 'cs_CZ'} />
            {Object.entries(props.openGraph.extra ?? {}).map(([property, content]) => (
              <meta key={property} property={property} content={content} />
            ))}
          </>
        )}
        {props.jsonLd?.map((data, i) => <script key={i} type="application/ld+json" dangerouslySetInnerHTML={{ __html: scriptJson(data) }} />)}
        <link rel="stylesheet" href={ctx.stylesheet} />
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
        {props.scripts?.map((src) => <script key={src} src={src} defer />)}
      </head>
      <body class="store">
        <header class="store-header">
          <div class="store-bar">
            <a class="store-logo" href="/">
              {ctx.shopName}
            </a>
            <form class="store-search" role="search" method="get" action="/hledat">
              <label class="visually-hidden" for="q">
                {t('store.search')}
              </label>
              <input id="q" name="q" type="search" placeholder={t('store.searchPlaceholder')} value={props.query} />
              <button type="submit">{t('store.searchSubmit')}</button>
            </form>
            <a class="store-account" href={ctx.customer ? '/ucet' : '/ucet/prihlaseni'}>
              {ctx.customer ? t('account.header.myAccount') : t('account.header.signIn')}
            </a>
            <a class="store-cart" href="/kosik">
              {t('store.cartCount', { count: props.ctx.cartCount ?? props.cartCount })}
            </a>
          </div>
          <nav class="store-menu" aria-label={t('store.categories')}>
            {props.categories.length === 0 ? (
              <span class="muted">{t('store.noCategories')}</span>
            ) : (
              <ul>
                {props.categories.map((c) => (
                  <li key={c.href}>
                    <a href={c.href} aria-current={ctx.path.split('?')[0] === c.href ? 'page' : undefined}>
                      {c.name}
                    </a>
                  </li>
                ))}
              </ul>
            )}
          </nav>
        </header>
        <main id="main" class="store-main">
          {props.children}
        </main>
        <footer class="store-footer">
          <section>
            <h2>{t('store.footer.contact')}</h2>
            <ShopContact ctx={ctx} />
          </section>
          <section>
            <h2>{t('store.footer.legal')}</h2>
            {ctx.shop && ctx.shop.footerLinks.length > 0 && (
              <ul class="footer-links">
                {ctx.shop.footerLinks.map((link) => (
                  <li key={link.href}>
                    <a href={link.href}>{link.title}</a>
                  </li>
                ))}
              </ul>
            )}
            <LanguageSwitch ctx={ctx} />
          </section>
          <p class="powered">{t('store.footer.poweredBy')}</p>
        </footer>
      </body>
    </html>
  );
}
