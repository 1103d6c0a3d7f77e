/** Texts owners write (product and category descriptions, content pages): Markdown rendered and sanitised by an allow-list. */
import { marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

export const DESCRIPTION_MAX = 20_000;

const ALLOWED: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'strong', 'b', 'em', 'i', 'u', 's', 'ul', 'ol', 'li', 'h2', 'h3', 'h4', 'blockquote', 'a', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'hr', 'code', 'pre'],
  allowedAttributes: { a: ['href', 'title'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
  transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'nofollow noopener' }) },
  disallowedTagsMode: 'discard',
};
ALLOWED.allowedAttributes = { a: ['href', 'title', 'rel'] };

/** Markdown → safe HTML: scripts, event handlers, styles, iframes and javascript: links never survive. */
export function renderMarkdown(markdown: string): string {
  const html = marked.parse(markdown, { async: false, gfm: true, breaks: true });
  return sanitizeHtml(html, ALLOWED).trim();
}

const ENTITIES: Record<string, string> = { '&nbsp;': ' ', '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

/**
 * HTML that `renderMarkdown` produced, as plain text (meta descriptions, search). A regular expression is enough
 * here because the input is already sanitized, and it runs on every uncached product page.
 */
export function htmlToText(html: string): string {
  return html
    // Inline elements sit inside words and sentences ("z **Japonska**."); block elements and breaks separate them.
    .replace(/<\/?(strong|em|b|i|a|code|span|s|del)\b[^>]*>/gi, '')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(nbsp|amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity] ?? entity)
    .replace(/\s+/g, ' ')
    .trim();
}

/** A meta description: the first sentence-ish 160 characters of the text. */
export function metaDescription(text: string): string {
  if (text.length <= 160) return text;
  const cut = text.slice(0, 157);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 100))}…`;
}
