/** Country names for the codes addresses are stored with (`CZ` → `Česká republika`), wherever an address is shown. */
export type CountryLocale = 'cs' | 'en';

const COUNTRIES: Record<CountryLocale, Record<string, string>> = {
  cs: { CZ: 'Česká republika', SK: 'Slovensko', DE: 'Německo', AT: 'Rakousko', PL: 'Polsko' },
  en: { CZ: 'Czech Republic', SK: 'Slovakia', DE: 'Germany', AT: 'Austria', PL: 'Poland' },
};

/** The name in the given language; a code we have no name for is shown as it is. */
export const countryName = (locale: CountryLocale, code: string): string => COUNTRIES[locale][code.toUpperCase()] ?? code;
