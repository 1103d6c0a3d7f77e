/** Text folded for search: lower case without diacritics, so "cokolada" finds "Čokoláda" on both databases. */

export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/** The words of a search query, folded, only letters and digits, at most 8 of them. */
export function searchTerms(query: string): string[] {
  return foldText(query)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .slice(0, 8)
    .map((w) => w.slice(0, 40));
}

/** What a product is found by: its name, its variants' names and SKUs, and its plain description text. */
export function productSearchText(input: { name: string; descriptionText: string; variants: { sku: string; name: string }[] }): string {
  const parts = [input.name, ...input.variants.flatMap((v) => [v.name, v.sku]), input.descriptionText.slice(0, 2000)];
  return foldText(parts.join(' ')).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}
