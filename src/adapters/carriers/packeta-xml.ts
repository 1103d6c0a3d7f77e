/** Packeta's REST/XML bodies: a request is `<method><apiPassword/>…</method>`, an answer `<response><status/>…</response>`. */
import { XMLBuilder, XMLParser } from 'fast-xml-parser';

type XmlValue = string | number | XmlObject | XmlValue[] | undefined;
export type XmlObject = { [key: string]: XmlValue };

const builder = new XMLBuilder({});
// Every value stays text (a packet id must not become a float); lists are lists even with one element.
const parser = new XMLParser({
  parseTagValue: false,
  ignoreAttributes: true,
  ignoreDeclaration: true,
  isArray: (_name, jpath) => /(^|\.)detail\.attributes\.fault$/.test(String(jpath)) || /\.packetIds\.id$/.test(String(jpath)),
});

export const xmlDocument = (root: string, body: XmlObject) => `<?xml version="1.0" encoding="utf-8"?>${builder.build({ [root]: body }) as string}`;

/** Parses a body; null when it is not well-formed XML. */
export function parseXml(text: string): XmlObject | null {
  try {
    const parsed = parser.parse(text, true) as XmlObject;
    return parsed && typeof parsed === 'object' ? parsed : null;
  } catch {
    return null;
  }
}

export const text = (value: XmlValue): string => (typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '');
export const child = (value: XmlValue, key: string): XmlValue => (value && typeof value === 'object' && !Array.isArray(value) ? value[key] : undefined);

/** A decimal amount of whole currency units as Packeta writes it, from minor units: 123450 → "1234.50". */
export const decimal = (minor: number) => `${Math.trunc(minor / 100)}.${String(Math.abs(minor) % 100).padStart(2, '0')}`;
/** Grams as Packeta's kilograms: 750 → "0.75". */
export const kilograms = (grams: number) => String(Math.round(grams) / 1000);
