/** Texts of feeds, product feed data, the 30-day lowest price, discount codes and Heureka "Ověřeno zákazníky". */
export const cs = {
  'prod.v.ean': 'EAN (čárový kód)',
  'prod.feeds': 'Srovnávače zboží',
  'prod.feedsHint': 'Výrobce a kategorie ve stromech srovnávačů. Prázdná kategorie: pošle se cesta kategorií obchodu.',
  'prod.manufacturer': 'Výrobce (značka)',
  'prod.feedCategory.heureka': 'Kategorie Heureka (např. „Heureka.cz | Jídlo a nápoje | Čaj“)',
  'prod.feedCategory.zbozi': 'Kategorie Zboží.cz (např. „Jídlo a nápoje | Nápoje | Čaj“)',
  'prod.feedCategory.google': 'Kategorie Google (číslo nebo cesta z taxonomie Google)',
  'field.ean_invalid': 'Zadejte EAN jako 8, 12, 13 nebo 14 číslic s platnou kontrolní číslicí.',
  'store.lowestPrice30d': 'Nejnižší cena za posledních 30 dní: {price}',
};

export const en: Record<keyof typeof cs, string> = {
  'prod.v.ean': 'EAN (barcode)',
  'prod.feeds': 'Comparison sites',
  'prod.feedsHint': 'The manufacturer and the categories in the comparison sites’ trees. An empty category sends the shop’s category path.',
  'prod.manufacturer': 'Manufacturer (brand)',
  'prod.feedCategory.heureka': 'Heureka category (e.g. “Heureka.cz | Jídlo a nápoje | Čaj”)',
  'prod.feedCategory.zbozi': 'Zboží.cz category (e.g. “Jídlo a nápoje | Nápoje | Čaj”)',
  'prod.feedCategory.google': 'Google category (a number or a path of the Google taxonomy)',
  'field.ean_invalid': 'Enter the EAN as 8, 12, 13 or 14 digits with a valid check digit.',
  'store.lowestPrice30d': 'Lowest price in the last 30 days: {price}',
};
