/**
 * GPC / ABO, the Czech banks' fixed-width statement ("Gemini" format): a 074 record heads each statement (the account
 * and balances), each 075 record is one movement, 078/079 records carry the movement's message (AV fields). Lines are
 * 128 characters in Windows-1250; amounts are haléře without a decimal point; dates are DDMMYY.
 */
import { StatementError, normalizeSymbol, oneLine, type BankMovement } from './bank-movement.js';

// The accounting code of a 075 record: 1 debit, 2 credit, 4 reversal of a debit, 5 reversal of a credit.
const SIGN: Record<string, 1 | -1> = { '1': -1, '2': 1, '4': 1, '5': -1 };

/** DDMMYY → YYYY-MM-DD (GPC years are this century). */
function gpcDate(text: string, line: number): string {
  const m = /^(\d{2})(\d{2})(\d{2})$/.exec(text);
  const day = Number(m?.[1]);
  const month = Number(m?.[2]);
  if (!m || day < 1 || day > 31 || month < 1 || month > 12) throw new StatementError(`GPC line ${line}: bad date "${text}"`);
  return `20${m[3]}-${m[2]}-${m[1]}`;
}

/** The account as the bank writes it: 16 digits, prefix in the first six; shown as `prefix-number` without zeros. */
export function gpcAccount(text: string): string {
  const prefix = text.slice(0, 6).replace(/^0+/, '');
  const number = text.slice(6).replace(/^0+/, '');
  return prefix ? `${prefix}-${number}` : number;
}

/** Decodes the bytes (Windows-1250 unless they are valid UTF-8, which some banks send) and reads every movement. */
export function parseGpc(bytes: Uint8Array): BankMovement[] {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('windows-1250').decode(bytes);
  }
  return parseGpcText(text);
}

export function parseGpcText(text: string): BankMovement[] {
  const movements: BankMovement[] = [];
  let account: string | null = null;
  let last: BankMovement | null = null;
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '') return;
    const kind = raw.slice(0, 3);
    if (kind === '074') {
      if (raw.length < 114) throw new StatementError(`GPC line ${line}: a 074 header is ${raw.length} characters, 128 expected`);
      account = gpcAccount(raw.slice(3, 19));
      last = null;
      return;
    }
    if (kind === '075') {
      if (!account) throw new StatementError(`GPC line ${line}: a movement before any 074 header`);
      if (raw.length < 97) throw new StatementError(`GPC line ${line}: a 075 movement is ${raw.length} characters, 128 expected`);
      const amountText = raw.slice(48, 60);
      const sign = SIGN[raw[60]!];
      if (!/^\d{12}$/.test(amountText) || !sign) throw new StatementError(`GPC line ${line}: bad amount or accounting code`);
      const bankId = raw.slice(35, 48).trim().replace(/^0+(?=\d)/, '');
      if (!bankId) throw new StatementError(`GPC line ${line}: the movement has no transaction id`);
      const counterAccount = raw.slice(19, 35);
      const bankCode = raw.slice(73, 77);
      const name = oneLine(raw.slice(97, 117));
      last = {
        bankId,
        account,
        bookedOn: gpcDate(raw.slice(91, 97), line),
        amount: sign * Number(amountText),
        currency: 'CZK',
        variableSymbol: normalizeSymbol(raw.slice(61, 71)),
        message: '',
        counterparty: oneLine([/^0+$/.test(counterAccount) ? '' : `${gpcAccount(counterAccount)}${/^\d{4}$/.test(bankCode) && bankCode !== '0000' ? `/${bankCode}` : ''}`, name].join(' ')),
      };
      movements.push(last);
      return;
    }
    if (kind === '078' || kind === '079') {
      // The message for the payee (AV1–AV4, 35 characters each) belongs to the movement just before.
      if (last) last.message = oneLine(`${last.message} ${raw.slice(3, 38)} ${raw.slice(38, 73)}`);
      return;
    }
    // 076 (extra details some banks add) and anything newer: not needed for pairing.
  });
  if (!account) throw new StatementError('GPC: no 074 statement header found');
  return movements;
}
