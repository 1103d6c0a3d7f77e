/**
 * The owner's own XML structure: a layout with `{field}` placeholders in which one element marked
 * `kramek-each="orders"` repeats per order and elements marked `kramek-each="items|lines|vat|parcels"` repeat inside it.
 * Checked on save (well-formed, known fields only, in the right place) and rendered without any code change.
 */
import { trackingUrl } from '../orders/carriers.js';
import { decimal, exportLines, exportVatSummary, pragueDate, type ExportLine, type ExportOrder } from './export-order.js';
import type { ExportMeta, ExportWriter } from './export-format.js';
import { escapeAttribute, escapeXml } from './xml-text.js';
import { isLayoutError, parseLayout, type LayoutNode, type LayoutProblem, type Part } from './custom-layout-parse.js';

export const EACH = 'kramek-each';
type Scope = 'document' | 'orders' | 'items' | 'lines' | 'vat' | 'parcels';
type Context = { meta: ExportMeta; order?: ExportOrder; vat?: ReturnType<typeof exportVatSummary>; line?: ExportLine; rate?: { rate: number; base: number; vat: number; gross: number }; parcel?: { carrier: string; trackingNumber: string } };
type Getter = (c: Context) => string | number | null;

const o = (get: (order: ExportOrder, c: Context) => string | number | null): Getter => (c) => get(c.order!, c);
const DOCUMENT_FIELDS: Record<string, Getter> = {
  'shop.name': (c) => c.meta.shop.name,
  'shop.legalName': (c) => c.meta.shop.legalName,
  'shop.ico': (c) => c.meta.shop.ico,
  'shop.dic': (c) => c.meta.shop.dic,
  generatedAt: (c) => c.meta.generatedAt,
};
const ORDER_FIELDS: Record<string, Getter> = {
  number: o((x) => x.number),
  status: o((x) => x.status),
  paymentStatus: o((x) => x.paymentStatus),
  createdAt: o((x) => x.createdAt),
  date: o((x) => pragueDate(x.createdAt)),
  variableSymbol: o((x) => x.variableSymbol),
  currency: o((x) => x.currency),
  note: o((x) => x.note),
  itemCount: o((x) => x.items.reduce((n, i) => n + i.quantity, 0)),
  itemsTotal: o((x) => decimal(x.itemsTotal)),
  total: o((x) => decimal(x.total)),
  totalBase: o((_x, c) => decimal(c.vat!.base)),
  totalVat: o((_x, c) => decimal(c.vat!.vat)),
  'customer.email': o((x) => x.customer.email),
  'customer.name': o((x) => x.customer.name),
  'customer.phone': o((x) => x.customer.phone),
  'customer.company': o((x) => x.customer.company),
  'customer.ico': o((x) => x.customer.ico),
  'customer.dic': o((x) => x.customer.dic),
  'billing.street': o((x) => x.billingAddress.street),
  'billing.city': o((x) => x.billingAddress.city),
  'billing.zip': o((x) => x.billingAddress.zip),
  'billing.country': o((x) => x.billingAddress.country),
  'delivery.street': o((x) => (x.shippingAddress ?? x.billingAddress).street),
  'delivery.city': o((x) => (x.shippingAddress ?? x.billingAddress).city),
  'delivery.zip': o((x) => (x.shippingAddress ?? x.billingAddress).zip),
  'delivery.country': o((x) => (x.shippingAddress ?? x.billingAddress).country),
  'shipping.code': o((x) => x.shipping.code),
  'shipping.name': o((x) => x.shipping.name),
  'shipping.carrier': o((x) => x.shipping.carrier),
  'shipping.price': o((x) => decimal(x.shipping.price)),
  'shipping.vatRate': o((x) => x.shipping.vatRate),
  'payment.code': o((x) => x.payment.code),
  'payment.kind': o((x) => x.payment.kind),
  'payment.name': o((x) => x.payment.name),
  'payment.price': o((x) => decimal(x.payment.price)),
  'payment.vatRate': o((x) => x.payment.vatRate),
  trackingNumber: o((x) => x.parcels[0]?.trackingNumber ?? null),
};
const LINE_FIELDS: Record<string, Getter> = {
  'item.kind': (c) => c.line!.kind,
  'item.sku': (c) => c.line!.sku,
  'item.name': (c) => c.line!.name,
  'item.quantity': (c) => c.line!.quantity,
  'item.unitPrice': (c) => decimal(c.line!.unitPrice),
  'item.vatRate': (c) => c.line!.vatRate,
  'item.total': (c) => decimal(c.line!.total),
};
const VAT_FIELDS: Record<string, Getter> = {
  'vat.rate': (c) => c.rate!.rate,
  'vat.base': (c) => decimal(c.rate!.base),
  'vat.vat': (c) => decimal(c.rate!.vat),
  'vat.gross': (c) => decimal(c.rate!.gross),
};
const PARCEL_FIELDS: Record<string, Getter> = {
  'parcel.carrier': (c) => c.parcel!.carrier,
  'parcel.trackingNumber': (c) => c.parcel!.trackingNumber,
  'parcel.trackingUrl': (c) => trackingUrl(c.parcel!.carrier, c.parcel!.trackingNumber),
};

