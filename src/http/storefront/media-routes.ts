/** Product images from the shared uploads directory: immutable names (a random key per upload), so cached for a year. */
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services/services.js';
import type { ProductImage } from '../../services/catalog/ports.js';

export const MEDIA_PATH = '/media/zbozi';

export const thumbUrl = (image: Pick<ProductImage, 'key'>, width: number) => `${MEDIA_PATH}/${image.key}-${width}.webp`;

export const originalUrl = (image: Pick<ProductImage, 'key' | 'format'>) => `${MEDIA_PATH}/${image.key}.${image.format}`;

/** `srcset` over the stored widths, never wider than the upload itself. */
export function srcSet(image: Pick<ProductImage, 'key' | 'width'>, widths: readonly number[]): string {
  const usable = widths.filter((w, i) => i === 0 || w <= image.width);
  return usable.map((w) => `${thumbUrl(image, w)} ${Math.min(w, image.width)}w`).join(', ');
}

export function registerMediaRoutes(app: FastifyInstance, services: Services) {
  app.get<{ Params: { name: string } }>(`${MEDIA_PATH}/:name`, async (request, reply) => {
    const file = await services.openImage(request.params.name);
    if (!file) return reply.callNotFound();
    return reply.header('cache-control', 'public, max-age=31536000, immutable').header('content-length', file.size).type(file.type).send(file.stream);
  });
}
