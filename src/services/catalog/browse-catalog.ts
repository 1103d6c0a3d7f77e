/** What the storefront shows: the menu, category pages with sub-categories, product pages, search, the sitemap. */
import { pathTo, subtreeIds } from '../../domain/catalog/category-rules.js';
import type { Category, CategoryRepo, Product, ProductRepo, ProductSummary, StoreProductQuery, StoreSort } from './ports.js';
import type { ReadCache } from './read-cache.js';

export type BrowseDeps = { categories: CategoryRepo; products: ProductRepo; cache: ReadCache };

export const STORE_PAGE_SIZE = 24;
export const STORE_SORTS: readonly StoreSort[] = ['newest', 'price', 'price_desc', 'name'];

/** Visible categories whose ancestors are all visible too; the rest of the tree is not public. */
export function publicCategories(deps: BrowseDeps): Promise<Category[]> {
  return deps.cache.get('public-categories', async () => {
    const all = await deps.categories.all();
    const byId = new Map(all.map((c) => [c.id, c]));
    const isPublic = (c: Category): boolean => c.visible && (c.parentId === null || (byId.has(c.parentId) && isPublic(byId.get(c.parentId)!)));
    return all.filter(isPublic);
  });
}

export async function menuCategories(deps: BrowseDeps): Promise<Category[]> {
  return (await publicCategories(deps)).filter((c) => c.parentId === null);
}

export type CategoryPage = { category: Category; path: Category[]; children: Category[]; items: ProductSummary[]; total: number; page: number; pages: number };

export async function categoryPage(deps: BrowseDeps, slug: string, options: { page: number; sort: StoreSort; inStock: boolean }): Promise<CategoryPage | null> {
  const categories = await publicCategories(deps);
  const category = categories.find((c) => c.slug === slug);
  if (!category) return null;
  const { items, total } = await deps.products.storeList({
    categoryIds: subtreeIds(categories, category.id),
    inStock: options.inStock || undefined,
    sort: options.sort,
    page: options.page,
    limit: STORE_PAGE_SIZE,
  });
  return {
    category,
    path: pathTo(categories, category.id),
    children: categories.filter((c) => c.parentId === category.id),
    items,
    total,
    page: options.page,
    pages: Math.max(1, Math.ceil(total / STORE_PAGE_SIZE)),
  };
}

export type ProductView = { product: Product; path: Category[] };

export async function productPage(deps: BrowseDeps, slug: string): Promise<ProductView | null> {
  const product = await deps.products.findBySlug(slug);
  if (!product || !product.active) return null;
  const categories = await publicCategories(deps);
  const main = product.categoryIds.map((id) => categories.find((c) => c.id === id)).find((c) => c);
  return { product, path: main ? pathTo(categories, main.id) : [] };
}

export type SearchOptions = { page: number; limit?: number; categorySlug?: string; sort?: StoreSort };

async function storeQuery(deps: BrowseDeps, q: string, options: SearchOptions): Promise<StoreProductQuery> {
  let categoryIds: number[] | undefined;
  if (options.categorySlug) {
    const categories = await publicCategories(deps);
    const category = categories.find((c) => c.slug === options.categorySlug);
    categoryIds = category ? subtreeIds(categories, category.id) : [];
  }
  return { q: q || undefined, categoryIds, sort: options.sort ?? (q ? 'relevance' : 'newest'), page: options.page, limit: options.limit ?? STORE_PAGE_SIZE };
}

const paged = <T,>(query: StoreProductQuery, { items, total }: { items: T[]; total: number }) => ({ items, total, page: query.page, pages: Math.max(1, Math.ceil(total / query.limit)) });

export async function searchStore(deps: BrowseDeps, q: string, options: SearchOptions) {
  const query = await storeQuery(deps, q, options);
  return paged(query, await deps.products.storeList(query));
}

/** The same search answering whole products (the Store API's list). */
export async function searchStoreProducts(deps: BrowseDeps, q: string, options: SearchOptions) {
  const query = await storeQuery(deps, q, options);
  return paged(query, await deps.products.storeListProducts(query));
}

export async function homePage(deps: BrowseDeps) {
  return deps.cache.get('home', async () => {
    const [categories, newest] = await Promise.all([menuCategories(deps), deps.products.storeList({ sort: 'newest', page: 1, limit: 8 })]);
    return { categories, newest: newest.items };
  });
}

export async function sitemapEntries(deps: BrowseDeps) {
  const [categories, products] = await Promise.all([publicCategories(deps), deps.products.publicSlugs()]);
  return { categories: categories.map((c) => ({ slug: c.slug, updatedAt: c.updatedAt })), products };
}
