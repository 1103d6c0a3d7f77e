/** Reading generated PDFs back with poppler-utils (pdftotext, pdftoppm, pdfimages, pdfinfo), as a person's viewer would. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PNG } from 'pngjs';

function withTempPdf<T>(pdf: Buffer, work: (file: string, dir: string) => T): T {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kramek-pdf-'));
  try {
    const file = path.join(dir, 'doc.pdf');
    fs.writeFileSync(file, pdf);
    return work(file, dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The text of each page (form feed separated by pdftotext), with no-break spaces as plain spaces. */
export function pdfPages(pdf: Buffer): string[] {
  return withTempPdf(pdf, (file) => execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }))
    .replace(/[\u00A0\u202F]/g, ' ')
    .split('\f')
    .filter((page, i, all) => i < all.length - 1 || page.trim() !== '');
}

export const plain = (text: string) => text.replace(/[\u00A0\u202F]/g, ' ');

export function pdfInfo(pdf: Buffer): Record<string, string> {
  const out = withTempPdf(pdf, (file) => execFileSync('pdfinfo', ['-enc', 'UTF-8', file], { encoding: 'utf8' }));
  return Object.fromEntries(out.split('\n').filter(Boolean).map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1).trim()]));
}

export function pdfImageCount(pdf: Buffer): number {
  const out = withTempPdf(pdf, (file) => execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }));
  return out.trim().split('\n').length - 2; // two header lines
}

/** Where a word is on page 1, in points from the top left. */
export function wordBox(pdf: Buffer, word: string): { x: number; y: number; width: number; height: number } | null {
  const html = withTempPdf(pdf, (file) => execFileSync('pdftotext', ['-bbox', '-f', '1', '-l', '1', file, '-'], { encoding: 'utf8' }));
  const match = new RegExp(`<word xMin="([\\d.]+)" yMin="([\\d.]+)" xMax="([\\d.]+)" yMax="([\\d.]+)">${word}</word>`).exec(html);
  if (!match) return null;
  const [x1, y1, x2, y2] = match.slice(1).map(Number) as [number, number, number, number];
  return { x: x1, y: y1, width: x2 - x1, height: y2 - y1 };
}

/** Page `page` rendered to a PNG at `dpi` (optionally a crop, in pixels). */
export function renderPage(pdf: Buffer, options: { page?: number; dpi: number; crop?: { x: number; y: number; width: number; height: number } }): PNG {
  return withTempPdf(pdf, (file, dir) => {
    const page = String(options.page ?? 1);
    const crop = options.crop ? ['-x', String(options.crop.x), '-y', String(options.crop.y), '-W', String(options.crop.width), '-H', String(options.crop.height)] : [];
    execFileSync('pdftoppm', ['-r', String(options.dpi), '-f', page, '-l', page, '-singlefile', '-png', ...crop, file, path.join(dir, 'page')]);
    return PNG.sync.read(fs.readFileSync(path.join(dir, 'page.png')));
  });
}
