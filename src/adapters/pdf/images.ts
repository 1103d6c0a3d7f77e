/**
 * Logo and stamp prepared once for pdfkit: a PNG with transparency makes pdfkit decode every pixel for every
 * document; flattened onto white paper (where it is printed anyway) it is embedded as it is.
 */
import { createHash } from 'node:crypto';
import sharp from 'sharp';

const prepared = new Map<string, Promise<Buffer>>();
const MAX_CACHED = 32;

export function printableImage(bytes: Buffer): Promise<Buffer> {
  const key = createHash('sha1').update(bytes).digest('hex');
  let image = prepared.get(key);
  if (!image) {
    image = sharp(bytes).flatten({ background: '#ffffff' }).png({ compressionLevel: 6, progressive: false }).toBuffer();
    image.catch(() => prepared.delete(key));
    if (prepared.size >= MAX_CACHED) prepared.delete(prepared.keys().next().value!);
    prepared.set(key, image);
  }
  return image;
}
