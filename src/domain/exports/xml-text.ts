/** XML text done by hand for big streams: escaping of text and attributes, dropping characters XML 1.0 cannot carry. */

// Characters outside XML 1.0's Char production: C0 controls but tab/LF/CR, lone surrogates, U+FFFE/U+FFFF.
// They cannot be escaped (`&#1;` is not allowed either), so they are removed.
// eslint-disable-next-line no-control-regex -- these control characters are exactly what must go
const INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// eslint-disable-next-line no-control-regex -- as above
const NEEDS_WORK = /[&<>"'\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF\r]/;
// eslint-disable-next-line no-control-regex -- as above, plus tab and newline (references in attributes)
const ATTRIBUTE_NEEDS_WORK = /[&<>"'\u0000-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\r': '&#13;' };

/** Text content or an attribute value, escaped (quotes too, so one function serves both); CR kept as a reference so it survives parsing. */
export function escapeXml(value: string): string {
  if (!NEEDS_WORK.test(value)) return value;
  return value.replace(INVALID, '').replace(/[&<>"'\r]/g, (c) => ENTITIES[c]!);
}

/** An attribute value: also tab and newline as references, since parsers turn them into spaces in attributes. */
export function escapeAttribute(value: string): string {
  // Most values (numbers, codes, instants) need nothing: one test instead of three replacements.
  if (!ATTRIBUTE_NEEDS_WORK.test(value)) return value;
  return escapeXml(value).replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}

/** `<name>text</name>`, or nothing when the value is null/empty (optional elements are left out rather than sent empty). */
export function textElement(name: string, value: string | number | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

/** `<name>text</name>` even when the text is empty. */
export function requiredElement(name: string, value: string | number): string {
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

export function attributes(attrs: Record<string, string | number | null | undefined>): string {
  let out = '';
  // for…in rather than Object.entries: no pair arrays per attribute, which adds up over millions of elements.
  for (const key in attrs) {
    const value = attrs[key];
    if (value === null || value === undefined) continue;
    out += typeof value === 'number' ? ` ${key}="${value}"` : ` ${key}="${escapeAttribute(value)}"`;
  }
  return out;
}

/** Whether a name is a valid XML name (ASCII subset: what owners type in a layout). */
export const isXmlName = (name: string): boolean => /^[A-Za-z_][A-Za-z0-9._-]*(:[A-Za-z_][A-Za-z0-9._-]*)?$/.test(name);
