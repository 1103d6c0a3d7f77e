/** A statement file of any supported format: told apart by its content (not its name) and read into movements. */
import { StatementError, type BankMovement, type StatementFormat } from './bank-movement.js';
import { parseCamt053 } from './camt053.js';
import { parseFioStatement } from './fio-json.js';
import { parseGpc } from './gpc.js';

/** Statements are small (a month of a shop's account is well under a megabyte); anything bigger is not one. */
export const MAX_STATEMENT_BYTES = 10 * 1024 * 1024;

export function detectFormat(bytes: Uint8Array): StatementFormat | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 512)).replace(/^\uFEFF|^ï»¿/, '').trimStart();
  if (head.startsWith('074')) return 'gpc';
  if (head.startsWith('<') && /camt\.053/.test(head + new TextDecoder('latin1').decode(bytes.subarray(512, 2048)))) return 'camt053';
  if (head.startsWith('{') && head.includes('accountStatement')) return 'fio-json';
  return null;
}

export function parseStatement(bytes: Uint8Array): { format: StatementFormat; movements: BankMovement[] } {
  if (bytes.length === 0) throw new StatementError('the file is empty');
  if (bytes.length > MAX_STATEMENT_BYTES) throw new StatementError('the file is larger than 10 MB');
  const format = detectFormat(bytes);
  if (!format) throw new StatementError('not a GPC/ABO, camt.053 or Fio JSON statement');
  if (format === 'gpc') return { format, movements: parseGpc(bytes) };
  const text = new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
  if (format === 'camt053') return { format, movements: parseCamt053(text) };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new StatementError('Fio JSON: not valid JSON');
  }
  return { format, movements: parseFioStatement(json) };
}
