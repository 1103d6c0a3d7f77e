/** Pieces the catalogue forms share (products, categories, discount codes): flash hand-over, field errors by path, small form controls. */
import type { FastifyRequest } from 'fastify';
import type { ComponentChildren } from 'preact';
import { translateFields } from '../middleware/errors.js';
import type { Flash } from '../views/components.js';
import type { Translate } from '../i18n/messages.js';
import { buildTree, flattenTree } from '../../domain/catalog/category-rules.js';
import type { Category } from '../../services/catalog/ports.js';

/** The flash message left by the last redirect, shown once. */
export function takeFlash(request: FastifyRequest): Flash | null {
  const flash = request.session.flash ?? null;
  if (flash) request.session.flash = undefined;
  return flash;
}

export type FieldMessages = Record<string, string>;

export function fieldMessages(t: Translate, fields: Record<string, string> | undefined): FieldMessages {
  return translateFields(t, fields) ?? {};
}

export function summaryOf(errors: FieldMessages): { field: string; text: string }[] {
  return Object.entries(errors).map(([field, text]) => ({ field, text }));
}

/** A text input with its label, hint and error, wired with aria-describedby. */
export function TextField(props: {
  id: string;
  label: string;
  value: string;
  error?: string;
  hint?: string;
  inputMode?: 'decimal' | 'numeric';
  required?: boolean;
  class?: string;
  maxLength?: number;
}) {
  const described = [props.hint && `${props.id}-hint`, props.error && `${props.id}-error`].filter(Boolean).join(' ') || undefined;
  return (
    <div class={`field ${props.error ? 'field-error' : ''} ${props.class ?? ''}`}>
      <label for={props.id}>{props.label}</label>
      {props.hint && (
        <p class="hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      )}
      {props.error && (
        <p class="error-message" id={`${props.id}-error`}>
          {props.error}
        </p>
      )}
      <input
        id={props.id}
        name={props.id}
        type="text"
        value={props.value}
        inputMode={props.inputMode}
        required={props.required}
        maxLength={props.maxLength}
        aria-describedby={described}
        aria-invalid={props.error ? 'true' : undefined}
      />
    </div>
  );
}

export function Fieldset(props: { legend: string; hint?: string; error?: string; id?: string; children: ComponentChildren }) {
  return (
    <fieldset class={`fieldset ${props.error ? 'field-error' : ''}`} id={props.id}>
      <legend>{props.legend}</legend>
      {props.hint && <p class="hint">{props.hint}</p>}
      {props.error && <p class="error-message">{props.error}</p>}
      {props.children}
    </fieldset>
  );
}

export const str = (value: unknown): string => (typeof value === 'string' ? value : Array.isArray(value) && typeof value[0] === 'string' ? value[0] : '');
export const list = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : typeof value === 'string' ? [value] : []);
export const idParam = (value: string): number | null => (/^\d{1,15}$/.test(value) ? Number(value) : null);

/** The category tree as checkboxes named `categoryIds`, indented by depth (a product's categories, a code's scope). */
export function CategoryCheckboxes({ categories, checked }: { categories: Category[]; checked: string[] }) {
  return (
    <ul class="checkbox-list">
      {flattenTree(buildTree(categories)).map((c) => (
        <li key={c.id} class={`depth-${Math.min(c.depth, 6)}`}>
          <input type="checkbox" id={`category-${c.id}`} name="categoryIds" value={String(c.id)} checked={checked.includes(String(c.id))} />
          <label for={`category-${c.id}`}>{c.name}</label>
        </li>
      ))}
    </ul>
  );
}
