/** Kysely implementation of the pickup-point port: a carrier's feed replaced in one transaction, searched by folded text. */
import { sql } from 'kysely';
import type { PickupPointRepo } from '../../services/shipping/ports.js';
import type { PickupPoint } from '../../domain/shipping/pickup-point.js';
import { foldText, searchTerms } from '../../domain/catalog/search-text.js';
import type { Db } from './kysely.js';
import type { PickupPointsTable } from './carriers-schema.js';

const BATCH = 200;

const toRow = (p: PickupPoint): PickupPointsTable => ({
  carrier: p.carrier,
  id: p.id,
  name: p.name,
  place: p.place,
  street: p.street,
  city: p.city,
  zip: p.zip,
  country: p.country,
  kind: p.kind,
  opening_hours: p.openingHours,
  latitude: p.latitude,
  longitude: p.longitude,
  max_weight_grams: p.maxWeightGrams,
  search_text: foldText([p.place, p.name, p.street, p.city, p.zip, p.zip.replace(/\s/g, '')].join(' ')),
});

const toPoint = (r: PickupPointsTable): PickupPoint => ({
  carrier: r.carrier,
  id: r.id,
  name: r.name,
  place: r.place,
  street: r.street,
  city: r.city,
  zip: r.zip,
  country: r.country,
  kind: r.kind === 'box' ? 'box' : 'point',
  openingHours: r.opening_hours,
  latitude: r.latitude === null ? null : Number(r.latitude),
  longitude: r.longitude === null ? null : Number(r.longitude),
  maxWeightGrams: r.max_weight_grams,
});

export function pickupPointRepo(db: Db): PickupPointRepo {
  return {
    async replaceAll(carrier, points, at) {
      // The feed is read before the transaction opens: a slow download never holds the table locked.
      const rows: PickupPointsTable[] = [];
      const seen = new Set<string>();
      for await (const point of points) {
        if (point.carrier !== carrier || seen.has(point.id)) continue;
        seen.add(point.id);
        rows.push(toRow(point));
      }
      await db.transaction().execute(async (tx) => {
        await tx.deleteFrom('pickup_points').where('carrier', '=', carrier).execute();
        for (let i = 0; i < rows.length; i += BATCH) await tx.insertInto('pickup_points').values(rows.slice(i, i + BATCH)).execute();
        await tx
          .insertInto('pickup_feeds')
          .values({ carrier, refreshed_at: at.toISOString(), point_count: rows.length })
          .onConflict((oc) => oc.column('carrier').doUpdateSet({ refreshed_at: at.toISOString(), point_count: rows.length }))
          .execute();
      });
      return rows.length;
    },

    async search(carrier, query, limit) {
      let select = db.selectFrom('pickup_points').selectAll().where('carrier', '=', carrier);
      // Every word must appear somewhere in the point's folded text ("praha dlouha", "110 00", "z-box brno").
      for (const term of searchTerms(query)) select = select.where(sql<boolean>`search_text like ${`%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`} escape ${sql`'\\'`}`);
      const rows = await select.orderBy('city').orderBy('place').orderBy('id').limit(limit).execute();
      return rows.map(toPoint);
    },

    async find(carrier, id) {
      const row = await db.selectFrom('pickup_points').selectAll().where('carrier', '=', carrier).where('id', '=', id).executeTakeFirst();
      return row ? toPoint(row) : null;
    },

    async lastRefresh(carrier) {
      const row = await db.selectFrom('pickup_feeds').select(['refreshed_at', 'point_count']).where('carrier', '=', carrier).executeTakeFirst();
      return row ? { at: new Date(row.refreshed_at).toISOString(), count: row.point_count } : null;
    },
  };
}
