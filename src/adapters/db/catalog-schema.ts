/** Categories, products, variants, product images and their links, as Kysely sees them. */
import type { ColumnType, Generated } from 'kysely';

export interface CategoriesTable {
  id: Generated<number>;
  parent_id: number | null;
  name: string;
  slug: string;
  description: string;
  position: number;
  visible: number;
  created_at: string;
  updated_at: string;
}

export interface ProductsTable {
  id: Generated<number>;
  name: string;
  slug: string;
  description: string;
  description_html: string;
  vat_rate: number;
  active: number;
  /** Kept with the variants, so lists sort and filter without joining them. */
  min_price: number;
  stock_total: number;
  search_text: string;
  created_at: string;
  updated_at: string;
  /** Raised by database triggers whenever anything the product's page shows changes (migration 0018). */
  revision: Generated<number>;
  manufacturer: Generated<string>;
  heureka_category: Generated<string>;
  zbozi_category: Generated<string>;
  google_category: Generated<string>;
}

export interface ProductCategoriesTable {
  product_id: number;
  category_id: number;
  position: number;
}

export interface VariantsTable {
  id: Generated<number>;
  product_id: number;
  sku: string;
  name: string;
  price: number;
  compare_at_price: number | null;
  stock: number;
  weight_grams: number | null;
  position: number;
  ean: ColumnType<string | null, string | null | undefined, string | null>;
  /** The lowest price of the 30 days before the current price was set; null when no earlier price is known (0025). */
  lowest_price_30d: ColumnType<number | null, number | null | undefined, number | null>;
}

/** Every price a variant has had, from the moment it was set (the 30-day lowest price comes from it). */
export interface VariantPriceHistoryTable {
  id: Generated<number>;
  variant_id: number;
  price: number;
  changed_at: string;
}

export interface ProductImagesTable {
  id: Generated<number>;
  product_id: number;
  key: string;
  width: number;
  height: number;
  format: string;
  alt: string;
  position: number;
  created_at: string;
}

export interface CatalogTables {
  categories: CategoriesTable;
  products: ProductsTable;
  product_categories: ProductCategoriesTable;
  variants: VariantsTable;
  product_images: ProductImagesTable;
  variant_price_history: VariantPriceHistoryTable;
}
