/**
 * QR codes as PNG images for email (mail clients show an inline PNG, not SVG), and the attachment source that makes
 * them: a `qr_png` descriptor is drawn here, every other kind goes to the source it wraps (the order PDF).
 */
import type { AttachmentSource } from '../../services/ports.js';
import { qrMatrix } from './qr-code.js';

/** Black modules on white, `scale` pixels each, with a quiet zone of `margin` modules (QR Platba asks for 4). */
export async function qrPng(text: string, options: { scale?: number; margin?: number } = {}): Promise<Buffer> {
  const scale = options.scale ?? 6;
  const margin = options.margin ?? 4;
  const qr = qrMatrix(text);
  const side = (qr.size + 2 * margin) * scale;
  const pixels = Buffer.alloc(side * side, 0xff);
  for (let row = 0; row < qr.size; row++) {
    for (let col = 0; col < qr.size; col++) {
      if (!qr.dark(row, col)) continue;
      for (let y = 0; y < scale; y++) pixels.fill(0, ((row + margin) * scale + y) * side + (col + margin) * scale, ((row + margin) * scale + y) * side + (col + margin + 1) * scale);
    }
  }
  // pngjs, not sharp: a pure-JS encoder costs the worker little to load, where libvips adds ~50 MB to the process;
  // loaded with the first code drawn, as the rest of the email's attachments are.
  const { PNG } = await import('pngjs');
  const png = new PNG({ width: side, height: side, colorType: 0, inputColorType: 0, inputHasAlpha: false });
  png.data = pixels;
  // Filter "Up" on every row: a module's rows repeat, so they filter to zeros and compress to nothing; pngjs's default
  // tries all five filters per row, which made this 2.5× slower for a slightly larger file.
  return PNG.sync.write(png, { colorType: 0, inputColorType: 0, inputHasAlpha: false, filterType: 2 });
}

export function withQrImages(source: AttachmentSource): AttachmentSource {
  return {
    async render(descriptor) {
      if (descriptor.kind !== 'qr_png') return source.render(descriptor);
      return { filename: descriptor.filename, contentType: 'image/png', content: await qrPng(descriptor.text), cid: descriptor.cid };
    },
  };
}
