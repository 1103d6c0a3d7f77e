/** Reads an owner's XML layout (a small, strict subset of XML) into a tree, or says exactly what is wrong with it. */
import { isXmlName } from './xml-text.js';

export type Part = string | { field: string };
export type LayoutNode = { kind: 'element'; name: string; attrs: { name: string; value: Part[] }[]; children: LayoutNode[] } | { kind: 'text'; value: Part[] };
export type LayoutProblem = { code: string; detail?: string };

class LayoutError extends Error {
  constructor(readonly problem: LayoutProblem) {
    super(problem.code);
  }
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(raw: string): string {
  return raw.replace(/&([^;&\s]*);?/g, (whole, name: string) => {
    if (!whole.endsWith(';')) throw new LayoutError({ code: 'export_layout_malformed', detail: whole.slice(0, 20) });
    if (name in ENTITIES) return ENTITIES[name]!;
    const code = /^#x([0-9a-f]+)$/i.test(name) ? parseInt(name.slice(2), 16) : /^#(\d+)$/.test(name) ? Number(name.slice(1)) : NaN;
    if (!Number.isFinite(code) || code < 1 || code > 0x10ffff) throw new LayoutError({ code: 'export_layout_malformed', detail: whole });
    return String.fromCodePoint(code);
  });
}

/** `{customer.name}` placeholders become field parts; other braces are text. */
export function splitPlaceholders(text: string): Part[] {
  const parts: Part[] = [];
  let last = 0;
  for (const m of text.matchAll(/\{([A-Za-z][A-Za-z0-9.]*)\}/g)) {
    if (m.index! > last) parts.push(text.slice(last, m.index));
    parts.push({ field: m[1]! });
    last = m.index! + m[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}

/** Parses elements, attributes, text, comments and character references; no DTD, CDATA or processing instructions (but a leading XML declaration). */
export function parseLayout(source: string): LayoutNode {
  let pos = 0;
  const s = source.replace(/^\uFEFF/, '');
  const fail = (code: string, detail?: string): never => {
    throw new LayoutError({ code, detail: detail ?? `${s.slice(0, pos).split('\n').length}` });
  };
  const skipMisc = () => {
    for (;;) {
      const ws = /^\s*/.exec(s.slice(pos))![0];
      pos += ws.length;
      if (s.startsWith('<!--', pos)) {
        const end = s.indexOf('-->', pos + 4);
        if (end < 0) fail('export_layout_malformed');
        pos = end + 3;
      } else return;
    }
  };
  const readName = () => {
    const m = /^[A-Za-z_][A-Za-z0-9._:-]*/.exec(s.slice(pos));
    if (!m || !isXmlName(m[0])) return fail('export_layout_malformed');
    pos += m[0].length;
    return m[0];
  };
  const element = (): LayoutNode => {
    pos++; // '<'
    const name = readName();
    const attrs: { name: string; value: Part[] }[] = [];
    for (;;) {
      const ws = /^\s*/.exec(s.slice(pos))![0];
      pos += ws.length;
      if (s.startsWith('/>', pos)) {
        pos += 2;
        return { kind: 'element', name, attrs, children: [] };
      }
      if (s[pos] === '>') {
        pos++;
        break;
      }
      if (!ws) fail('export_layout_malformed');
      const attr = readName();
      const eq = /^\s*=\s*(["'])/.exec(s.slice(pos));
      if (!eq) fail('export_layout_malformed');
      pos += eq![0].length;
      const end = s.indexOf(eq![1]!, pos);
      if (end < 0) fail('export_layout_malformed');
      const raw = s.slice(pos, end);
      if (raw.includes('<')) fail('export_layout_malformed');
      if (attrs.some((a) => a.name === attr)) fail('export_layout_duplicate_attribute', attr);
      attrs.push({ name: attr, value: splitPlaceholders(decode(raw)) });
      pos = end + 1;
    }
    const children: LayoutNode[] = [];
    for (;;) {
      if (pos >= s.length) fail('export_layout_unclosed', name);
      if (s.startsWith('</', pos)) {
        pos += 2;
        const closing = readName();
        if (closing !== name) fail('export_layout_mismatched', `${name}/${closing}`);
        const m = /^\s*>/.exec(s.slice(pos));
        if (!m) fail('export_layout_malformed');
        pos += m![0].length;
        return { kind: 'element', name, attrs, children };
      }
      if (s.startsWith('<!--', pos)) {
        skipMisc();
        continue;
      }
      if (s.startsWith('<!', pos) || s.startsWith('<?', pos)) fail('export_layout_unsupported');
      if (s[pos] === '<') {
        children.push(element());
        continue;
      }
      const next = s.indexOf('<', pos);
      const raw = s.slice(pos, next < 0 ? s.length : next);
      pos += raw.length;
      if (raw.includes('>') && raw.includes(']]>')) fail('export_layout_malformed');
      children.push({ kind: 'text', value: splitPlaceholders(decode(raw)) });
    }
  };

  try {
    if (s.startsWith('<?xml')) {
      const end = s.indexOf('?>');
      if (end < 0) fail('export_layout_malformed');
      pos = end + 2;
    }
    skipMisc();
    if (s[pos] !== '<' || s.startsWith('<!', pos) || s.startsWith('<?', pos)) fail(pos >= s.length ? 'export_layout_empty' : 'export_layout_malformed');
    const root = element();
    skipMisc();
    if (pos < s.length) fail('export_layout_trailing');
    return root;
  } catch (error) {
    if (error instanceof LayoutError) throw error;
    throw new LayoutError({ code: 'export_layout_malformed' });
  }
}

export const isLayoutError = (e: unknown): e is LayoutError => e instanceof LayoutError;
