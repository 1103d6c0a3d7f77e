/** The discount-code form as strings (kept as typed when it comes back with errors) and its conversion to the use case's input. */
import { DISCOUNT_KINDS, DISCOUNT_SCOPES, parseDiscountValue, type DiscountCode, type DiscountInput, type DiscountKind, type DiscountScope } from '../../../domain/discounts/discount-code.js';
import { parseMoneyInput } from '../../../domain/money/money.js';
import { parseDay, pragueDayStart } from '../../../domain/exports/export-request.js';
import { pragueDateOf } from '../../../domain/stats/prague-calendar.js';
import { list, str } from '../catalog-forms.js';
import { moneyText } from '../products/form-values.js';

export type DiscountFormValues = {
  code: string;
  kind: string;
  value: string;
  minOrder: string;
  usageLimit: string;
  perCustomerLimit: string;
  startsOn: string;
  endsOn: string;
  scope: string;
  categoryIds: string[];
  productSkus: string;
  active: boolean;
  note: string;
};

export const emptyDiscountValues = (): DiscountFormValues => ({ code: '', kind: 'percent', value: '', minOrder: '', usageLimit: '', perCustomerLimit: '', startsOn: '', endsOn: '', scope: 'all', categoryIds: [], productSkus: '', active: true, note: '' });

/** A stored code as the form shows it; `skus` names the products of a product scope. */
export function valuesOfDiscount(d: DiscountCode, skus: string[]): DiscountFormValues {
  return {
    code: d.code,
    kind: d.kind,
    value: d.kind === 'amount' ? moneyText(d.value) : d.kind === 'percent' ? String(d.value) : '',
    minOrder: d.minOrder === null ? '' : moneyText(d.minOrder),
    usageLimit: d.usageLimit === null ? '' : String(d.usageLimit),
    perCustomerLimit: d.perCustomerLimit === null ? '' : String(d.perCustomerLimit),
    startsOn: d.startsAt ? pragueDateOf(d.startsAt) : '',
    // Stored as the (exclusive) start of the next day; the form names the last day it is valid.
    endsOn: d.endsAt ? pragueDateOf(new Date(Date.parse(d.endsAt) - 1)) : '',
    scope: d.scope,
    categoryIds: d.scope === 'categories' ? d.scopeIds.map(String) : [],
    productSkus: skus.join(', '),
    active: d.active,
    note: d.note,
  };
}

export function valuesOfBody(body: Record<string, unknown>): DiscountFormValues {
  return {
    code: str(body.code).trim(),
    kind: str(body.kind),
    value: str(body.value).trim(),
    minOrder: str(body.minOrder).trim(),
    usageLimit: str(body.usageLimit).trim(),
    perCustomerLimit: str(body.perCustomerLimit).trim(),
    startsOn: str(body.startsOn).trim(),
    endsOn: str(body.endsOn).trim(),
    scope: str(body.scope),
    categoryIds: list(body.categoryIds),
    productSkus: str(body.productSkus).slice(0, 5000),
    active: str(body.active) === '1',
    note: str(body.note),
  };
}

export const skusOf = (text: string): string[] => [...new Set(text.split(/[\s,;]+/).map((s) => s.trim()).filter(Boolean))].slice(0, 500);

const count = (text: string): number | null => (text === '' ? null : /^\d{1,10}$/.test(text) ? Number(text) : NaN);
const day = (text: string, offset: number): string | null => {
  if (text === '') return null;
  const parsed = parseDay(text);
  return parsed ? pragueDayStart(parsed, offset) : 'invalid';
};

/** The use case's input; `productIds` are the products of the SKUs typed (looked up by the caller). */
export function inputOfValues(v: DiscountFormValues, productIds: number[]): DiscountInput {
  const kind = (DISCOUNT_KINDS.includes(v.kind as DiscountKind) ? v.kind : 'invalid') as DiscountKind;
  const scope = (DISCOUNT_SCOPES.includes(v.scope as DiscountScope) ? v.scope : 'invalid') as DiscountScope;
  return {
    code: v.code,
    kind,
    value: parseDiscountValue(kind, v.value),
    minOrder: v.minOrder === '' ? null : (parseMoneyInput(v.minOrder) ?? NaN),
    usageLimit: count(v.usageLimit),
    perCustomerLimit: count(v.perCustomerLimit),
    startsAt: day(v.startsOn, 0),
    endsAt: day(v.endsOn, 1),
    scope,
    scopeIds: scope === 'categories' ? v.categoryIds.map(Number).filter(Number.isSafeInteger) : scope === 'products' ? productIds : [],
    active: v.active,
    note: v.note,
  };
}
