/** A browser-like client over app.inject(): keeps cookies, reads CSRF tokens from forms, signs in. */
import type { FastifyInstance, InjectOptions } from 'fastify';

type InjectResponse = Awaited<ReturnType<FastifyInstance['inject']>>;

export class Agent {
  private cookies = new Map<string, string>();

  constructor(private readonly app: FastifyInstance, private readonly ip = '127.0.0.1') {}

  async request(options: InjectOptions & { url: string }): Promise<InjectResponse> {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const response = await this.app.inject({
      remoteAddress: this.ip,
      ...options,
      headers: { ...(cookie ? { cookie } : {}), ...(options.headers ?? {}) },
    });
    for (const c of response.cookies) {
      if (c.value === '' || (c.expires && c.expires.getTime() < Date.now())) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    return response;
  }

  get(url: string) {
    return this.request({ method: 'GET', url });
  }

  /** Posts a form like a browser: urlencoded, with the fields given (pass `_csrf` yourself, or use submit()). */
  post(url: string, form: Record<string, string>) {
    return this.request({
      method: 'POST',
      url,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams(form).toString(),
    });
  }

  /** Loads the page with the form, then posts it with the page's CSRF token. */
  async submit(pageUrl: string, actionUrl: string, form: Record<string, string>) {
    const page = await this.get(pageUrl);
    return this.post(actionUrl, { _csrf: csrfTokenOf(page.body), ...form });
  }

  async signIn(email: string, password: string) {
    return this.submit('/admin/prihlaseni', '/admin/prihlaseni', { email, password });
  }

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  useCookies(header: string) {
    for (const part of header.split('; ').filter(Boolean)) {
      const [name, ...value] = part.split('=');
      this.cookies.set(name!, value.join('='));
    }
  }
}

export function csrfTokenOf(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match) throw new Error('no CSRF token in the page');
  return match[1]!;
}
