/** Links to switch the language; a plain GET that sets a cookie and returns to the same page. */
import { LOCALES } from '../i18n/messages.js';
import type { PageContext } from './page-context.js';

export function LanguageSwitch({ ctx }: { ctx: PageContext }) {
  return (
    <nav class="lang-switch" aria-label={ctx.t('lang.switch')}>
      {LOCALES.map((locale) =>
        locale === ctx.locale ? (
          <span key={locale} aria-current="true" lang={locale}>
            {ctx.t(`lang.${locale}`)}
          </span>
        ) : (
          <a key={locale} href={`/jazyk/${locale}?next=${encodeURIComponent(ctx.path)}`} lang={locale} hreflang={locale}>
            {ctx.t(`lang.${locale}`)}
          </a>
        ),
      )}
    </nav>
  );
}
