/** Test helpers for the catalogue: real images made with sharp, multipart bodies, a signed-in admin agent, API calls. */
import { randomBytes } from 'node:crypto';
import sharp from 'sharp';
import { Agent, csrfTokenOf } from './agent.js';
import { OWNER, type TestKramek } from './kramek.js';

export async function pngImage(width = 900, height = 600): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 200, g: 120, b: 40 } } }).png().toBuffer();
}

export async function jpegImage(width = 1600, height = 1200): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 20, g: 120, b: 200 } } }).jpeg().toBuffer();
}

export function multipart(fields: Record<string, string>, file?: { field: string; name: string; type: string; data: Buffer }) {
  const boundary = `----kramek${randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  if (file) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`));
    parts.push(file.data, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export async function signedInAgent(kramek: TestKramek, ip = '10.9.0.1'): Promise<Agent> {
  const agent = new Agent(kramek.app, ip);
  const response = await agent.signIn(OWNER.email, OWNER.password);
  if (response.statusCode !== 303) throw new Error(`sign-in failed: ${response.statusCode}`);
  return agent;
}

/** The CSRF token of an admin page (for posts and multipart uploads). */
export async function tokenFrom(agent: Agent, url: string): Promise<string> {
  return csrfTokenOf((await agent.get(url)).body);
}

export async function apiToken(kramek: TestKramek, role: 'owner' | 'staff' = 'staff'): Promise<string> {
  return (await kramek.core.services.createApiToken({ name: `test-${role}`, role })).token;
}

export function api(kramek: TestKramek, token: string) {
  return (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown) =>
    kramek.app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload === undefined ? {} : { payload: payload as object }) });
}

/** A product as the admin form posts it. */
export function productForm(fields: { name: string; slug?: string; description?: string; vatRate?: string; categoryIds?: string[]; active?: boolean }, variants: Record<string, string>[]) {
  const form: Record<string, string | string[]> = {
    name: fields.name,
    slug: fields.slug ?? '',
    description: fields.description ?? '',
    vatRate: fields.vatRate ?? '21',
    ...(fields.active === false ? {} : { active: '1' }),
  };
  if (fields.categoryIds) form.categoryIds = fields.categoryIds;
  variants.forEach((v, i) => {
    for (const key of ['id', 'sku', 'name', 'price', 'compareAtPrice', 'stock', 'weightGrams', 'ean', 'remove']) if (v[key] !== undefined || key === 'sku') form[`variants.${i}.${key}`] = v[key] ?? '';
  });
  return form;
}

/** Posts a form whose fields may repeat (checkbox lists), like a browser does. */
export function postForm(agent: Agent, url: string, form: Record<string, string | string[]>) {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(form)) for (const v of [value].flat()) body.append(key, v);
  return agent.request({ method: 'POST', url, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: body.toString() });
}
