/** The checks after the resilience run: the driver's own records against the database and the SMTP server. */
import pg from 'pg';
import type { Load } from './load.js';

export type Verdict = { failures: string[]; figures: Record<string, unknown> };

type OrderRow = { id: number; number: string; status: string; idempotency_key: string | null; item_count: number };

export async function stockSnapshot(client: pg.Pool): Promise<Map<number, number>> {
  const { rows } = await client.query<{ id: number; stock: number }>('select id, stock from variants');
  return new Map(rows.map((r) => [Number(r.id), Number(r.stock)]));
}

export async function verify(client: pg.Pool, load: Load, stockBefore: Map<number, number>, received: string[], cartPages: Map<string, string>): Promise<Verdict> {
  const failures: string[] = [];
  const fail = (text: string) => failures.push(text);

  // Orders: each acknowledged key exactly once, under the number the client was told; nothing else.
  const orders = (await client.query<OrderRow>('select id, number, status, idempotency_key, item_count from orders')).rows;
  const byKey = new Map<string, OrderRow[]>();
  for (const order of orders) byKey.set(order.idempotency_key ?? '', [...(byKey.get(order.idempotency_key ?? '') ?? []), order]);
  const created = load.checkouts.filter((c) => c.outcome === 'created');
  for (const checkout of created) {
    const found = byKey.get(checkout.key) ?? [];
    if (found.length !== 1 || found[0]!.number !== checkout.number) fail(`order acknowledged as ${checkout.number} (key ${checkout.key}) found ${found.length}× in the database`);
  }
  const known = new Set(created.map((c) => c.key));
  for (const order of orders) if (!known.has(order.idempotency_key ?? '')) fail(`order ${order.number} exists but was never acknowledged (key ${order.idempotency_key})`);
  for (const checkout of load.checkouts.filter((c) => c.outcome === 'unknown')) fail(`checkout ${checkout.key} has no definite answer after ${checkout.tries} tries`);

  // Items: as ordered, and the stock of each variant is what it was minus what orders that were not cancelled hold.
  const items = (await client.query<{ order_id: number; sku: string; variant_id: number; quantity: number }>('select order_id, sku, variant_id, quantity from order_items')).rows;
  const itemsOf = new Map<number, { sku: string; quantity: number }[]>();
  for (const item of items) itemsOf.set(Number(item.order_id), [...(itemsOf.get(Number(item.order_id)) ?? []), { sku: item.sku, quantity: Number(item.quantity) }]);
  const orderByNumber = new Map(orders.map((o) => [o.number, o]));
  for (const checkout of created) {
    const order = orderByNumber.get(checkout.number!);
    if (!order) continue;
    const want = (checkout.body as { items: { sku: string; quantity: number }[] }).items.map((i) => `${i.sku}×${i.quantity}`).sort().join(',');
    const got = (itemsOf.get(Number(order.id)) ?? []).map((i) => `${i.sku}×${i.quantity}`).sort().join(',');
    if (want !== got) fail(`order ${order.number} holds ${got}, ordered ${want}`);
  }
  const stockAfter = await stockSnapshot(client);
  const held = new Map<number, number>();
  const cancelled = new Set(orders.filter((o) => o.status === 'cancelled').map((o) => Number(o.id)));
  for (const item of items) if (!cancelled.has(Number(item.order_id))) held.set(Number(item.variant_id), (held.get(Number(item.variant_id)) ?? 0) + Number(item.quantity));
  for (const [id, before] of stockBefore) {
    const after = stockAfter.get(id)!;
    if (after < 0) fail(`variant ${id} stock is negative: ${after}`);
    if (before - (held.get(id) ?? 0) !== after) fail(`variant ${id}: stock ${before} before, ${held.get(id) ?? 0} held by orders, but ${after} now`);
  }

  // Emails: every outbox row sent, each Message-ID received exactly once, nothing received that the outbox does not know.
  const outbox = (await client.query<{ kind: string; status: string; message_id: string; order_id: number | null; attempts: number }>('select kind, status, message_id, order_id, attempts from outbox_emails')).rows;
  const receivedCount = new Map<string, number>();
  for (const id of received) receivedCount.set(id, (receivedCount.get(id) ?? 0) + 1);
  for (const row of outbox) {
    if (row.status !== 'sent') fail(`outbox email ${row.message_id} (${row.kind}) is ${row.status}`);
    const times = receivedCount.get(row.message_id) ?? 0;
    if (times !== 1) fail(`email ${row.message_id} (${row.kind}) received ${times}×`);
  }
  const outboxIds = new Set(outbox.map((r) => r.message_id));
  for (const id of receivedCount.keys()) if (!outboxIds.has(id)) fail(`email ${id} received but not in the outbox`);
  const confirmed = new Set(outbox.filter((r) => r.kind === 'order_accepted').map((r) => Number(r.order_id)));
  for (const order of orders) if (!confirmed.has(Number(order.id))) fail(`order ${order.number} has no order-accepted email`);

  // Carts and the admin session lived through the loss of one server.
  for (const [name, cart] of load.carts) {
    const page = cartPages.get(name) ?? '';
    for (const [variantId, quantity] of cart.expected) {
      const shown = Number(new RegExp(`id="qty-${variantId}"[^>]*value="(\\d+)"`).exec(page)?.[1] ?? 0);
      const allowed = cart.uncertain.has(variantId) ? [quantity, quantity + 1] : [quantity];
      if (!allowed.includes(shown)) fail(`${name}: variant ${variantId} ×${shown} in the cart, expected ×${allowed.join(' or ×')}`);
    }
    if (cart.expected.size === 0) fail(`${name}: no item was ever added`);
  }
  if (load.admin.signedOutSeen > 0) fail(`the admin was signed out ${load.admin.signedOutSeen}×`);

  const byStatus = (rows: { status: string }[]) => Object.fromEntries([...new Set(rows.map((r) => r.status))].sort().map((s) => [s, rows.filter((r) => r.status === s).length]));
  return {
    failures,
    figures: {
      orders: { inDatabase: orders.length, byStatus: byStatus(orders), items: items.length },
      emails: { outbox: outbox.length, byKind: Object.fromEntries([...new Set(outbox.map((r) => r.kind))].map((k) => [k, outbox.filter((r) => r.kind === k).length])), outboxStatus: byStatus(outbox), retried: outbox.filter((r) => r.attempts > 1).length, received: received.length, distinctMessageIds: receivedCount.size },
      stock: { min: Math.min(...stockAfter.values()), variants: stockAfter.size },
    },
  };
}