const FIELDS_IN: Record<Scope, Record<string, Getter>> = {
  document: DOCUMENT_FIELDS,
  orders: { ...DOCUMENT_FIELDS, ...ORDER_FIELDS },
  items: { ...DOCUMENT_FIELDS, ...ORDER_FIELDS, ...LINE_FIELDS },
  lines: { ...DOCUMENT_FIELDS, ...ORDER_FIELDS, ...LINE_FIELDS },
  vat: { ...DOCUMENT_FIELDS, ...ORDER_FIELDS, ...VAT_FIELDS },
  parcels: { ...DOCUMENT_FIELDS, ...ORDER_FIELDS, ...PARCEL_FIELDS },
};

/** Every field a layout may use, grouped for the help text beside the form. */
export const LAYOUT_FIELDS = { document: Object.keys(DOCUMENT_FIELDS), order: Object.keys(ORDER_FIELDS), line: Object.keys(LINE_FIELDS), vat: Object.keys(VAT_FIELDS), parcel: Object.keys(PARCEL_FIELDS) };

export type CompiledLayout = { before: LayoutNode[]; ordersElement: LayoutNode & { kind: 'element' }; path: (LayoutNode & { kind: 'element' })[] };

function check(node: LayoutNode, scope: Scope, problems: LayoutProblem[], found: { orders: number }) {
  const fieldsOk = (parts: Part[], s: Scope) => {
    for (const p of parts) if (typeof p !== 'string' && !FIELDS_IN[s][p.field]) problems.push({ code: FIELDS_IN.items[p.field] || VAT_FIELDS[p.field] || PARCEL_FIELDS[p.field] ? 'export_layout_field_out_of_place' : 'export_layout_unknown_field', detail: p.field });
  };
  if (node.kind === 'text') return fieldsOk(node.value, scope);
  let inner = scope;
  const each = node.attrs.find((a) => a.name === EACH);
  if (each) {
    const value = each.value.join('');
    if (value === 'orders') {
      found.orders++;
      if (scope !== 'document') problems.push({ code: 'export_layout_each_out_of_place', detail: value });
    } else if (['items', 'lines', 'vat', 'parcels'].includes(value)) {
      if (scope !== 'orders') problems.push({ code: 'export_layout_each_out_of_place', detail: value });
    } else problems.push({ code: 'export_layout_each_unknown', detail: value });
    inner = value as Scope;
  }
  for (const a of node.attrs) if (a.name !== EACH) fieldsOk(a.value, FIELDS_IN[inner] ? inner : scope);
  for (const child of node.children) check(child, FIELDS_IN[inner] ? inner : scope, problems, found);
}

