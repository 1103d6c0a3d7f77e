/** Posts JSON with Node's fetch, giving up after a timeout (the worker tries again later). */
import type { JsonPoster } from '../../services/marketing/ports.js';

export function fetchJsonPoster(timeoutMs = 10_000): JsonPoster {
  return {
    async post(url, body) {
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json; charset=utf-8', accept: 'application/json' }, body, signal: AbortSignal.timeout(timeoutMs) });
      return { status: response.status, text: await response.text() };
    },
  };
}
