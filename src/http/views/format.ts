/** Dates and times as people in the shop read them: Prague time, `26. 11. 2026 14:05` in Czech. */
const FORMATS = {
  cs: new Intl.DateTimeFormat('cs-CZ', { timeZone: 'Europe/Prague', day: 'numeric', month: 'numeric', year: 'numeric', hour: '2-digit', minute: '2-digit' }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Prague', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' }),
};

export function formatDateTime(iso: string, locale: 'cs' | 'en'): string {
  return FORMATS[locale].format(new Date(iso)).replace(',', '');
}
