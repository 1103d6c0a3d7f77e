/** GTIN (EAN-8, UPC-A, EAN-13, GTIN-14): the digits as printed under a barcode, checked by the GS1 check digit. */

/** Spaces and hyphens people type between digit groups are dropped. */
export const normalizeGtin = (text: string): string => text.replace(/[\s-]/g, '');

export function isValidGtin(text: string): boolean {
  const digits = normalizeGtin(text);
  if (!/^(\d{8}|\d{12}|\d{13}|\d{14})$/.test(digits)) return false;
  // GS1: from the right, excluding the check digit, weights 3, 1, 3, 1, …
  let sum = 0;
  for (let i = digits.length - 2, weight = 3; i >= 0; i--, weight = 4 - weight) sum += Number(digits[i]) * weight;
  return (10 - (sum % 10)) % 10 === Number(digits[digits.length - 1]);
}
