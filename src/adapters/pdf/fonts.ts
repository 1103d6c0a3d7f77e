/**
 * DejaVu Sans (TTF from the dejavu-fonts-ttf npm package), parsed once per process and shared by every document,
 * with the per-document work pdfkit would repeat (shaping words, decoding and subsetting glyphs) done once.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { deflateSync } from 'node:zlib';

const require = createRequire(import.meta.url);

type Glyph = { _decode(): unknown; kramekDecoded?: true };
type Subset = { glyphs: number[]; encode(): Uint8Array };
type FontkitFont = { postscriptName: string; createSubset(): Subset; getGlyph(id: number, codePoints?: number[]): Glyph | null };
type Fontkit = { create(buffer: Uint8Array): FontkitFont };
/** What pdfkit keeps per document for a font (its EmbeddedFont): we share the caches that do not depend on the document. */
type PdfkitFont = { layoutCache?: Record<string, unknown>; encode?(text: string): unknown; embed?(): unknown };
/** A pdfkit object (PDFReference): a stream is written by `end(chunk)` and deflated when `compress` is set. */
type PdfkitRef = { compress: boolean; data: Record<string, unknown>; write(chunk: Uint8Array): void; end(chunk?: unknown): void; finalize(): void };
type PdfkitDocument = { ref(data?: object): PdfkitRef };

export const FONT = { regular: 'DejaVuSans', bold: 'DejaVuSans-Bold' } as const;
type FontKey = keyof typeof FONT;

/**
 * Every document starts its font subsets with these characters, in this order, so most documents embed the very
 * same subset and its encoding is reused (the few other characters a name may bring are appended).
 */
const PRIMER = [
  ...Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)),
  ...'áčďéěíňóřšťúůýžÁČĎÉĚÍŇÓŘŠŤÚŮÝŽäöüßÄÖÜĺľŕôÔĹĽŔ',
  ...'\u00A0\u202F–—„“”‚‘’…•€×°§½',
].join('');

function decodedGlyphCache(font: FontkitFont): void {
  const getGlyph = font.getGlyph.bind(font);
  font.getGlyph = (id, codePoints) => {
    const glyph = getGlyph(id, codePoints);
    if (glyph && !glyph.kramekDecoded) {
      const decode = glyph._decode.bind(glyph);
      let decoded: { value: unknown } | null = null;
      glyph._decode = () => (decoded ??= { value: decode() }).value; // outlines are read-only
      glyph.kramekDecoded = true;
    }
    return glyph;
  };
}

function subsetEncodingCache(font: FontkitFont): void {
  const encoded = new Map<string, Uint8Array>();
  const createSubset = font.createSubset.bind(font);
  font.createSubset = () => {
    const subset = createSubset();
    const encode = subset.encode.bind(subset);
    subset.encode = () => {
      const key = subset.glyphs.join(',');
      let bytes = encoded.get(key);
      if (!bytes) {
        bytes = encode();
        if (encoded.size > 200) encoded.clear();
        encoded.set(key, bytes);
      }
      return bytes;
    };
    return subset;
  };
}

type Loaded = { font: FontkitFont; layoutCache: Record<string, unknown> };

/** Distinct words kept shaped per font; every order brings a few of its own (number, email, street), so the cache is bounded. */
const LAYOUT_CACHE_WORDS = 20_000;

/**
 * pdfkit reads and writes its word cache as a plain object (`cache[word]`); this one is backed by a Map that starts
 * over when full, so a long-running worker's memory stays flat however many orders it renders.
 */
function boundedLayoutCache(): Record<string, unknown> {
  const words = new Map<string, unknown>();
  return new Proxy(Object.create(null) as Record<string, unknown>, {
    get: (_, word) => (typeof word === 'string' ? words.get(word) : undefined),
    set: (_, word, run) => {
      if (typeof word !== 'string') return false;
      if (words.size >= LAYOUT_CACHE_WORDS) words.clear();
      words.set(word, run);
      return true;
    },
  });
}
let loaded: Record<FontKey, Loaded> | null = null;

