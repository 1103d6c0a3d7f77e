/** Czech company and contact identifiers: IČO (mod-11 checksum), DIČ, PSČ and phone numbers. */

/** IČO: 8 digits (older short ones are written with leading zeros), the last a mod-11 check digit. */
export function isValidIco(value: string): boolean {
  const digits = value.replace(/\s/g, '');
  if (!/^\d{8}$/.test(digits)) return false;
  const ico = digits;
  let sum = 0;
  for (let i = 0; i < 7; i++) sum += Number(ico[i]) * (8 - i);
  const check = (11 - (sum % 11)) % 10;
  return check === Number(ico[7]);
}

export function normalizeIco(value: string): string {
  return value.replace(/\s/g, '');
}

/**
 * DIČ: `CZ` + 8 digits (a company: its IČO), 9 or 10 digits (a person: birth number).
 * Companies' DIČ must also pass the IČO checksum.
 */
export function isValidDic(value: string): boolean {
  const dic = value.replace(/\s/g, '').toUpperCase();
  const match = /^CZ(\d{8,10})$/.exec(dic);
  if (!match) return false;
  return match[1]!.length === 8 ? isValidIco(match[1]!) : true;
}

export function normalizeDic(value: string): string {
  return value.replace(/\s/g, '').toUpperCase();
}

/** PSČ: five digits, written `110 00`. */
export function normalizeZip(value: string): string | null {
  const digits = value.replace(/\s/g, '');
  return /^\d{5}$/.test(digits) ? `${digits.slice(0, 3)} ${digits.slice(3)}` : null;
}

/** A phone number: `+420 601 123 456` for Czech numbers (a bare 9-digit number is Czech); other countries kept as typed. */
export function normalizePhone(value: string): string | null {
  const compact = value.replace(/[\s().-]/g, '').replace(/^00/, '+');
  if (/^\d{9}$/.test(compact)) return formatCzech(compact);
  if (/^\+420\d{9}$/.test(compact)) return formatCzech(compact.slice(4));
  if (/^\+\d{7,15}$/.test(compact)) return compact;
  return null;
}

function formatCzech(nine: string): string {
  return `+420 ${nine.slice(0, 3)} ${nine.slice(3, 6)} ${nine.slice(6)}`;
}
