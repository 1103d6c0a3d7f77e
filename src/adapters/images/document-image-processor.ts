/** Logo and stamp uploads with sharp: the content decides (JPEG, PNG or WebP), stored as PNG that PDFs can embed. */
import { loadSharp } from './sharp-lazy.js';
import type { DocumentImageProcessor } from '../../services/settings/ports.js';

const ACCEPTED = new Set(['jpeg', 'png', 'webp']);
const MAX_WIDTH = 1200;

export function sharpDocumentImages(): DocumentImageProcessor {
  return {
    async normalize(bytes) {
      const sharp = await loadSharp();
      try {
        const image = sharp(bytes, { limitInputPixels: 40_000_000 });
        const meta = await image.metadata();
        if (!meta.format || !ACCEPTED.has(meta.format)) return null;
        const { data, info } = await image.rotate().resize({ width: MAX_WIDTH, withoutEnlargement: true }).png().toBuffer({ resolveWithObject: true });
        return { png: data, width: info.width, height: info.height };
      } catch {
        return null; // not an image sharp can read
      }
    },
  };
}
