/** Turns a Preact tree into an HTML document; Preact escapes every text and attribute value. */
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';

export function renderDocument(page: VNode): string {
  return `<!doctype html>${renderToString(page)}`;
}
