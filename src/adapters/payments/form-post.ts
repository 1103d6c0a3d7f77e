/** A form-encoded POST with a deadline, answered by a form-encoded body (the Comgate protocol's way of talking). */
import { GatewayError } from '../../services/payments/ports.js';

export async function postForm(url: string, fields: Record<string, string>, timeoutMs: number): Promise<URLSearchParams> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'error',
    });
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
    throw new GatewayError('unavailable', timedOut ? `no answer within ${timeoutMs} ms` : `cannot reach the gateway (${error instanceof Error ? error.message : String(error)})`);
  }
  const text = await response.text().catch(() => '');
  if (!response.ok) throw new GatewayError('unavailable', `the gateway answered HTTP ${response.status}`);
  return new URLSearchParams(text);
}
