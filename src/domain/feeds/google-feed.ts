/**
 * The Google Merchant Center product feed: RSS 2.0 with the `g:` namespace (http://base.google.com/ns/1.0), one item
 * per variant with id, title, description, link, image_link, availability, price ("123.00 CZK"), condition, brand,
 * gtin (or identifier_exists "no"), item_group_id, product_type, google_product_category and shipping per method.
 */
import { decimal } from '../exports/export-order.js';
import { escapeXml, textElement as el } from '../exports/xml-text.js';
import { cut, deliveryPrice, feedGroupId, feedItemId, itemTitle, itemUrl, type FeedWriter } from './feed-item.js';

export const GOOGLE_NAMESPACE = 'http://base.google.com/ns/1.0';

/** Google's price format: a dot decimal and the ISO currency after a space. */
export const googlePrice = (minor: number): string => `${decimal(minor)} CZK`;

export const googleWriter: FeedWriter = {
  id: 'google',
  contentType: 'application/xml; charset=utf-8',
  head: (ctx) =>
    `<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0" xmlns:g="${GOOGLE_NAMESPACE}">\n<channel>` +
    `<title>${escapeXml(ctx.shopName)}</title><link>${escapeXml(ctx.shopUrl)}/</link><description>${escapeXml(ctx.shopName)}</description>\n`,
  product(p, ctx) {
    let out = '';
    for (const v of p.variants) {
      out +=
        '<item>' +
        el('g:id', feedItemId(v.id)) +
        el('g:title', cut(itemTitle(p, v), 150)) +
        el('g:description', cut(p.description || itemTitle(p, v), 5000)) +
        el('g:link', itemUrl(p, v)) +
        el('g:image_link', p.images[0]) +
        p.images.slice(1, 11).map((src) => el('g:additional_image_link', src)).join('') +
        el('g:availability', v.stock > 0 ? 'in_stock' : 'out_of_stock') +
        el('g:price', googlePrice(v.price)) +
        el('g:condition', 'new') +
        el('g:brand', p.manufacturer && cut(p.manufacturer, 70)) +
        (v.ean ? el('g:gtin', v.ean) : el('g:identifier_exists', 'no')) +
        (p.variants.length > 1 ? el('g:item_group_id', feedGroupId(p.id)) : '') +
        el('g:product_type', cut(p.categoryPath.join(' > '), 750)) +
        el('g:google_product_category', p.feedCategories.google) +
        ctx.deliveries.map((d) => `<g:shipping><g:country>CZ</g:country>${el('g:service', cut(d.name, 100))}${el('g:price', googlePrice(deliveryPrice(d, v.price)))}</g:shipping>`).join('') +
        '</item>\n';
    }
    return out;
  },
  tail: () => '</channel>\n</rss>\n',
};
