/** The catalogue's use cases bound to their ports; every change drops the storefront's read cache. */
import type { CategoryInput } from '../../domain/catalog/category-rules.js';
import type { ProductInput } from '../../domain/catalog/product-rules.js';
import type { Clock } from '../ports.js';
import { createCategory } from './create-category.js';
import { updateCategory } from './update-category.js';
import { moveCategory, type CategoryMove } from './move-category.js';
import { deleteCategory } from './delete-category.js';
import { saveProduct } from './save-product.js';
import { patchProduct, type ProductPatch } from './patch-product.js';
import { deleteProduct } from './delete-product.js';
import { addProductImage, removeProductImage } from './product-images.js';
import { importProductsCsv } from './import-products-csv.js';
import { exportProductsCsv } from './export-products-csv.js';
import { seedDemo } from './seed-demo.js';
import { categoryPage, homePage, menuCategories, productPage, publicCategories, searchStore, searchStoreProducts, sitemapEntries, type SearchOptions } from './browse-catalog.js';
import { readCache } from './read-cache.js';
import type { AdminProductQuery, CatalogPorts, StoreSort } from './ports.js';

export type { CatalogPorts } from './ports.js';

/** How long another app server's catalogue change may take to show in this one's storefront. */
const READ_CACHE_MS = 2000;

export function catalogServices(ports: CatalogPorts & { clock: Clock }) {
  const cache = readCache(READ_CACHE_MS);
  const browse = { ...ports, cache };
  // Wraps a use case that changes the catalogue so the cache never outlives the change in this process.
  const changing =
    <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      try {
        return await fn(...args);
      } finally {
        cache.invalidate();
      }
    };
  return {
    listCategories: () => ports.categories.all(),
    findCategory: (id: number) => ports.categories.findById(id),
    categoryProductCount: (id: number) => ports.categories.productCount([id]),
    categoryProductCounts: () => ports.categories.productCounts(),
    createCategory: changing((input: CategoryInput) => createCategory(ports, input)),
    updateCategory: changing((id: number, patch: Partial<CategoryInput>) => updateCategory(ports, id, patch)),
    moveCategory: changing((id: number, move: CategoryMove) => moveCategory(ports, id, move)),
    deleteCategory: changing((id: number, options: { moveTo?: number | null } = {}) => deleteCategory(ports, id, options)),

    listProducts: (query: AdminProductQuery) => ports.products.adminList(query),
    findProduct: (id: number) => ports.products.findById(id),
    createProduct: changing((input: ProductInput) => saveProduct(ports, input)),
    replaceProduct: changing((id: number, input: ProductInput) => saveProduct(ports, input, id)),
    patchProduct: changing((id: number, patch: ProductPatch) => patchProduct(ports, id, patch)),
    deleteProduct: changing((id: number) => deleteProduct(ports, id)),
    addProductImage: changing((productId: number, upload: Parameters<typeof addProductImage>[2]) => addProductImage(ports, productId, upload)),
    removeProductImage: changing((productId: number, imageId: number) => removeProductImage(ports, productId, imageId)),
    importProductsCsv: changing((file: string | Buffer) => importProductsCsv(ports, file)),
    exportProductsCsv: () => exportProductsCsv(ports),
    seedDemo: changing(() => seedDemo(ports)),
    catalogIsEmpty: async () => (await ports.products.count()) === 0 && (await ports.categories.all()).length === 0,
    vatRates: () => ports.catalogOptions.vatRates,
    imageWidths: () => ports.images.widths,
    openImage: (name: string) => ports.images.open(name),

    storeMenu: () => menuCategories(browse),
    storeHome: () => homePage(browse),
    storeCategory: (slug: string, options: { page: number; sort: StoreSort; inStock: boolean }) => categoryPage(browse, slug, options),
    storeProduct: (slug: string) => productPage(browse, slug),
    storeProductRevision: (slug: string) => ports.products.pageRevision(slug),
    /** The public category tree (a new array when it is read again), which product pages' breadcrumbs come from. */
    storeCategories: () => publicCategories(browse),
    storeSearch: (q: string, options: SearchOptions) => searchStore(browse, q, options),
    storeSearchProducts: (q: string, options: SearchOptions) => searchStoreProducts(browse, q, options),
    storeSitemap: () => sitemapEntries(browse),
    /** Changes with every catalogue change in this process; page caches key on it. */
    catalogRevision: () => cache.revision,
    shopUrl: () => ports.publicUrl,
  };
}
