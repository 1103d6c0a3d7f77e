/** Content pages (terms, complaints, privacy, contact, about, …): their fields, validation and public addresses. */
import slugify from '@sindresorhus/slugify';
import { z } from 'zod';
import { singleLineText } from '../validation.js';

export type ContentPage = {
  id: number;
  slug: string;
  title: string;
  /** Markdown as the owner wrote it; `bodyHtml` is its sanitized rendering. */
  body: string;
  bodyHtml: string;
  published: boolean;
  /** A shipped template the owner has not reviewed yet (legal texts must be checked). */
  isTemplate: boolean;
  inMenu: boolean;
  inFooter: boolean;
  position: number;
  updatedAt: string;
};

/** First path segments the shop itself uses; a page cannot take them. */
export const RESERVED_SLUGS = new Set([
  'admin', 'api', 'assets', 'media', 'zbozi', 'kategorie', 'hledat', 'kosik', 'pokladna', 'objednavka', 'objednavky', 'ucet',
  'prihlaseni', 'registrace', 'odhlaseni', 'jazyk', 'health', 'ready', 'sitemap.xml', 'robots.txt', 'favicon.ico', 'favicon.svg',
]);

export function slugFromTitle(title: string): string {
  return slugify(title, { decamelize: false }).slice(0, 80);
}


export const pageInputSchema = z
  .object({
    title: singleLineText(200).min(1, 'required'),
    slug: z
      .string()
      .trim()
      .max(80, 'too_long')
      .default('')
      .refine((v) => v === '' || /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(v), 'slug_invalid'),
    body: z.string().max(100_000, 'too_long').default(''),
    published: z.boolean('invalid_type').default(false),
    inMenu: z.boolean('invalid_type').default(false),
    inFooter: z.boolean('invalid_type').default(false),
    position: z.number('number_invalid').int('number_invalid').min(0, 'number_invalid').max(10_000, 'number_invalid').default(0),
    reviewed: z.boolean('invalid_type').optional(),
  })
  .strict();

export type PageInput = z.output<typeof pageInputSchema>;
export type PageInputRaw = z.input<typeof pageInputSchema>;

/** The slug to save: the one given, else one made from the title; null when it is taken by the shop itself. */
export function resolveSlug(input: { slug: string; title: string }): { slug: string; problem: 'slug_reserved' | 'slug_invalid' | null } {
  const slug = input.slug || slugFromTitle(input.title);
  if (!slug) return { slug, problem: 'slug_invalid' };
  return { slug, problem: RESERVED_SLUGS.has(slug) ? 'slug_reserved' : null };
}
