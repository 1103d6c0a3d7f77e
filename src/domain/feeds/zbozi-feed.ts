/**
 * The Zboží.cz offer feed (napoveda.zbozi.cz, namespace http://www.zbozi.cz/ns/offer/1.0): SHOP/SHOPITEM, one item per
 * variant with ITEM_ID, PRODUCTNAME, PRODUCT, DESCRIPTION, URL, IMGURL, PRICE_VAT, DELIVERY_DATE, DELIVERY,
 * CATEGORYTEXT, EAN, PRODUCTNO, MANUFACTURER and ITEMGROUP_ID. Checked by docs/schemas/zbozi/.
 */
import { decimal } from '../exports/export-order.js';
import { textElement as el } from '../exports/xml-text.js';
import { cut, deliveryDays, deliveryPrice, feedGroupId, feedItemId, itemTitle, itemUrl, type FeedWriter } from './feed-item.js';

/** Zboží.cz's carrier codes (DELIVERY_ID); a carrier without one is left out. */
export const ZBOZI_CARRIERS: Record<string, string> = {
  'ceska-posta': 'CESKA_POSTA',
  balikovna: 'BALIKOVNA',
  ppl: 'PPL',
  zasilkovna: 'ZASILKOVNA',
  dpd: 'DPD',
  gls: 'GLS',
  own: 'VLASTNI_PREPRAVA',
};

export const ZBOZI_NAMESPACE = 'http://www.zbozi.cz/ns/offer/1.0';

export const zboziWriter: FeedWriter = {
  id: 'zbozi',
  contentType: 'application/xml; charset=utf-8',
  head: () => `<?xml version="1.0" encoding="utf-8"?>\n<SHOP xmlns="${ZBOZI_NAMESPACE}">\n`,
  product(p, ctx) {
    let out = '';
    const category = cut(p.feedCategories.zbozi || p.categoryPath.join(' | '), 255);
    for (const v of p.variants) {
      out +=
        '<SHOPITEM>' +
        el('ITEM_ID', feedItemId(v.id)) +
        el('PRODUCTNAME', cut(itemTitle(p, v), 255)) +
        el('PRODUCT', cut(itemTitle(p, v), 255)) +
        el('DESCRIPTION', p.description) +
        el('URL', itemUrl(p, v)) +
        el('IMGURL', p.images[0]) +
        el('PRICE_VAT', decimal(v.price)) +
        el('DELIVERY_DATE', deliveryDays(v, ctx)) +
        ctx.deliveries
          .filter((d) => ZBOZI_CARRIERS[d.carrier])
          .map((d) => {
            const price = deliveryPrice(d, v.price);
            return `<DELIVERY>${el('DELIVERY_ID', ZBOZI_CARRIERS[d.carrier])}${el('DELIVERY_PRICE', decimal(price))}${d.codPrice === null ? '' : el('DELIVERY_PRICE_COD', decimal(price + d.codPrice))}</DELIVERY>`;
          })
          .join('') +
        el('CATEGORYTEXT', category) +
        el('EAN', v.ean) +
        el('PRODUCTNO', v.sku) +
        el('MANUFACTURER', p.manufacturer) +
        (p.variants.length > 1 ? el('ITEMGROUP_ID', feedGroupId(p.id)) : '') +
        '</SHOPITEM>\n';
    }
    return out;
  },
  tail: () => '</SHOP>\n',
};