function load(): Record<FontKey, Loaded> {
  if (!loaded) {
    // fontkit is pdfkit's own dependency, loaded from beside pdfkit so the two always match.
    const fontkit = createRequire(require.resolve('pdfkit'))('fontkit') as Fontkit;
    const open = (file: string): Loaded => {
      const font = fontkit.create(readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${file}.ttf`)));
      decodedGlyphCache(font);
      subsetEncodingCache(font);
      return { font, layoutCache: boundedLayoutCache() };
    };
    loaded = { regular: open(FONT.regular), bold: open(FONT.bold) };
  }
  return loaded;
}

/**
 * The streams a font embeds — the subset font program and its ToUnicode map — are the same bytes in most documents (the
 * primer above), and deflating them is most of a document's compression work: they are deflated once and kept, keyed
 * by the encoded subset (the very Uint8Array the encoding cache hands out) or by the map's text. The output is the
 * same bytes pdfkit would write (zlib.deflateSync with its defaults, of the same input).
 */
const deflatedPrograms = new WeakMap<Uint8Array, Buffer>();
const deflatedMaps = new Map<string, Buffer>();

function deflatedStream(chunk: unknown): Buffer | null {
  if (chunk instanceof Uint8Array) {
    let bytes = deflatedPrograms.get(chunk);
    if (!bytes) deflatedPrograms.set(chunk, (bytes = deflateSync(chunk)));
    return bytes;
  }
  if (typeof chunk !== 'string') return null;
  let bytes = deflatedMaps.get(chunk);
  if (!bytes) {
    bytes = deflateSync(Buffer.from(`${chunk}\n`, 'latin1')); // pdfkit writes a string chunk with a line break
    if (deflatedMaps.size > 200) deflatedMaps.clear();
    deflatedMaps.set(chunk, bytes);
  }
  return bytes;
}

/** While `font` embeds itself, every stream it ends is written already deflated (from the cache above). */
function embedWithDeflatedStreams(pdf: PdfkitDocument, font: PdfkitFont): void {
  const embed = font.embed?.bind(font);
  if (!embed) return;
  font.embed = () => {
    const ref = pdf.ref;
    pdf.ref = (data) => {
      const object = ref.call(pdf, data);
      const end = object.end.bind(object);
      object.end = (chunk) => {
        const deflated = object.compress ? deflatedStream(chunk) : null;
        if (!deflated) return end(chunk);
        object.compress = false;
        object.write(deflated);
        object.data.Filter = 'FlateDecode'; // after Length, as pdfkit orders them
        object.finalize();
      };
      return object;
    };
    try {
      return embed();
    } finally {
      pdf.ref = ref;
    }
  };
}

/** The parsed fonts, for `new PDFDocument({ font })` and `registerFont` (pdfkit accepts a fontkit font). */
export function documentFonts(): Record<FontKey, FontkitFont> {
  const fonts = load();
  return { regular: fonts.regular.font, bold: fonts.bold.font };
}

/**
 * Registers both fonts on a document, gives them the process-wide cache of shaped words (pdfkit stores runs already
 * scaled to its 1000-unit em and never changes them) and primes their subsets. `currentFont` reads pdfkit's font in use.
 */
export function useDocumentFonts(pdf: PDFKit.PDFDocument, currentFont: () => PdfkitFont | undefined): void {
  const fonts = load();
  for (const key of ['bold', 'regular'] as const) {
    pdf.registerFont(FONT[key], fonts[key].font as never);
    pdf.font(FONT[key]);
    const font = currentFont();
    if (font && font.layoutCache) font.layoutCache = fonts[key].layoutCache;
    font?.encode?.(PRIMER);
    if (font) embedWithDeflatedStreams(pdf as unknown as PdfkitDocument, font);
  }
}
