/** Sends a prepared export as a streamed download: constant memory (chunks are pulled as the client reads), headers for progress. */
import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import type { PreparedExport } from '../../../services/exports/export-orders.js';

export function sendExport(reply: FastifyReply, prepared: PreparedExport, disposition: 'attachment' | 'inline' = 'attachment'): FastifyReply {
  reply
    .type(prepared.contentType)
    .header('content-disposition', `${disposition}; filename="${prepared.filename}"`)
    .header('cache-control', 'private, no-store')
    // The page's download script shows progress from these two: how many orders, and what ends each one.
    .header('x-export-total', String(prepared.total))
    .header('x-accel-buffering', 'no');
  if (prepared.orderMarker) reply.header('x-export-order-marker', encodeURIComponent(prepared.orderMarker));
  return reply.send(Readable.from(prepared.chunks, { objectMode: false }));
}