/** The problems of a layout (empty when it can be used). */
export function layoutProblems(source: string): LayoutProblem[] {
  if (!source.trim()) return [];
  try {
    const root = parseLayout(source);
    const problems: LayoutProblem[] = [];
    const found = { orders: 0 };
    if (root.kind === 'element' && root.attrs.some((a) => a.name === EACH)) problems.push({ code: 'export_layout_each_on_root' });
    else check(root, 'document', problems, found);
    if (!problems.length && found.orders !== 1) problems.push({ code: 'export_layout_orders_missing' });
    return problems;
  } catch (error) {
    if (isLayoutError(error)) return [error.problem];
    throw error;
  }
}

const text = (parts: Part[], c: Context, scope: Scope, escape: (v: string) => string) => {
  let out = '';
  for (const p of parts) {
    if (typeof p === 'string') out += escape(p);
    else {
      const v = FIELDS_IN[scope][p.field]!(c);
      if (v !== null && v !== undefined) out += escape(String(v));
    }
  }
  return out;
};

function render(node: LayoutNode, c: Context, scope: Scope): string {
  if (node.kind === 'text') return text(node.value, c, scope, escapeXml);
  const attrs = node.attrs.filter((a) => a.name !== EACH);
  const open = (ctx: Context, s: Scope) => `<${node.name}${attrs.map((a) => ` ${a.name}="${text(a.value, ctx, s, escapeAttribute)}"`).join('')}`;
  const one = (ctx: Context, s: Scope) => {
    const inner = node.children.map((child) => render(child, ctx, s)).join('');
    return inner ? `${open(ctx, s)}>${inner}</${node.name}>` : `${open(ctx, s)}/>`;
  };
  const each = node.attrs.find((a) => a.name === EACH)?.value.join('');
  if (!each) return one(c, scope);
  const order = c.order!;
  if (each === 'items') return exportLines(order).filter((l) => l.kind === 'item').map((line) => one({ ...c, line }, 'items')).join('');
  if (each === 'lines') return exportLines(order).map((line) => one({ ...c, line }, 'lines')).join('');
  if (each === 'vat') return c.vat!.rows.map((rate) => one({ ...c, rate }, 'vat')).join('');
  if (each === 'parcels') return order.parcels.map((parcel) => one({ ...c, parcel }, 'parcels')).join('');
  return one(c, scope);
}

/** A writer for a checked layout: the document around the orders element streams as head and tail. */
export function customLayoutWriter(source: string): ExportWriter {
  const root = parseLayout(source) as LayoutNode & { kind: 'element' };
  // Split the tree at the orders element: what comes before it is the head, after it the tail.
  const path: (LayoutNode & { kind: 'element' })[] = [];
  const find = (node: LayoutNode): boolean => {
    if (node.kind !== 'element') return false;
    if (node.attrs.some((a) => a.name === EACH && a.value.join('') === 'orders')) return path.push(node), true;
    for (const child of node.children) if (find(child)) return path.unshift(node), true;
    return false;
  };
  find(root);
  const ordersElement = path[path.length - 1]!;
  const head = (meta: ExportMeta) => {
    let out = '<?xml version="1.0" encoding="UTF-8"?>\n';
    for (let i = 0; i < path.length - 1; i++) {
      const el = path[i]!;
      out += `<${el.name}${el.attrs.map((a) => ` ${a.name}="${text(a.value, { meta }, 'document', escapeAttribute)}"`).join('')}>`;
      for (const child of el.children) {
        if (child === path[i + 1]) break;
        out += render(child, { meta }, 'document');
      }
    }
    return `${out}\n`;
  };
  const tail = (meta: ExportMeta) => {
    let out = '';
    for (let i = path.length - 2; i >= 0; i--) {
      const el = path[i]!;
      const at = el.children.indexOf(path[i + 1]!);
      for (const child of el.children.slice(at + 1)) out += render(child, { meta }, 'document');
      out += `</${el.name}>`;
    }
    return `${out}\n`;
  };
  return {
    id: 'custom',
    contentType: 'application/xml; charset=utf-8',
    extension: 'xml',
    orderMarker: `</${ordersElement.name}>`,
    needsHistory: false,
    head,
    order: (order, meta) => `${render(ordersElement, { meta, order, vat: exportVatSummary(order) }, 'orders')}\n`,
    tail: (meta) => tail(meta),
  };
}
