/** Bank statements written for a test, in the three formats the shop reads (fixed-width GPC, camt.053 XML, Fio JSON). */
import { fioStatement, type FioMovement } from './fake-fio.js';

export type TestMovement = { id: string; amount: number; vs?: string; message?: string; currency?: string; day?: string };

const pad = (value: string | number, width: number, right = true, fill = '0') => (right ? String(value).padStart(width, fill) : String(value).padEnd(width, fill)).slice(0, width);

/** GPC/ABO in Windows-1250: a 074 header and a 075 record (plus a 078 message) per movement; haléře, DDMMYY. */
export function gpcStatement(movements: TestMovement[], account = '2000145399'): Buffer {
  const date = '020326';
  const lines = [`074${pad(account, 16)}${pad('Čajovna', 20, false, ' ')}${date}${pad(0, 14)}+${pad(0, 14)}+${pad(0, 14)}0${pad(0, 14)}0001${date}${' '.repeat(14)}`];
  for (const m of movements) {
    const code = m.amount >= 0 ? '2' : '1';
    lines.push(`075${pad(account, 16)}${pad('192000000123', 16)}${pad(m.id, 13)}${pad(Math.abs(m.amount), 12)}${code}${pad(m.vs ?? '', 10)}00080003080000000000${date}${pad('Jana Nováková', 20, false, ' ')}01101${date}`);
    if (m.message) lines.push(`078${pad(m.message, 35, false, ' ')}${' '.repeat(35)}`);
  }
  return encode1250(lines.join('\r\n') + '\r\n');
}

// Node has no Windows-1250 encoder; the few Czech letters tests use are mapped by hand.
const CP1250: Record<string, number> = { Č: 0xc8, č: 0xe8, Š: 0x8a, š: 0x9a, Ž: 0x8e, ž: 0x9e, á: 0xe1, é: 0xe9, í: 0xed, ó: 0xf3, ú: 0xfa, ů: 0xf9, ý: 0xfd, ě: 0xec, ř: 0xf8, Ř: 0xd8, ň: 0xf2, ť: 0x9d, ď: 0xef };
function encode1250(text: string): Buffer {
  return Buffer.from([...text].map((c) => CP1250[c] ?? (c.charCodeAt(0) < 128 ? c.charCodeAt(0) : 0x3f)));
}

const money = (minor: number) => `${Math.floor(Math.abs(minor) / 100)}.${pad(Math.abs(minor) % 100, 2)}`;
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** camt.053.001.02 as a Czech bank sends it: the symbol in the end-to-end id (`/VS/…`), the message in Ustrd. */
export function camtStatement(movements: TestMovement[], iban = 'CZ6508000000192000145399'): Buffer {
  const entries = movements
    .map(
      (m) => `<Ntry><Amt Ccy="${m.currency ?? 'CZK'}">${money(m.amount)}</Amt><CdtDbtInd>${m.amount >= 0 ? 'CRDT' : 'DBIT'}</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>${m.day ?? '2026-03-02'}</Dt></BookgDt><ValDt><Dt>${m.day ?? '2026-03-02'}</Dt></ValDt><AcctSvcrRef>${m.id}</AcctSvcrRef><BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>DMCT</SubFmlyCd></Fmly></Domn></BkTxCd><NtryDtls><TxDtls><Refs><EndToEndId>${m.vs ? `/VS/${m.vs}/SS//KS/0308` : 'NOTPROVIDED'}</EndToEndId></Refs><RltdPties><Dbtr><Nm>Jana Nováková</Nm></Dbtr></RltdPties>${m.message ? `<RmtInf><Ustrd>${esc(m.message)}</Ustrd></RmtInf>` : ''}</TxDtls></NtryDtls></Ntry>`,
    )
    .join('');
  return Buffer.from(
    `<?xml version="1.0" encoding="UTF-8"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><GrpHdr><MsgId>T1</MsgId><CreDtTm>2026-03-03T06:00:00+01:00</CreDtTm></GrpHdr><Stmt><Id>S1</Id><CreDtTm>2026-03-03T06:00:00+01:00</CreDtTm><Acct><Id><IBAN>${iban}</IBAN></Id></Acct>${entries}</Stmt></BkToCstmrStmt></Document>`,
  );
}

/** Fio's JSON statement (what the API and its "JSON" export give). */
export function fioJsonStatement(movements: TestMovement[]): Buffer {
  const fio: FioMovement[] = movements.map((m) => ({ id: Number(m.id), day: m.day ?? '2026-03-02', amount: m.amount / 100, vs: m.vs, message: m.message, currency: m.currency }));
  return Buffer.from(JSON.stringify(fioStatement(fio)));
}
