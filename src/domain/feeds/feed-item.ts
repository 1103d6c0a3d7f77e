/**
 * A product as the comparison-site feeds see it, and what the feed formats share: one feed item per variant with its
 * own id, title, address, price and availability, grouped by product; the shop's shipping methods as delivery options.
 */
import type { FeedCategories } from '../catalog/product-rules.js';

export type FeedVariant = { id: number; sku: string; name: string; price: number; stock: number; ean: string | null };

export type FeedProduct = {
  id: number;
  name: string;
  /** Plain text. */
  description: string;
  /** Absolute address of the product page. */
  url: string;
  /** Absolute image addresses, the main one first. */
  images: string[];
  manufacturer: string;
  /** Names of the shop's categories from the top down to the product's first public category. */
  categoryPath: string[];
  feedCategories: FeedCategories;
  vatRate: number;
  variants: FeedVariant[];
};

/** A shipping method as a delivery option: `codPrice` is what it costs with cash on delivery (null: not offered). */
export type FeedDelivery = { carrier: string; name: string; price: number; freeFrom: number | null; codPrice: number | null };

export type FeedContext = { shopName: string; shopUrl: string; deliveries: FeedDelivery[]; outOfStockDays: number };

export type FeedWriter = {
  id: FeedId;
  contentType: string;
  head(ctx: FeedContext): string;
  /** Every item of one product (one per variant). */
  product(product: FeedProduct, ctx: FeedContext): string;
  tail(ctx: FeedContext): string;
};

export const FEED_IDS = ['heureka', 'zbozi', 'google'] as const;
export type FeedId = (typeof FEED_IDS)[number];
export const isFeedId = (value: unknown): value is FeedId => FEED_IDS.includes(value as FeedId);

/** The item id every feed (and Heureka "Ověřeno zákazníky") uses for a variant: its id, which never changes. */
export const feedItemId = (variantId: number): string => String(variantId);
/** The group of a product's variants: distinct from every item id (they are digits only). */
export const feedGroupId = (productId: number): string => `P${productId}`;

export const itemTitle = (product: Pick<FeedProduct, 'name'>, variant: Pick<FeedVariant, 'name'>): string => (variant.name ? `${product.name} ${variant.name}` : product.name);

/** Each variant of a product with several has an address of its own: the product page with that variant chosen. */
export const itemUrl = (product: Pick<FeedProduct, 'url' | 'variants'>, variant: Pick<FeedVariant, 'id'>): string =>
  product.variants.length > 1 ? `${product.url}?varianta=${variant.id}` : product.url;

/** Shipping for one piece of the item: free above the method's threshold, as the checkout prices it. */
export const deliveryPrice = (delivery: Pick<FeedDelivery, 'price' | 'freeFrom'>, itemPrice: number): number =>
  delivery.freeFrom !== null && itemPrice >= delivery.freeFrom ? 0 : delivery.price;

/** Days until the goods can be sent: 0 in stock. */
export const deliveryDays = (variant: Pick<FeedVariant, 'stock'>, ctx: Pick<FeedContext, 'outOfStockDays'>): number => (variant.stock > 0 ? 0 : ctx.outOfStockDays);

/** An EAN-13 (a 12-digit UPC-A is the same code with a leading zero), or null for other GTIN lengths. */
export function ean13(ean: string | null): string | null {
  if (!ean) return null;
  if (ean.length === 13) return ean;
  return ean.length === 12 ? `0${ean}` : null;
}

/** Cuts a text to `max` characters by code points (an emoji is never split). */
export const cut = (text: string, max: number): string => (text.length <= max ? text : Array.from(text).slice(0, max).join(''));
