/** Clean URL slugs from Czech names ("Čokoláda hořká" → "cokolada-horka") and the rule a typed slug must follow. */
import slugify from '@sindresorhus/slugify';

export const SLUG_MAX = 120;

export function slugFromName(name: string): string {
  return slugify(name, { decamelize: false }).slice(0, SLUG_MAX).replace(/-+$/, '');
}

export function isValidSlug(slug: string): boolean {
  return slug.length > 0 && slug.length <= SLUG_MAX && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug);
}

/** The next candidate when a slug is taken: "caj" → "caj-2" → "caj-3". */
export function nextSlug(slug: string, attempt: number): string {
  const suffix = `-${attempt + 1}`;
  return slug.slice(0, SLUG_MAX - suffix.length) + suffix;
}
