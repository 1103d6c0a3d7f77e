/**
 * schema.org structured data (JSON-LD) for search engines: a product with one offer per variant (Google's Product
 * snippet and merchant listing properties), breadcrumbs, and the JSON written safely inside a <script> element.
 */
import { decimal } from '../../domain/exports/export-order.js';

export type JsonLd = Record<string, unknown>;

export type ProductData = {
  name: string;
  description: string;
  url: string;
  images: string[];
  brand: string;
  /** The variant shown first: its SKU and GTIN describe the product. */
  sku: string;
  gtin: string | null;
  offers: { url: string; sku: string; gtin: string | null; price: number; inStock: boolean }[];
};

export function productJsonLd(p: ProductData): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'Product',
    name: p.name,
    ...(p.description ? { description: p.description } : {}),
    ...(p.images.length ? { image: p.images } : {}),
    sku: p.sku,
    ...(p.gtin ? { gtin: p.gtin } : {}),
    ...(p.brand ? { brand: { '@type': 'Brand', name: p.brand } } : {}),
    offers: p.offers.map((o) => ({
      '@type': 'Offer',
      url: o.url,
      sku: o.sku,
      ...(o.gtin ? { gtin: o.gtin } : {}),
      price: decimal(o.price),
      priceCurrency: 'CZK',
      availability: o.inStock ? 'https://schema.org/InStock' : 'https://schema.org/OutOfStock',
      itemCondition: 'https://schema.org/NewCondition',
    })),
  };
}

/** The trail from the home page to this page, each step with its absolute address. */
export function breadcrumbJsonLd(steps: { name: string; url: string }[]): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: steps.map((s, i) => ({ '@type': 'ListItem', position: i + 1, name: s.name, item: s.url })),
  };
}

/**
 * JSON for a <script type="application/ld+json">: `<`, `>` and `&` as \u escapes, so no text a shop owner types
 * (`</script>`, `<!--`) can end the element, and the line separators JavaScript once refused.
 */
export function scriptJson(value: JsonLd): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
