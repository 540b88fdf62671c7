import { NOTIFICATION_TEXT } from '../strings.ts';

/** An address that was checked, or the message saying what is wrong with it. */
export type AddressResult = { ok: true; address: string } | { ok: false; message: string };

/** RFC 5321's limit on a path; longer addresses are not deliverable. */
const MAX_EMAIL_LENGTH = 254;
const EMAIL =
  /^[^\s@<>(),;:"[\]\\]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

/** An e-mail address as typed: trimmed (full-width ＠ and spaces too), the domain lower-cased. */
export function normaliseEmail(input: string): AddressResult {
  const typed = input.replace(/＠/g, '@').replace(/[\s\u3000]+/g, '');
  if (typed === '') return { ok: false, message: NOTIFICATION_TEXT.emailRequired };
  if (typed.length > MAX_EMAIL_LENGTH || !EMAIL.test(typed))
    return { ok: false, message: NOTIFICATION_TEXT.emailShape };
  const at = typed.lastIndexOf('@');
  // The local part is the receiving server's to interpret; nearly all treat it without case.
  return { ok: true, address: typed.toLowerCase().slice(0, at) + typed.slice(at).toLowerCase() };
}

/** A mainland mobile number: 11 digits starting with 1, with +86, spaces and dashes allowed around. */
export function normaliseMobile(input: string): AddressResult {
  const digits = input.replace(/[\s\u3000\-()（）]/g, '').replace(/^(?:\+86|0086)/, '');
  if (digits === '') return { ok: false, message: NOTIFICATION_TEXT.mobileRequired };
  if (!/^1[3-9]\d{9}$/.test(digits)) return { ok: false, message: NOTIFICATION_TEXT.mobileShape };
  return { ok: true, address: digits };
}

/** An address as shown to staff and on pages: enough to recognise, not enough to collect. */
export function maskAddress(channel: string, address: string): string {
  if (channel === 'sms') return `${address.slice(0, 3)}****${address.slice(-4)}`;
  if (channel === 'email') {
    const at = address.lastIndexOf('@');
    const local = address.slice(0, at);
    return `${local.slice(0, 1)}***@${address.slice(at + 1)}`;
  }
  try {
    return new URL(address).host;
  } catch {
    return '—';
  }
}
