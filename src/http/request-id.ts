/** The request id of every log line: the load balancer's X-Request-Id when it is a sane token, otherwise a new UUID. */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

// Letters, digits and a few separators, bounded: a header cannot forge log structure or bloat every line.
const SAFE = /^[A-Za-z0-9._:-]{1,128}$/;

export function requestIdOf(request: IncomingMessage): string {
  const header = request.headers['x-request-id'];
  const value = Array.isArray(header) ? header[0] : header;
  return value && SAFE.test(value) ? value : randomUUID();
}
