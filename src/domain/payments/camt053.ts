/**
 * ISO 20022 camt.053 (BankToCustomerStatement, 001.02 as Czech banks send it): each booked `Ntry` is one movement —
 * `Amt` with its currency, `CdtDbtInd` CRDT/DBIT (a reversal turns it round), `BookgDt`, the bank's reference
 * `AcctSvcrRef`; the details hold the variable symbol (in the creditor reference or the end-to-end id, written
 * `VS:123`, `/VS/123/…` or as bare digits), the message (`RmtInf/Ustrd`) and the payer.
 */
import { XMLParser } from 'fast-xml-parser';
import { StatementError, decimalToMinor, normalizeSymbol, oneLine, type BankMovement } from './bank-movement.js';

type Node = Record<string, unknown>;
const LISTS = new Set(['Stmt', 'Ntry', 'NtryDtls', 'TxDtls', 'Ustrd', 'Bal']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  // A statement never needs entities beyond XML's own: no DOCTYPE expansion (billion laughs).
  processEntities: false,
  isArray: (name) => LISTS.has(name),
});

const node = (value: unknown): Node => (typeof value === 'object' && value !== null ? (value as Node) : {});
const list = (value: unknown): Node[] => (Array.isArray(value) ? value.map(node) : []);
const text = (value: unknown): string => (typeof value === 'string' ? value : typeof value === 'object' && value !== null && typeof (value as Node)['#text'] === 'string' ? ((value as Node)['#text'] as string) : '');
const path = (start: unknown, ...keys: string[]): unknown => keys.reduce<unknown>((at, key) => node(at)[key], start);

/** `VS:2026000001`, `/VS/2026000001/SS/…`, `VS2026000001` or bare digits → the variable symbol. */
export function symbolFromReference(reference: string): string {
  const marked = /VS[:/\s]*0*(\d{1,10})(?!\d)/i.exec(reference);
  if (marked) return normalizeSymbol(marked[1]!);
  return normalizeSymbol(reference);
}

function accountOf(acct: unknown): string {
  return text(path(acct, 'Id', 'IBAN')) || text(path(acct, 'Id', 'Othr', 'Id'));
}

export function parseCamt053(xml: string): BankMovement[] {
  let doc: Node;
  try {
    doc = node(parser.parse(xml, true));
  } catch (error) {
    throw new StatementError(`camt.053: not well-formed XML (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`);
  }
  const statements = list(path(doc, 'Document', 'BkToCstmrStmt', 'Stmt'));
  if (!('GrpHdr' in node(path(doc, 'Document', 'BkToCstmrStmt')))) throw new StatementError('camt.053: no Document/BkToCstmrStmt in the file');
  const movements: BankMovement[] = [];
  for (const statement of statements) {
    const account = accountOf(statement.Acct);
    list(statement.Ntry).forEach((entry, index) => {
      const status = text(entry.Sts) || text(path(entry, 'Sts', 'Cd'));
      if (status && status !== 'BOOK') return; // pending or informational entries are not money yet
      const where = `camt.053 entry ${index + 1}`;
      const amount = decimalToMinor(text(entry.Amt));
      const currency = String(node(entry.Amt)['@Ccy'] ?? '');
      const direction = text(entry.CdtDbtInd);
      if (amount === null || !/^[A-Z]{3}$/.test(currency) || (direction !== 'CRDT' && direction !== 'DBIT')) throw new StatementError(`${where}: bad amount, currency or CdtDbtInd`);
      const reversal = text(entry.RvslInd) === 'true';
      const incoming = (direction === 'CRDT') !== reversal;
      const booked = (text(path(entry, 'BookgDt', 'Dt')) || text(path(entry, 'BookgDt', 'DtTm'))).slice(0, 10);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(booked)) throw new StatementError(`${where}: no booking date`);
      const details = list(list(entry.NtryDtls)[0]?.TxDtls)[0] ?? {};
      const bankId = text(entry.AcctSvcrRef) || text(entry.NtryRef) || text(path(details, 'Refs', 'AcctSvcrRef'));
      if (!bankId) throw new StatementError(`${where}: no AcctSvcrRef or NtryRef to tell the movement by`);
      const references = [text(path(details, 'RmtInf', 'Strd', 'CdtrRefInf', 'Ref')), text(path(details, 'Refs', 'EndToEndId')), text(path(details, 'Refs', 'InstrId'))];
      const symbol = references.map(symbolFromReference).find((s) => s !== '') ?? '';
      const party = incoming ? 'Dbtr' : 'Cdtr';
      const unstructured = path(details, 'RmtInf', 'Ustrd');
      movements.push({
        bankId,
        account,
        bookedOn: booked,
        amount: incoming ? Math.abs(amount) : -Math.abs(amount),
        currency,
        variableSymbol: symbol,
        message: oneLine(Array.isArray(unstructured) && unstructured.length ? unstructured.map(text).join(' ') : text(entry.AddtlNtryInf)),
        counterparty: oneLine(`${accountOf(path(details, 'RltdPties', `${party}Acct`))} ${text(path(details, 'RltdPties', party, 'Nm'))}`),
      });
    });
  }
  return movements;
}
