/** What every page needs from the request: language, translator, stylesheet URL and where it is. */
import type { Locale, Translate } from '../i18n/messages.js';

export type PageContext = {
  locale: Locale;
  t: Translate;
  stylesheet: string;
  path: string;
  shopName: string;
  /** The shop's contacts (Configuration) and the content pages linked from the footer. */
  shop: ShopFrame | null;
  /** The signed-in storefront customer, for the header's "My account" link. */
  customer?: { name: string } | null;
};

export type ShopFrame = {
  contact: { legalName: string; street: string; city: string; zip: string; email: string; phone: string; ico: string };
  footerLinks: { href: string; title: string }[];
};
