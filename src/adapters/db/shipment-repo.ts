/** Kysely implementation of the carrier-shipment port: one row per order (unique), claimed before the carrier is asked. */
import type { Selectable } from 'kysely';
import type { Tx } from '../../services/ports.js';
import type { ShipmentRepo, StoredShipment } from '../../services/shipping/ports.js';
import type { Db } from './kysely.js';
import type { CarrierShipmentsTable } from './carriers-schema.js';

const on = (tx: Tx | null, db: Db) => (tx ? (tx as unknown as Db) : db);
const iso = (v: string | null) => (v === null ? null : new Date(v).toISOString());

const toShipment = (r: Selectable<CarrierShipmentsTable>): StoredShipment => ({
  id: Number(r.id),
  orderId: Number(r.order_id),
  carrier: r.carrier,
  state: r.state === 'created' ? 'created' : 'creating',
  shipmentId: r.shipment_id,
  trackingNumber: r.tracking_number,
  barcodeText: r.barcode_text,
  cod: r.cod,
  demo: r.demo === 1,
  statusCode: r.status_code,
  statusText: r.status_text,
  delivered: r.delivered === 1,
  checkedAt: iso(r.checked_at),
  createdAt: iso(r.created_at)!,
});

export function shipmentRepo(db: Db): ShipmentRepo {
  return {
    async claim({ orderId, carrier, cod, demo, at }) {
      const result = await db
        .insertInto('carrier_shipments')
        .values({ order_id: orderId, carrier, state: 'creating', cod, demo: demo ? 1 : 0, created_at: at.toISOString(), updated_at: at.toISOString() })
        .onConflict((oc) => oc.column('order_id').doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
    },

    async release(orderId) {
      await db.deleteFrom('carrier_shipments').where('order_id', '=', orderId).where('state', '=', 'creating').execute();
    },

    async complete(tx, orderId, created, at) {
      await on(tx, db)
        .updateTable('carrier_shipments')
        .set({ state: 'created', shipment_id: created.shipmentId, tracking_number: created.trackingNumber, barcode_text: created.barcodeText, updated_at: at.toISOString() })
        .where('order_id', '=', orderId)
        .execute();
    },

    async findByOrder(orderId) {
      const row = await db.selectFrom('carrier_shipments').selectAll().where('order_id', '=', orderId).executeTakeFirst();
      return row ? toShipment(row) : null;
    },

    async findByOrders(orderIds) {
      if (orderIds.length === 0) return [];
      const rows = await db.selectFrom('carrier_shipments').selectAll().where('order_id', 'in', orderIds).execute();
      return rows.map(toShipment);
    },

    async dueForStatus({ checkedBefore, limit }) {
      const rows = await db
        .selectFrom('carrier_shipments')
        .innerJoin('orders', 'orders.id', 'carrier_shipments.order_id')
        .selectAll('carrier_shipments')
        .select('orders.number as order_number')
        .where('carrier_shipments.state', '=', 'created')
        .where('carrier_shipments.delivered', '=', 0)
        .where('orders.status', '=', 'shipped')
        .where((eb) => eb.or([eb('carrier_shipments.checked_at', 'is', null), eb('carrier_shipments.checked_at', '<', checkedBefore.toISOString())]))
        .orderBy('carrier_shipments.checked_at')
        .orderBy('carrier_shipments.id')
        .limit(limit)
        .execute();
      return rows.map((r) => ({ ...toShipment(r), orderNumber: r.order_number }));
    },

    async recordStatus(tx, id, status, at) {
      await on(tx, db)
        .updateTable('carrier_shipments')
        .set({ status_code: status.code, status_text: status.text.slice(0, 200), delivered: status.delivered ? 1 : 0, checked_at: at.toISOString(), updated_at: at.toISOString() })
        .where('id', '=', id)
        .execute();
    },
  };
}
