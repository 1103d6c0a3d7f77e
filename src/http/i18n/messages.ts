/** Every user-facing text of the web edge, Czech first, with English; keys are shared by pages, forms and JSON errors. */
export const LOCALES = ['cs', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

const cs = {
  'app.name': 'Kramek',
  'lang.cs': 'Česky',
  'lang.en': 'English',
  'lang.switch': 'Jazyk',
  'nav.main': 'Hlavní navigace',
  'nav.home': 'Přehled',
  'nav.orders': 'Objednávky',
  'nav.products': 'Zboží',
  'nav.categories': 'Kategorie',
  'nav.customers': 'Zákazníci',
  'nav.settings': 'Konfigurace',
  'nav.content': 'Obsah',
  'nav.stats': 'Statistiky',
  'admin.title': 'Administrace',
  'admin.storefront': 'Zobrazit obchod',
  'admin.signedInAs': 'Přihlášen(a): {name}',
  'admin.signOut': 'Odhlásit se',
  'admin.skip': 'Přeskočit na obsah',
  'admin.role.owner': 'majitel',
  'admin.role.staff': 'obsluha',
  'signin.title': 'Přihlášení do administrace',
  'signin.email': 'E-mail',
  'signin.password': 'Heslo',
  'signin.submit': 'Přihlásit se',
  'signin.signedOut': 'Byli jste odhlášeni.',
  'home.title': 'Váš e-shop v sedmi krocích',
  'home.lead': 'Sedm ovládacích panelů, ve kterých spravujete celý obchod.',
  'panel.orders.lead': 'Všechny objednávky vašich zákazníků: stavy, dokumenty, e-maily a interní poznámky.',
  'panel.products.lead': 'Zboží, varianty, ceny s DPH, sklad a obrázky.',
  'panel.categories.lead': 'Strom kategorií, který zákazníci vidí v obchodě.',
  'panel.customers.lead': 'Registrovaní zákazníci, jejich profily a objednávky.',
  'panel.settings.lead': 'Údaje obchodu, e-maily, dokumenty a pravidla objednávek.',
  'panel.content.lead': 'Stránky obchodu (obchodní podmínky, kontakt, o nás), menu a úvodní stránka.',
  'panel.stats.lead': 'Tržby, objednávky a zboží v čase, v grafech.',
  'panel.empty': 'Tento panel se právě připravuje. Zatím zde nic není.',
  'store.title': 'Obchod',
  'store.search': 'Hledat zboží',
  'store.searchPlaceholder': 'Co hledáte?',
  'store.searchSubmit': 'Hledat',
  'store.categories': 'Kategorie',
  'store.noCategories': 'Kategorie zboží se brzy objeví.',
  'store.cart': 'Košík',
  'store.cartCount': 'Košík ({count})',
  'store.welcome': 'Vítejte v našem obchodě',
  'store.welcomeLead': 'Nabídku zboží právě připravujeme.',
  'store.footer.contact': 'Kontakt',
  'store.footer.legal': 'Informace',
  'store.footer.poweredBy': 'Běží na Kramku',
  'error.title': 'Něco se nepovedlo',
  'error.back': 'Zpět na úvod',
  'error.not_found': 'Stránka nebyla nalezena.',
  'error.unauthorized': 'Chybí platné přihlášení nebo API token.',
  'error.forbidden': 'K této akci nemáte oprávnění.',
  'error.invalid_credentials': 'E-mail nebo heslo nesouhlasí.',
  'error.too_many_attempts': 'Příliš mnoho neúspěšných pokusů o přihlášení. Zkuste to znovu za 15 minut.',
  'error.csrf': 'Platnost formuláře vypršela. Načtěte stránku znovu a odešlete jej ještě jednou.',
  'error.validation': 'Zkontrolujte prosím zadané údaje.',
  'error.conflict': 'Tento záznam už existuje.',
  'error.invalid_transition': 'Tuto změnu stavu nelze provést.',
  'error.bad_request': 'Požadavek nelze zpracovat.',
  'error.internal': 'Na serveru došlo k chybě. Zkuste to prosím znovu.',
  'error.summary': 'Formulář obsahuje chyby',
  'field.required': 'Vyplňte toto pole.',
  'field.email_invalid': 'Zadejte e-mail ve tvaru jmeno@domena.cz.',
  'field.email_taken': 'Tento e-mail už používá jiný uživatel.',
  'field.password_too_short': 'Heslo musí mít alespoň 10 znaků.',
  'field.password_too_long': 'Heslo je příliš dlouhé.',
  'field.role_invalid': 'Role musí být owner nebo staff.',
};

export type MessageKey = keyof typeof cs;

const en: Record<MessageKey, string> = {
  'app.name': 'Kramek',
  'lang.cs': 'Česky',
  'lang.en': 'English',
  'lang.switch': 'Language',
  'nav.main': 'Main navigation',
  'nav.home': 'Overview',
  'nav.orders': 'Orders',
  'nav.products': 'Products',
  'nav.categories': 'Categories',
  'nav.customers': 'Customers',
  'nav.settings': 'Configuration',
  'nav.content': 'Content',
  'nav.stats': 'Statistics',
  'admin.title': 'Administration',
  'admin.storefront': 'View shop',
  'admin.signedInAs': 'Signed in: {name}',
  'admin.signOut': 'Sign out',
  'admin.skip': 'Skip to content',
  'admin.role.owner': 'owner',
  'admin.role.staff': 'staff',
  'signin.title': 'Sign in to the administration',
  'signin.email': 'Email',
  'signin.password': 'Password',
  'signin.submit': 'Sign in',
  'signin.signedOut': 'You have been signed out.',
  'home.title': 'Your e-shop in seven steps',
  'home.lead': 'Seven control panels to run the whole shop.',
  'panel.orders.lead': "All your customers' orders: statuses, documents, emails and internal notes.",
  'panel.products.lead': 'Products, variants, prices with VAT, stock and images.',
  'panel.categories.lead': 'The category tree customers see in the shop.',
  'panel.customers.lead': 'Registered customers, their profiles and orders.',
  'panel.settings.lead': 'Shop details, emails, documents and checkout rules.',
  'panel.content.lead': 'Shop pages (terms, contact, about), menu and home page.',
  'panel.stats.lead': 'Sales, orders and products over time, as charts.',
  'panel.empty': 'This panel is being prepared. Nothing here yet.',
  'store.title': 'Shop',
  'store.search': 'Search products',
  'store.searchPlaceholder': 'What are you looking for?',
  'store.searchSubmit': 'Search',
  'store.categories': 'Categories',
  'store.noCategories': 'Product categories are coming soon.',
  'store.cart': 'Cart',
  'store.cartCount': 'Cart ({count})',
  'store.welcome': 'Welcome to our shop',
  'store.welcomeLead': 'Our range of products is being prepared.',
  'store.footer.contact': 'Contact',
  'store.footer.legal': 'Information',
  'store.footer.poweredBy': 'Runs on Kramek',
  'error.title': 'Something went wrong',
  'error.back': 'Back to the start',
  'error.not_found': 'Page not found.',
  'error.unauthorized': 'A valid sign-in or API token is missing.',
  'error.forbidden': 'You are not allowed to do this.',
  'error.invalid_credentials': 'The email or password is wrong.',
  'error.too_many_attempts': 'Too many failed sign-in attempts. Try again in 15 minutes.',
  'error.csrf': 'The form has expired. Reload the page and submit it again.',
  'error.validation': 'Please check what you entered.',
  'error.conflict': 'This record already exists.',
  'error.invalid_transition': 'This status change is not allowed.',
  'error.bad_request': 'The request cannot be processed.',
  'error.internal': 'The server ran into an error. Please try again.',
  'error.summary': 'There is a problem',
  'field.required': 'Fill in this field.',
  'field.email_invalid': 'Enter an email like name@domain.com.',
  'field.email_taken': 'Another user already has this email.',
  'field.password_too_short': 'The password must have at least 10 characters.',
  'field.password_too_long': 'The password is too long.',
  'field.role_invalid': 'The role must be owner or staff.',
};

const CATALOG: Record<Locale, Record<MessageKey, string>> = { cs, en };

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function translator(locale: Locale): Translate {
  const messages = CATALOG[locale];
  return (key, params) => {
    const text = messages[key] ?? key;
    return params ? text.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`)) : text;
  };
}

export const isMessageKey = (key: string): key is MessageKey => key in cs;

export const isLocale = (value: unknown): value is Locale => LOCALES.includes(value as Locale);

/**
 * Pages are Czech until the visitor picks English with the switch (cookie); the JSON API follows
 * Accept-Language, as the contract says, so pass it only for API requests.
 */
export function pickLocale(cookie: string | undefined, acceptLanguage: string | undefined): Locale {
  if (isLocale(cookie)) return cookie;
  const first = acceptLanguage?.split(',')[0]?.trim().slice(0, 2).toLowerCase();
  return isLocale(first) ? first : 'cs';
}
