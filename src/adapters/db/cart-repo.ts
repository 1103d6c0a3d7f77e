/** Kysely implementation of the cart port (the same SQL on SQLite and PostgreSQL). */
import type { CartRepo } from '../../services/cart/ports.js';
import type { CartVariant } from '../../domain/cart/cart.js';
import type { Db } from './kysely.js';

export function cartRepo(db: Db): CartRepo {
  const variants = () =>
    db
      .selectFrom('variants')
      .innerJoin('products', 'products.id', 'variants.product_id')
      .select(['variants.id as variantId', 'variants.sku', 'variants.name as variantName', 'products.name as productName', 'products.slug as productSlug', 'variants.price', 'products.vat_rate as vatRate', 'variants.stock', 'products.active', 'variants.weight_grams as weightGrams'])
      .select((eb) => eb.selectFrom('product_images').select('product_images.key').whereRef('product_images.product_id', '=', 'products.id').orderBy('product_images.position').orderBy('product_images.id').limit(1).as('imageKey'));
  type Row = Awaited<ReturnType<ReturnType<typeof variants>['execute']>>[number];
  const toVariant = (r: Row): CartVariant => ({
    variantId: r.variantId,
    sku: r.sku,
    name: r.variantName ? `${r.productName} – ${r.variantName}` : r.productName,
    productSlug: r.productSlug,
    price: r.price,
    vatRate: r.vatRate,
    stock: r.stock,
    active: r.active === 1,
    imageKey: r.imageKey ?? null,
    weightGrams: r.weightGrams,
  });
  const touch = (id: string, now: Date) => db.updateTable('carts').set({ updated_at: now.toISOString() }).where('id', '=', id).execute();

  return {
    async create(id, now) {
      await db.insertInto('carts').values({ id, created_at: now.toISOString(), updated_at: now.toISOString() }).execute();
    },
    async exists(id) {
      return !!(await db.selectFrom('carts').select('id').where('id', '=', id).executeTakeFirst());
    },
    async lines(cartId) {
      const rows = await db.selectFrom('cart_lines').select(['variant_id', 'quantity', 'seen_price']).where('cart_id', '=', cartId).orderBy('added_at').orderBy('variant_id').execute();
      return rows.map((r) => ({ variantId: Number(r.variant_id), quantity: r.quantity, seenPrice: r.seen_price }));
    },
    async addLine(cartId, variantId, quantity, max, price, now) {
      await db.transaction().execute(async (tx) => {
        const existing = await tx.selectFrom('cart_lines').select('quantity').where('cart_id', '=', cartId).where('variant_id', '=', variantId).executeTakeFirst();
        if (existing) {
          await tx
            .updateTable('cart_lines')
            .set({ quantity: Math.min(max, existing.quantity + quantity), seen_price: price })
            .where('cart_id', '=', cartId)
            .where('variant_id', '=', variantId)
            .execute();
        } else {
          await tx.insertInto('cart_lines').values({ cart_id: cartId, variant_id: variantId, quantity: Math.min(max, quantity), seen_price: price, added_at: now.toISOString() }).execute();
        }
      });
      await touch(cartId, now);
    },
    async setQuantity(cartId, variantId, quantity, now) {
      await db.updateTable('cart_lines').set({ quantity }).where('cart_id', '=', cartId).where('variant_id', '=', variantId).execute();
      await touch(cartId, now);
    },
    async removeLine(cartId, variantId, now) {
      await db.deleteFrom('cart_lines').where('cart_id', '=', cartId).where('variant_id', '=', variantId).execute();
      await touch(cartId, now);
    },
    async markSeen(cartId, prices) {
      for (const p of prices) {
        await db.updateTable('cart_lines').set({ seen_price: p.price }).where('cart_id', '=', cartId).where('variant_id', '=', p.variantId).execute();
      }
    },
    async clear(cartId) {
      await db.deleteFrom('cart_lines').where('cart_id', '=', cartId).execute();
      // The code went with the order; the next purchase starts without it.
      await db.updateTable('carts').set({ discount_code: null }).where('id', '=', cartId).execute();
    },
    async variantsById(ids) {
      if (ids.length === 0) return [];
      return (await variants().where('variants.id', 'in', ids).execute()).map(toVariant);
    },
    async variantBySku(sku) {
      const row = await variants().where('variants.sku', '=', sku).executeTakeFirst();
      return row ? toVariant(row) : null;
    },
    async discountCode(cartId) {
      return (await db.selectFrom('carts').select('discount_code').where('id', '=', cartId).executeTakeFirst())?.discount_code ?? null;
    },
    async setDiscountCode(cartId, code) {
      await db.updateTable('carts').set({ discount_code: code }).where('id', '=', cartId).execute();
    },
  };
}
