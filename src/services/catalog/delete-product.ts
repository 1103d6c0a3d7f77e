/** Deletes a product with its variants, category links and image files. */
import { DomainError } from '../../domain/errors.js';
import type { ImageStore, ProductRepo } from './ports.js';

export async function deleteProduct(deps: { products: ProductRepo; images: ImageStore }, id: number): Promise<void> {
  const product = await deps.products.findById(id);
  if (!product) throw new DomainError('not_found');
  await deps.products.delete(id);
  for (const image of product.images) await deps.images.remove(image.key, image.format);
}
