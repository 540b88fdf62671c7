/**
 * Personal data that must not slip into published government information (条例 Art. 15: personal
 * privacy is not disclosed): 18-digit resident identity numbers (GB 11643-1999, checksum checked),
 * mainland mobile numbers, and bank-card numbers (16–19 digits passing the Luhn check).
 */
export type PersonalDataKind = 'id_card' | 'mobile' | 'bank_card';

export type PersonalDataFinding = { kind: PersonalDataKind; masked: string; where: 'title' | 'body' };

import { isValidIdCardNumber } from '../../../platform/identifiers.ts';

export { isValidIdCardNumber };

export const PERSONAL_DATA_LABELS: Record<PersonalDataKind, string> = {
  id_card: '身份证号',
  mobile: '手机号',
  bank_card: '银行卡号',
};

/** True when the digits pass the Luhn (mod 10) check that bank cards carry. */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = Number(digits[i]);
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

/**
 * Finds personal data in plain text. Runs of digits are judged whole, never by their parts. The text
 * is first folded with NFKC, so full-width digits (１３８…) and no-break spaces are caught too.
 */
export function findPersonalData(input: string, where: 'title' | 'body'): PersonalDataFinding[] {
  const text = input.normalize('NFKC');
  const findings: PersonalDataFinding[] = [];
  const seen = new Set<string>();
  const add = (kind: PersonalDataKind, digits: string): void => {
    if (seen.has(digits)) return;
    seen.add(digits);
    findings.push({ kind, masked: mask(digits), where });
  };
  // Unbroken runs of digits (an identity number may end in X); not the decimals of a number.
  for (const match of text.matchAll(/(?<![\dA-Za-z.])\d{11,19}[Xx]?(?![\dA-Za-z])/g)) {
    const digits = match[0];
    if (digits.length === 18 && isValidIdCardNumber(digits)) add('id_card', digits);
    else if (/^1[3-9]\d{9}$/.test(digits)) add('mobile', digits);
    // A mobile number with the country code: 8613800138000 (the + is outside the run).
    else if (/^861[3-9]\d{9}$/.test(digits)) add('mobile', digits.slice(2));
    else if (/^\d{16,19}$/.test(digits) && passesLuhn(digits)) add('bank_card', digits);
  }
  // Bank cards written in groups of four: "6222 0210 0112 3456 789".
  for (const match of text.matchAll(/(?<!\d)\d{4}(?:[ -]\d{4}){3}(?:[ -]\d{1,3})?(?!\d)/g)) {
    const digits = match[0].replace(/[ -]/g, '');
    if (digits.length >= 16 && passesLuhn(digits)) add('bank_card', digits);
  }
  // Mobile numbers written in groups: "138 0013 8000", "138-0013-8000".
  for (const match of text.matchAll(/(?<!\d)1[3-9]\d[ -]\d{4}[ -]\d{4}(?!\d)/g)) {
    add('mobile', match[0].replace(/[ -]/g, ''));
  }
  return findings;
}

/** Strips HTML tags and decodes the common entities, for scanning rich text. */
export function htmlToPlainText(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

function mask(value: string): string {
  return `${value.slice(0, 3)}${'*'.repeat(Math.max(0, value.length - 7))}${value.slice(-4)}`;
}
