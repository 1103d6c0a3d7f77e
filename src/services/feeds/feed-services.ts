/**
 * The comparison-site feeds (Heureka, Zboží.cz, Google Merchant): generated from the catalogue a batch at a time into a
 * file, streamed from it, and kept until the catalogue (or Configuration) changes — on any app server, since the
 * database's product revisions and the settings version say when. One generation per feed and state at a time.
 */
import { createHash } from 'node:crypto';
import { htmlToText } from '../../domain/markdown.js';
import { pathTo } from '../../domain/catalog/category-rules.js';
import { FEED_WRITERS } from '../../domain/feeds/feed-writers.js';
import type { FeedContext, FeedDelivery, FeedId, FeedProduct } from '../../domain/feeds/feed-item.js';
import { offeredPaymentMethods, offeredShippingMethods, paymentGoesWith } from '../../domain/settings/checkout-methods.js';
import type { Settings } from '../../domain/settings/settings.js';
import { publicCategories, type BrowseDeps } from '../catalog/browse-catalog.js';
import type { ReadCache } from '../catalog/read-cache.js';
import type { Category, Product, ProductImage } from '../catalog/ports.js';
import { getSettingsWithVersion } from '../settings/get-settings.js';
import type { SettingsRepo } from '../settings/ports.js';
import type { FeedStore } from './ports.js';

export type FeedPorts = Omit<BrowseDeps, 'cache'> & { settings: SettingsRepo; feeds: FeedStore; publicUrl: string };
/** The image's address on this shop (the web edge knows its routes). */
export type ImagePath = (image: ProductImage) => string;

const BATCH_SIZE = 200;
const CHUNK_CHARS = 64 * 1024;

export function feedDeliveries(settings: Settings): FeedDelivery[] {
  const payments = offeredPaymentMethods(settings.checkout).filter((p) => p.kind === 'cash-on-delivery');
  return offeredShippingMethods(settings.checkout).map((s) => {
    const cod = payments.filter((p) => paymentGoesWith(p, s.code)).map((p) => p.price);
    return { carrier: s.carrier, name: s.name, price: s.price, freeFrom: s.freeFrom, codPrice: cod.length ? Math.min(...cod) : null };
  });
}

export function toFeedProduct(product: Product, categories: Category[], shopUrl: string, imagePath: ImagePath): FeedProduct {
  const main = product.categoryIds.map((id) => categories.find((c) => c.id === id)).find((c) => c);
  return {
    id: product.id,
    name: product.name,
    description: htmlToText(product.descriptionHtml),
    url: `${shopUrl}/zbozi/${product.slug}`,
    images: product.images.map((image) => `${shopUrl}${imagePath(image)}`),
    manufacturer: product.manufacturer,
    categoryPath: main ? pathTo(categories, main.id).map((c) => c.name) : [],
    feedCategories: product.feedCategories,
    vatRate: product.vatRate,
    variants: product.variants.map((v) => ({ id: v.id, sku: v.sku, name: v.name, price: v.price, stock: v.stock, ean: v.ean })),
  };
}

// The category tree is read fresh: a feed kept under a new validator must not carry names from before the change.
const UNCACHED: ReadCache = { get: (_key, load) => load(), invalidate: () => {}, revision: 0 };

async function* feedText(ports: FeedPorts, id: FeedId, settings: Settings, imagePath: ImagePath): AsyncGenerator<string> {
  const writer = FEED_WRITERS[id];
  const categories = await publicCategories({ ...ports, cache: UNCACHED });
  const ctx: FeedContext = { shopName: settings.shop.name, shopUrl: ports.publicUrl, deliveries: feedDeliveries(settings), outOfStockDays: settings.marketing.outOfStockDeliveryDays };
  yield writer.head(ctx);
  let out = '';
  for await (const batch of ports.products.eachFeedBatch(BATCH_SIZE)) {
    for (const product of batch) {
      out += writer.product(toFeedProduct(product, categories, ports.publicUrl, imagePath), ctx);
      if (out.length >= CHUNK_CHARS) {
        yield out;
        out = '';
      }
    }
  }
  yield out + writer.tail(ctx);
}

export function feedServices(ports: FeedPorts) {
  const generating = new Map<string, Promise<void>>();
  return {
    /** Changes whenever the feed would: the catalogue, Configuration or the shop's address. */
    async feedValidator(id: FeedId): Promise<string> {
      const [fingerprint, { version }] = await Promise.all([ports.products.catalogFingerprint(), getSettingsWithVersion(ports)]);
      return createHash('sha256').update(`${id}|${fingerprint}|${version}|${ports.publicUrl}`).digest('hex').slice(0, 32);
    },
    /** The feed for that state, generated first when it is not kept yet. */
    async openFeed(id: FeedId, validator: string, imagePath: ImagePath) {
      const kept = await ports.feeds.open(id, validator);
      if (kept) return { ...kept, contentType: FEED_WRITERS[id].contentType };
      const key = `${id}|${validator}`;
      let running = generating.get(key);
      if (!running) {
        running = (async () => {
          const { settings } = await getSettingsWithVersion(ports);
          await ports.feeds.write(id, validator, feedText(ports, id, settings, imagePath));
        })().finally(() => generating.delete(key));
        generating.set(key, running);
      }
      await running;
      const written = await ports.feeds.open(id, validator);
      if (!written) throw new Error(`feed ${id} was not written`);
      return { ...written, contentType: FEED_WRITERS[id].contentType };
    },
  };
}
