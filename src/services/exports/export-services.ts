/** The export use cases bound to their dependencies (spread into the services object). */
import { layoutProblems } from '../../domain/exports/custom-layout.js';
import { prepareOrderExport, previewCustomLayout, type ExportDeps, type ExportRequest } from './export-orders.js';
import type { ExportRepo } from './ports.js';

export type ExportPorts = ExportDeps & { exportsRepo: ExportRepo };

export function exportServices(ports: ExportPorts) {
  return {
    /** A range, a status or a selection (`numbers`), in any format. */
    exportOrders: (request: ExportRequest) => prepareOrderExport(ports, request),
    /** One order; not_found when there is no such order. */
    exportOrder: (number: string, request: ExportRequest) => prepareOrderExport(ports, request, { single: number }),
    previewCustomLayout: (layout: string) => previewCustomLayout(ports, layout),
    customLayoutProblems: (layout: string) => layoutProblems(layout),
  };
}
