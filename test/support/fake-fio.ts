/**
 * A faithful stand-in for Fio banka's REST API on a loopback port: `GET /v1/rest/last/{token}/transactions.json`
 * (the movements after the bank's bookmark, which it then moves), `/set-last-id/{token}/{id}/`,
 * `/periods/{token}/{from}/{to}/transactions.json`, the JSON shape of the real API, HTTP 409 for a second call
 * within 30 s, HTTP 500 for an unknown token. Its clock is the test's.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type FioMovement = { id: number; day: string; amount: number; vs?: string; message?: string; currency?: string; counterAccount?: string; bank?: string; name?: string };

const column = (id: number, name: string, value: unknown) => (value === undefined || value === null || value === '' ? null : { value, name, id });

export function fioTransaction(m: FioMovement) {
  return {
    column22: column(22, 'ID pohybu', m.id),
    column0: column(0, 'Datum', `${m.day}+0100`),
    column1: column(1, 'Objem', m.amount),
    column14: column(14, 'Měna', m.currency ?? 'CZK'),
    column2: column(2, 'Protiúčet', m.counterAccount ?? '19-2000000123'),
    column10: column(10, 'Název protiúčtu', m.name ?? 'Jana Nováková'),
    column3: column(3, 'Kód banky', m.bank ?? '0800'),
    column12: null,
    column4: null,
    column5: column(5, 'VS', m.vs),
    column6: null,
    column7: null,
    column16: column(16, 'Zpráva pro příjemce', m.message),
    column8: column(8, 'Typ', m.amount > 0 ? 'Bezhotovostní příjem' : 'Platba převodem uvnitř banky'),
    column9: null,
    column18: null,
    column25: null,
    column26: null,
    column17: column(17, 'ID pokynu', m.id + 2_000_000_000),
  };
}

export function fioStatement(movements: FioMovement[], account = '2000145399') {
  return {
    accountStatement: {
      info: { accountId: account, bankId: '2010', currency: 'CZK', iban: `CZ65201000000${account}`, bic: 'FIOBCZPPXXX', openingBalance: 0, closingBalance: 0, dateStart: null, dateEnd: null, yearList: null, idList: null, idFrom: movements[0]?.id ?? null, idTo: movements.at(-1)?.id ?? null, idLastDownload: null },
      transactionList: { transaction: movements.map(fioTransaction) },
    },
  };
}

export type FakeFio = { url: string; movements: FioMovement[]; calls: string[]; bookmark(): number; close(): Promise<void> };

export async function startFakeFio(options: { token: string; now: () => number }): Promise<FakeFio> {
  const movements: FioMovement[] = [];
  const calls: string[] = [];
  let bookmark = 0;
  let lastCall = -Infinity;
  const server: Server = createServer((request, response) => {
    const url = request.url ?? '';
    calls.push(url);
    const send = (status: number, body = '') => {
      response.writeHead(status, { 'content-type': status === 200 && body ? 'application/json;charset=UTF-8' : 'text/plain' });
      response.end(body);
    };
    const match = /^\/v1\/rest\/(last|set-last-id|periods)\/([^/]+)\/(.*)$/.exec(url);
    if (request.method !== 'GET' || !match) return send(404);
    const [, kind, token, rest] = match;
    if (token !== options.token) return send(500);
    // The bank serves one call per token per 30 s; another within that is refused.
    if (options.now() - lastCall < 30_000) return send(409);
    lastCall = options.now();
    if (kind === 'set-last-id') {
      const id = /^(\d+)\/$/.exec(rest!)?.[1];
      if (!id) return send(400);
      bookmark = Number(id);
      return send(200);
    }
    if (kind === 'last' && rest === 'transactions.json') {
      const fresh = movements.filter((m) => m.id > bookmark);
      if (fresh.length) bookmark = Math.max(...fresh.map((m) => m.id));
      return send(200, JSON.stringify(fioStatement(fresh)));
    }
    const period = /^(\d{4}-\d{2}-\d{2})\/(\d{4}-\d{2}-\d{2})\/transactions\.json$/.exec(rest!);
    if (kind === 'periods' && period) return send(200, JSON.stringify(fioStatement(movements.filter((m) => m.day >= period[1]! && m.day <= period[2]!))));
    return send(404);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, movements, calls, bookmark: () => bookmark, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
