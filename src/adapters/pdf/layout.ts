/** The page grid of the order document and small drawing helpers; pages are broken by hand, so layout is predictable. */
import type { DocumentLocale, OrderDocument } from '../../domain/documents/order-document.js';
import { FONT } from './fonts.js';
import { fill, LABELS, type Labels } from './labels.js';

export const PAGE = { width: 595.28, height: 841.89 } as const;
export const LEFT = 40;
export const RIGHT = PAGE.width - 40;
export const WIDTH = RIGHT - LEFT;
export const TOP = 40;
/** Content stops here; below are the footer and the page number. */
export const BOTTOM = PAGE.height - 62;
export const COLOR = { text: '#1f2328', muted: '#5c636e', line: '#c9cdd3', fill: '#eef0f3' } as const;

type Pdf = PDFKit.PDFDocument;
/** What the page frame needs of a document (the order document, an invoice): its language, number and footer. */
export type PageDocument = { locale: DocumentLocale; number: string; footer: string };
export type TextStyle = { bold?: boolean; size?: number; color?: string };

export class Layout<D extends PageDocument = OrderDocument> {
  y = TOP;
  readonly t: Labels;
  /** The document's name at the top of a continued page. */
  title: string;
  /** Called after a page break, e.g. to repeat a table header. */
  onNewPage: (() => void) | null = null;

  constructor(readonly pdf: Pdf, readonly doc: D) {
    this.t = LABELS[doc.locale];
    this.title = this.t.title;
  }

  style({ bold = false, size = 9, color = COLOR.text }: TextStyle = {}): Pdf {
    return this.pdf.font(bold ? FONT.bold : FONT.regular).fontSize(size).fillColor(color);
  }

  /** One line of text, never wrapped; `align: 'right'` ends it at x + width. */
  line(text: string, x: number, y: number, options: TextStyle & { width?: number; align?: 'left' | 'right' } = {}): void {
    const pdf = this.style(options);
    const dx = options.align === 'right' && options.width ? options.width - pdf.widthOfString(text) : 0;
    pdf.text(text, x + dx, y, { lineBreak: false });
  }

  /** Wrapped text within `width`; returns its height. */
  paragraph(text: string, x: number, y: number, width: number, options: TextStyle = {}): number {
    const pdf = this.style(options);
    pdf.text(text, x, y, { width, lineGap: 1 });
    return pdf.y - y;
  }

  heightOf(text: string, width: number, options: TextStyle = {}): number {
    return this.style(options).heightOfString(text, { width, lineGap: 1 });
  }

  rule(y: number, color: string = COLOR.line, x1 = LEFT, x2 = RIGHT): void {
    this.pdf.moveTo(x1, y).lineTo(x2, y).lineWidth(0.6).strokeColor(color).stroke();
  }

  /** Moves to a new page when `height` does not fit on this one. */
  ensure(height: number): void {
    if (this.y + height > BOTTOM) this.newPage();
  }

  newPage(): void {
    this.pdf.addPage();
    this.y = TOP;
    this.line(`${this.title} ${this.doc.number} (${this.t.continued})`, LEFT, this.y, { size: 8, color: COLOR.muted });
    this.y += 14;
    this.rule(this.y);
    this.y += 8;
    this.onNewPage?.();
  }

  /** The footer text and `Strana 1 z 2` on every page, written once all pages exist. */
  finishPages(): void {
    const range = this.pdf.bufferedPageRange();
    for (let i = 0; i < range.count; i++) {
      this.pdf.switchToPage(range.start + i);
      const y = PAGE.height - 48;
      this.rule(y - 6);
      if (this.doc.footer) {
        this.style({ size: 7, color: COLOR.muted }).text(this.doc.footer, LEFT, y, { width: WIDTH - 110, height: 24, lineGap: 0.5, ellipsis: true });
      }
      this.line(fill(this.t.page, { page: i + 1, pages: range.count }), RIGHT - 100, y, { size: 8, color: COLOR.muted, width: 100, align: 'right' });
    }
  }
}
