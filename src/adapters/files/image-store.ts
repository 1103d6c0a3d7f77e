/**
 * Product images under DATA_DIR/uploads/products (a directory every app server mounts): the bytes are checked by
 * their content with sharp, then stored as WebP in a few widths plus the original format without its metadata.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { loadSharp } from '../images/sharp-lazy.js';
import type { ImageStore } from '../../services/catalog/ports.js';

export const IMAGE_WIDTHS = [320, 640, 1280] as const;
const FORMATS = new Set(['jpeg', 'png', 'webp']);
const MAX_PIXELS = 40_000_000; // refuses decompression bombs before decoding
const ORIGINAL_MAX = 2400;
const TYPES: Record<string, string> = { webp: 'image/webp', jpeg: 'image/jpeg', png: 'image/png' };
const NAME = /^([a-f0-9]{24})(?:-(\d{3,4}))?\.(webp|jpeg|png)$/;

export function fileImageStore(dataDir: string): ImageStore {
  const dir = path.join(dataDir, 'uploads', 'products');
  fs.mkdirSync(dir, { recursive: true });
  return {
    widths: IMAGE_WIDTHS,
    async store(bytes) {
      const sharp = await loadSharp();
      let meta: Awaited<ReturnType<ReturnType<typeof sharp>['metadata']>>;
      try {
        meta = await sharp(bytes, { limitInputPixels: MAX_PIXELS }).metadata();
      } catch {
        return null;
      }
      if (!meta.format || !FORMATS.has(meta.format) || !meta.width || !meta.height) return null;
      const key = randomBytes(12).toString('hex');
      const image = () => sharp(bytes, { limitInputPixels: MAX_PIXELS }).rotate(); // honours EXIF orientation; metadata is dropped
      try {
        await Promise.all([
          ...IMAGE_WIDTHS.map((w) => image().resize({ width: w, withoutEnlargement: true }).webp({ quality: 80 }).toFile(path.join(dir, `${key}-${w}.webp`))),
          image().resize({ width: ORIGINAL_MAX, height: ORIGINAL_MAX, fit: 'inside', withoutEnlargement: true }).toFormat(meta.format as 'jpeg').toFile(path.join(dir, `${key}.${meta.format}`)),
        ]);
      } catch {
        await this.remove(key, meta.format);
        return null; // truncated or corrupt data that passed the header check
      }
      const oriented = (meta.orientation ?? 1) >= 5;
      return { key, width: oriented ? meta.height : meta.width, height: oriented ? meta.width : meta.height, format: meta.format };
    },
    async remove(key, format) {
      const names = [...IMAGE_WIDTHS.map((w) => `${key}-${w}.webp`), `${key}.${format}`];
      await Promise.all(names.map((n) => fs.promises.rm(path.join(dir, n), { force: true })));
    },
    async open(name) {
      const match = NAME.exec(name);
      if (!match) return null;
      const file = path.join(dir, name);
      try {
        const stat = await fs.promises.stat(file);
        return { stream: fs.createReadStream(file), type: TYPES[match[3]!]!, size: stat.size };
      } catch {
        return null;
      }
    },
    async placeholder(label, hue) {
      const text = label.replace(/[<>&"']/g, '');
      const initials = text.split(/\s+/).slice(0, 2).map((w) => w[0] ?? '').join('').toUpperCase();
      const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="800">
        <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">
          <stop offset="0" stop-color="hsl(${hue},45%,88%)"/><stop offset="1" stop-color="hsl(${(hue + 30) % 360},50%,70%)"/></linearGradient></defs>
        <rect width="800" height="800" fill="url(#g)"/>
        <circle cx="400" cy="350" r="200" fill="hsl(${hue},40%,45%)" opacity="0.85"/>
        <text x="400" y="420" font-family="DejaVu Sans" font-size="190" font-weight="bold" fill="#fff" text-anchor="middle">${initials}</text>
        <text x="400" y="680" font-family="DejaVu Sans" font-size="44" fill="hsl(${hue},40%,20%)" text-anchor="middle">${text.slice(0, 28)}</text>
      </svg>`;
      return (await loadSharp())(Buffer.from(svg)).png().toBuffer();
    },
  };
}
