/** Storefront pieces: product cards with image, price and availability; breadcrumbs; price and availability texts. */
import { formatMoney } from '../../domain/money/money.js';
import { availabilityOf } from '../../domain/catalog/availability.js';
import { lowestPriceShown } from '../../domain/catalog/price-history.js';
import type { Category, ProductImage, ProductSummary } from '../../services/catalog/ports.js';
import type { PageContext } from '../views/page-context.js';
import { srcSet, thumbUrl } from './media-routes.js';

export const productHref = (slug: string) => `/zbozi/${slug}`;
export const categoryHref = (slug: string) => `/kategorie/${slug}`;

export function AvailabilityText({ ctx, stock }: { ctx: PageContext; stock: number }) {
  const a = availabilityOf(stock);
  if (a.kind !== 'last_pieces') return <span class={`availability availability-${a.kind}`}>{ctx.t(`store.avail.${a.kind}`)}</span>;
  const key = a.count === 1 ? 'store.avail.last1' : a.count >= 5 ? 'store.avail.last5' : 'store.avail.last';
  return <span class="availability availability-last">{ctx.t(key, { count: a.count })}</span>;
}

/**
 * A price with VAT; with a compare-at price, that one struck through and — as § 12a of the Consumer Protection Act
 * asks beside every announced reduction — the lowest price of the 30 days before it (`lowest30d`, null: never lower).
 */
export function Price({ ctx, price, compareAt, from, lowest30d }: { ctx: PageContext; price: number; compareAt?: number | null; from?: boolean; lowest30d?: number | null }) {
  const text = formatMoney(price, ctx.locale, { whole: true });
  return (
    <span class="price">
      <strong>{from ? ctx.t('store.priceFrom', { price: text }) : text}</strong>
      {compareAt ? (
        <s class="price-was">
          <span class="visually-hidden">{ctx.t('store.was')}: </span>
          {formatMoney(compareAt, ctx.locale, { whole: true })}
        </s>
      ) : null}
      {compareAt ? <small class="price-lowest">{ctx.t('store.lowestPrice30d', { price: formatMoney(lowestPriceShown(price, lowest30d ?? null), ctx.locale, { whole: true }) })}</small> : null}
    </span>
  );
}

export function ProductImg(props: { image: ProductImage; widths: readonly number[]; sizes: string; eager?: boolean; alt?: string }) {
  const { image } = props;
  const width = Math.min(640, image.width);
  return (
    <img
      src={thumbUrl(image, props.widths[1] ?? 640)}
      srcSet={srcSet(image, props.widths)}
      sizes={props.sizes}
      width={width}
      height={Math.round((width * image.height) / image.width)}
      alt={props.alt ?? image.alt}
      loading={props.eager ? 'eager' : 'lazy'}
      decoding="async"
    />
  );
}

export function ProductGrid({ ctx, items, widths }: { ctx: PageContext; items: ProductSummary[]; widths: readonly number[] }) {
  return (
    <ul class="product-grid">
      {items.map((p) => (
        <li key={p.id} class="product-card">
          <a href={productHref(p.slug)} class="product-card-link">
            <span class="product-card-image">
              {p.image ? <ProductImg image={p.image} widths={widths} sizes="(max-width: 600px) 50vw, 280px" alt="" /> : <span class="no-image" />}
            </span>
            <span class="product-card-name">{p.name}</span>
          </a>
          <Price ctx={ctx} price={p.minPrice} compareAt={p.compareAtPrice} from={p.variantCount > 1} lowest30d={p.lowestPrice30d} />
          <AvailabilityText ctx={ctx} stock={p.stockTotal} />
        </li>
      ))}
    </ul>
  );
}

export function Breadcrumbs({ ctx, path, current }: { ctx: PageContext; path: Category[]; current?: string }) {
  return (
    <nav class="breadcrumbs" aria-label={ctx.t('store.breadcrumb')}>
      <ol>
        <li>
          <a href="/">{ctx.t('store.home')}</a>
        </li>
        {path.map((c, i) => (
          <li key={c.id}>
            {i === path.length - 1 && !current ? <span aria-current="page">{c.name}</span> : <a href={categoryHref(c.slug)}>{c.name}</a>}
          </li>
        ))}
        {current && (
          <li>
            <span aria-current="page">{current}</span>
          </li>
        )}
      </ol>
    </nav>
  );
}

/** The page asked for in `?strana=` (1 when missing or not a page number). */
export const pageNumber = (text: string | undefined) => (text && /^\d{1,6}$/.test(text) && Number(text) > 0 ? Number(text) : 1);

export function Pager({ ctx, page, pages, href }: { ctx: PageContext; page: number; pages: number; href: (page: number) => string }) {
  if (pages <= 1) return null;
  return (
    <nav class="pager" aria-label={ctx.t('prod.pages')}>
      {page > 1 ? (
        <a class="button" rel="prev" href={href(page - 1)}>
          ← {ctx.t('store.prev')}
        </a>
      ) : (
        <span />
      )}
      <span class="muted">{ctx.t('store.page', { page, pages })}</span>
      {page < pages ? (
        <a class="button" rel="next" href={href(page + 1)}>
          {ctx.t('store.next')} →
        </a>
      ) : (
        <span />
      )}
    </nav>
  );
}
