/** Adds an uploaded image to a product (checked by content and size) and removes one with its files. */
import { DomainError } from '../../domain/errors.js';
import type { Clock } from '../ports.js';
import type { ImageStore, ProductImage, ProductRepo } from './ports.js';

export type ImageDeps = { products: ProductRepo; images: ImageStore; clock: Clock; catalogOptions: { maxImageBytes: number } };

export const MAX_IMAGES_PER_PRODUCT = 20;

export async function addProductImage(deps: ImageDeps, productId: number, upload: { bytes: Buffer; alt?: string } | { tooLarge: true }): Promise<ProductImage> {
  const product = await deps.products.findById(productId);
  if (!product) throw new DomainError('not_found');
  if ('tooLarge' in upload || upload.bytes.length > deps.catalogOptions.maxImageBytes) throw new DomainError('validation', 'image too large', { image: 'image_over_limit' });
  if (upload.bytes.length === 0) throw new DomainError('validation', 'no image', { image: 'image_required' });
  if (product.images.length >= MAX_IMAGES_PER_PRODUCT) throw new DomainError('validation', 'too many images', { image: 'images_too_many' });
  const stored = await deps.images.store(upload.bytes);
  if (!stored) throw new DomainError('validation', 'not an image', { image: 'image_not_image' });
  return deps.products.addImage(productId, { ...stored, alt: (upload.alt ?? '').trim().slice(0, 200) }, deps.clock.now());
}

export async function removeProductImage(deps: ImageDeps, productId: number, imageId: number): Promise<void> {
  const removed = await deps.products.removeImage(productId, imageId);
  if (!removed) throw new DomainError('not_found');
  await deps.images.remove(removed.key, removed.format);
}
