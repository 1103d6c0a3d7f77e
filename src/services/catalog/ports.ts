/** What the catalogue use cases need from the outside world: category and product storage, image files. */
import type { FeedCategories, ProductDraft } from '../../domain/catalog/product-rules.js';
import type { CategoryInput } from '../../domain/catalog/category-rules.js';

export type Category = {
  id: number;
  parentId: number | null;
  name: string;
  slug: string;
  description: string;
  position: number;
  visible: boolean;
  createdAt: string;
  updatedAt: string;
};

export type Variant = {
  id: number;
  sku: string;
  name: string;
  price: number;
  compareAtPrice: number | null;
  stock: number;
  weightGrams: number | null;
  position: number;
  ean: string | null;
  /** The lowest price of the 30 days before the current price was set (§ 12a); null: no earlier price known. */
  lowestPrice30d: number | null;
};

export type ProductImage = { id: number; key: string; width: number; height: number; format: string; alt: string; position: number };

export type Product = {
  id: number;
  name: string;
  slug: string;
  description: string;
  descriptionHtml: string;
  vatRate: number;
  active: boolean;
  categoryIds: number[];
  variants: Variant[];
  images: ProductImage[];
  minPrice: number;
  stockTotal: number;
  createdAt: string;
  updatedAt: string;
  manufacturer: string;
  feedCategories: FeedCategories;
};

/** A row of a product list: enough for a card or an admin table line. */
export type ProductSummary = {
  id: number;
  name: string;
  slug: string;
  active: boolean;
  vatRate: number;
  minPrice: number;
  compareAtPrice: number | null;
  /** The 30-day lowest price of the cheapest variant (shown beside a compare-at price). */
  lowestPrice30d: number | null;
  stockTotal: number;
  variantCount: number;
  image: ProductImage | null;
  createdAt: string;
};

export type AdminProductSort = 'newest' | 'name' | 'price' | 'stock';
export type AdminProductQuery = {
  q?: string;
  categoryId?: number;
  inStock?: boolean;
  active?: boolean;
  sort: AdminProductSort;
  limit: number;
  /** Opaque position from a previous page; `before` pages backwards. */
  cursor?: { after?: string; before?: string };
};
export type ProductPage = { items: ProductSummary[]; nextCursor: string | null; prevCursor: string | null };

/** `relevance`: best match first (full-text rank), only with a search query; without one it reads as `newest`. */
export type StoreSort = 'newest' | 'price' | 'price_desc' | 'name' | 'relevance';
export type StoreProductQuery = { categoryIds?: number[]; q?: string; inStock?: boolean; sort: StoreSort; page: number; limit: number };
/** A search's `total` counts at most this many matches: counting every match of a one-word query cost more than the search. */
export const SEARCH_COUNT_CAP = 1000;

export type ProductWrite = ProductDraft & { variants: (ProductDraft['variants'][number] & { id?: number })[] };

export interface CategoryRepo {
  all(): Promise<Category[]>;
  findById(id: number): Promise<Category | null>;
  slugTaken(slug: string, exceptId?: number): Promise<boolean>;
  insert(input: CategoryInput & { position: number }, at: Date): Promise<Category>;
  update(id: number, input: Partial<CategoryInput & { position: number }>, at: Date): Promise<Category>;
  setPositions(positions: { id: number; position: number }[]): Promise<void>;
  /** Products linked to these categories (each counted once). */
  productCount(categoryIds: number[]): Promise<number>;
  /** Products linked directly to each category, by category id. */
  productCounts(): Promise<Map<number, number>>;
  /** Deletes the category; its products move to `moveTo` (or lose the link), its children go up to its parent. */
  delete(id: number, moveTo: number | null): Promise<void>;
}

export interface ProductRepo {
  findById(id: number): Promise<Product | null>;
  findBySlug(slug: string): Promise<Product | null>;
  /** The revision of an active product's page (null: no such active product); it changes with anything the page shows. */
  pageRevision(slug: string): Promise<number | null>;
  slugTaken(slug: string, exceptId?: number): Promise<boolean>;
  /** Which of these SKUs belong to a product other than `exceptProductId`. */
  skusTaken(skus: string[], exceptProductId?: number): Promise<string[]>;
  /** Inserts (no id) or replaces a product with its variants and category links; variants keep their ids when given. */
  save(product: ProductWrite, at: Date, id?: number): Promise<Product>;
  /** Many saves in one transaction: all or nothing. */
  saveAll(items: { id?: number; product: ProductWrite }[], at: Date): Promise<number>;
  delete(id: number): Promise<void>;
  adminList(query: AdminProductQuery): Promise<ProductPage>;
  storeList(query: StoreProductQuery): Promise<{ items: ProductSummary[]; total: number }>;
  /** The same list with whole products (variants, images, categories), read in a fixed number of statements. */
  storeListProducts(query: StoreProductQuery): Promise<{ items: Product[]; total: number }>;
  count(): Promise<number>;
  addImage(productId: number, image: Omit<ProductImage, 'id' | 'position'>, at: Date): Promise<ProductImage>;
  removeImage(productId: number, imageId: number): Promise<ProductImage | null>;
  /** Every product with its variants, in id order, a batch at a time (exports, sitemap). */
  eachBatch(size: number): AsyncIterable<Product[]>;
  /** Public slugs and update times for the sitemap. */
  publicSlugs(): Promise<{ slug: string; updatedAt: string }[]>;
  /** Active products that have an image, whole (variants, images, categories), in id order, a batch at a time (feeds). */
  eachFeedBatch(size: number): AsyncIterable<Product[]>;
  /**
   * A short text that changes whenever anything of the catalogue changes, on any app server: products (their revision,
   * which the database raises with every change of variants, prices, stock, images and categories) and categories.
   */
  catalogFingerprint(): Promise<string>;
}

/** Stored image files in several widths; what every app server can read (a shared directory). */
export interface ImageStore {
  readonly widths: readonly number[];
  /** Checks the bytes are a JPEG, PNG or WebP image and stores its sizes; null when they are not an image. */
  store(bytes: Buffer): Promise<{ key: string; width: number; height: number; format: string } | null>;
  remove(key: string, format: string): Promise<void>;
  /** A stored file by its public name (`<key>-640.webp`, `<key>.jpeg`), or null. */
  open(name: string): Promise<{ stream: NodeJS.ReadableStream; type: string; size: number } | null>;
  /** A generated picture (a PNG with a label on a colour) for the demo shop. */
  placeholder(label: string, hue: number): Promise<Buffer>;
}

export type CatalogPorts = {
  categories: CategoryRepo;
  products: ProductRepo;
  images: ImageStore;
  catalogOptions: { vatRates: readonly number[]; maxImageBytes: number };
  /** The shop's public address, for canonical links and the sitemap. */
  publicUrl: string;
};
