/** What every page needs from the request: language, translator, stylesheet URL and where it is. */
import type { Locale, Translate } from '../i18n/messages.js';

export type PageContext = {
  locale: Locale;
  t: Translate;
  stylesheet: string;
  path: string;
  shopName: string;
};
