/** Fio banka's REST API (read-only token): the movements since the bank's bookmark, and moving the bookmark. */
import { FioApiError, type FioApi } from '../../services/payments/ports.js';

export function fioHttpApi(options: { baseUrl: string; timeoutMs: number }): FioApi {
  const get = async (path: string) => {
    let response: Response;
    try {
      response = await fetch(`${options.baseUrl}${path}`, { signal: AbortSignal.timeout(options.timeoutMs), redirect: 'error' });
    } catch (error) {
      throw new FioApiError(null, `cannot reach Fio banka (${error instanceof Error ? error.name : String(error)})`);
    }
    if (response.status === 409) throw new FioApiError(409, 'Fio banka allows one call per 30 seconds');
    if (!response.ok) throw new FioApiError(response.status, `Fio banka answered HTTP ${response.status}${response.status === 500 ? ' (a wrong or expired token?)' : ''}`);
    return response;
  };
  const token = (t: string) => encodeURIComponent(t);
  return {
    async last(t) {
      const response = await get(`/last/${token(t)}/transactions.json`);
      try {
        return await response.json();
      } catch {
        throw new FioApiError(response.status, 'Fio banka sent no JSON');
      }
    },
    async setLastId(t, id) {
      await (await get(`/set-last-id/${token(t)}/${encodeURIComponent(id)}/`)).arrayBuffer();
    },
  };
}
