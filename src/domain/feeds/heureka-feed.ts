/**
 * The Heureka.cz product feed (heureka.github.io/xml-feed-specs): SHOP/SHOPITEM, one item per variant with ITEM_ID,
 * PRODUCTNAME, PRODUCT, DESCRIPTION, URL, IMGURL (+ alternatives), PRICE_VAT, MANUFACTURER, CATEGORYTEXT, EAN,
 * DELIVERY_DATE, DELIVERY per shipping method and ITEMGROUP_ID for variants. Checked by docs/schemas/heureka/.
 */
import { decimal } from '../exports/export-order.js';
import { textElement as el } from '../exports/xml-text.js';
import { cut, deliveryDays, deliveryPrice, ean13, feedGroupId, feedItemId, itemTitle, itemUrl, type FeedProduct, type FeedWriter } from './feed-item.js';

/** Heureka's carrier codes (DELIVERY_ID) for the carriers of Configuration; a carrier without one is left out. */
export const HEUREKA_CARRIERS: Record<string, string> = {
  'ceska-posta': 'CESKA_POSTA',
  balikovna: 'BALIKOVNA_DEPOTAPI',
  ppl: 'PPL',
  zasilkovna: 'ZASILKOVNA',
  dpd: 'DPD',
  gls: 'GLS',
  own: 'VLASTNI_PREPRAVA',
};

const PREFIX = 'Heureka.cz';

/** Heureka's tree starts with "Heureka.cz |": the owner's Heureka category, else the shop's own path under it. */
export function heurekaCategory(product: Pick<FeedProduct, 'feedCategories' | 'categoryPath'>): string {
  const own = product.feedCategories.heureka || product.categoryPath.join(' | ');
  return cut(own.startsWith(PREFIX) ? own : `${PREFIX} | ${own}`.trim(), 255);
}

export const heurekaWriter: FeedWriter = {
  id: 'heureka',
  contentType: 'application/xml; charset=utf-8',
  head: () => '<?xml version="1.0" encoding="utf-8"?>\n<SHOP>\n',
  product(p, ctx) {
    let out = '';
    const category = heurekaCategory(p);
    for (const v of p.variants) {
      const deliveries = ctx.deliveries.filter((d) => HEUREKA_CARRIERS[d.carrier]);
      out +=
        '<SHOPITEM>' +
        el('ITEM_ID', feedItemId(v.id)) +
        el('PRODUCTNAME', cut(itemTitle(p, v), 200)) +
        el('PRODUCT', cut(itemTitle(p, v), 200)) +
        el('DESCRIPTION', p.description) +
        el('URL', itemUrl(p, v)) +
        el('IMGURL', p.images[0]) +
        p.images.slice(1, 11).map((src) => el('IMGURL_ALTERNATIVE', src)).join('') +
        el('PRICE_VAT', decimal(v.price)) +
        el('MANUFACTURER', p.manufacturer) +
        el('CATEGORYTEXT', category) +
        el('EAN', ean13(v.ean)) +
        el('DELIVERY_DATE', deliveryDays(v, ctx)) +
        (deliveries.length === 0
          ? '<DELIVERY/>'
          : deliveries
              .slice(0, 100)
              .map((d) => {
                const price = deliveryPrice(d, v.price);
                return `<DELIVERY>${el('DELIVERY_ID', HEUREKA_CARRIERS[d.carrier])}${el('DELIVERY_PRICE', decimal(price))}${d.codPrice === null ? '' : el('DELIVERY_PRICE_COD', decimal(price + d.codPrice))}</DELIVERY>`;
              })
              .join('')) +
        (p.variants.length > 1 ? el('ITEMGROUP_ID', feedGroupId(p.id)) : '') +
        '</SHOPITEM>\n';
    }
    return out;
  },
  tail: () => '</SHOP>\n',
};
