/** Product and category descriptions: Markdown (with a little HTML allowed) rendered and sanitised by an allow-list. */
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
export function renderDescription(markdown: string): string {
  const html = marked.parse(markdown, { async: false, gfm: true, breaks: true });
  return sanitizeHtml(html, ALLOWED).trim();
}

/** The description as plain text, for meta descriptions and search. */
export function descriptionText(html: string): string {
  return sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} })
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

/** A meta description: the first sentence-ish 160 characters of the text. */
export function metaDescription(text: string): string {
  if (text.length <= 160) return text;
  const cut = text.slice(0, 157);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 100))}…`;
}
