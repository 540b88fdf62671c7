import { timingSafeEqual } from 'node:crypto';
import { DomainError } from '../../../platform/errors.ts';
import { sha256Hex } from '../../../platform/ids.ts';
import { VERIFICATION_TEXT } from './verification-strings.ts';

/**
 * Verified identity (验证身份) for public participation: a resident proves they hold an e-mail
 * address or a mainland mobile number with a six-digit code sent to it. Comments are then marked
 * 已验证 and limited per person as well as per address, and one-per-person surveys count sheets by
 * person (issue 12: "one answer per verified person", "rate limits per address and per verified
 * person").
 *
 * Nothing here keeps the contact: the person is known by a keyed hash of the normalised contact
 * (`personKeyOf`), the code by a keyed hash of the verification's id and the code (`codeHashOf`),
 * the network address by a keyed hash too. 《个人信息保护法》Art. 6: no more personal information
 * than the purpose needs.
 */
export type ContactChannel = 'email' | 'sms';

/** One code sent to a contact, as stored (migration 0028). */
export type ContactVerification = {
  id: string;
  channel: ContactChannel;
  /** Keyed hash of the normalised contact: who is verified when the code is right. */
  personKey: string;
  /** Keyed hash of the network address the code was asked from (the per-address limit). */
  addressKey: string;
  /** The contact as the code page shows it: `z***@example.cn`, `138****8000`. */
  maskedContact: string;
  codeHash: string;
  /** Codes entered so far, right or wrong. */
  tries: number;
  createdAt: string;
  expiresAt: string;
  verifiedAt: string | null;
};

/** The rules of codes and of the proof a right code gives. */
export const VERIFICATION_LIMITS = {
  /** A code is good this long after it was sent. */
  codeMinutes: 10,
  /** Codes one may enter for one sent code; the fifth wrong one burns it. */
  tries: 5,
  /** No second code to one contact sooner than this. */
  resendSeconds: 60,
  perContactPerHour: 5,
  /**
   * Per network address more than per contact: a whole office or a mobile carrier's NAT may share
   * one address, while one person rarely needs more than a few codes an hour.
   */
  perAddressPerHour: 20,
  /** How long the proof (the signed cookie) holds after a right code. */
  verifiedHours: 24,
} as const;

const CODE = /^\d{6}$/;

/** Which channel a typed contact is meant for: an address with `@` (or full-width `＠`) is e-mail, else a mobile. */
export function channelOfContact(input: string): ContactChannel {
  return /[@＠]/.test(input) ? 'email' : 'sms';
}

/** The person key: a keyed hash of the normalised contact, the same whichever device verifies it. */
export function personKeyOf(secret: string, normalisedContact: string): string {
  return sha256Hex(`participation-person\u0000${secret}\u0000${normalisedContact}`).slice(0, 32);
}

/** A keyed hash of one verification's code, bound to its id (the same code elsewhere hashes differently). */
export function codeHashOf(secret: string, verificationId: string, code: string): string {
  return sha256Hex(`participation-code\u0000${secret}\u0000${verificationId}\u0000${code}`);
}

/** A keyed hash of the network address asking for codes. */
export function verificationAddressKeyOf(secret: string, ip: string): string {
  return sha256Hex(`participation-verify-address\u0000${secret}\u0000${ip}`).slice(0, 32);
}

/** What the stored sends say about one contact and one address lately. */
export type RecentSends = {
  /** When the last code to this contact was sent; null when none in the last hour. */
  lastToContactAt: string | null;
  toContactLastHour: number;
  fromAddressLastHour: number;
};

/**
 * Refuses another code past the limits: one a minute and five an hour per contact, twenty an hour
 * per network address, so a form cannot be used to flood somebody's mailbox or phone.
 * @throws DomainError `rate_limited`, saying how long to wait.
 */
export function checkResend(recent: RecentSends, now: Date): void {
  if (recent.lastToContactAt !== null) {
    const waited = now.getTime() - Date.parse(recent.lastToContactAt);
    const interval = VERIFICATION_LIMITS.resendSeconds * 1000;
    if (waited < interval) {
      throw new DomainError('rate_limited', {
        message: VERIFICATION_TEXT.tooSoon(Math.max(1, Math.ceil((interval - waited) / 1000))),
      });
    }
  }
  if (recent.toContactLastHour >= VERIFICATION_LIMITS.perContactPerHour) {
    throw new DomainError('rate_limited', {
      message: VERIFICATION_TEXT.contactHourly(VERIFICATION_LIMITS.perContactPerHour),
    });
  }
  if (recent.fromAddressLastHour >= VERIFICATION_LIMITS.perAddressPerHour) {
    throw new DomainError('rate_limited', {
      message: VERIFICATION_TEXT.addressHourly(VERIFICATION_LIMITS.perAddressPerHour),
    });
  }
}

/** A new verification for a contact whose code was just drawn; the caller stores it and sends the code. */
export function newVerification(options: {
  id: string;
  secret: string;
  channel: ContactChannel;
  personKey: string;
  addressKey: string;
  maskedContact: string;
  code: string;
  now: Date;
}): ContactVerification {
  return {
    id: options.id,
    channel: options.channel,
    personKey: options.personKey,
    addressKey: options.addressKey,
    maskedContact: options.maskedContact,
    codeHash: codeHashOf(options.secret, options.id, options.code),
    tries: 0,
    createdAt: options.now.toISOString(),
    expiresAt: new Date(options.now.getTime() + VERIFICATION_LIMITS.codeMinutes * 60_000).toISOString(),
    verifiedAt: null,
  };
}

/** What entering a code does. `wrong` counts a try; `burned` is the try that used the last one up. */
export type CodeOutcome =
  | { kind: 'verified' }
  | { kind: 'wrong'; triesLeft: number }
  | { kind: 'burned' }
  | { kind: 'expired' }
  | { kind: 'used' };

/**
 * What entering `given` at `now` does to a verification: a used, burned or expired code stays so
 * whatever is entered (a right code after five wrong ones proves nothing); a right code verifies;
 * a wrong one counts a try, and the fifth wrong one burns the code.
 * @throws DomainError `validation_failed` (field `code`) when `given` is not six digits; no try is counted.
 */
export function codeOutcome(
  verification: Pick<ContactVerification, 'id' | 'codeHash' | 'tries' | 'expiresAt' | 'verifiedAt'>,
  given: string,
  secret: string,
  now: Date,
): CodeOutcome {
  const code = given.replace(/[\s\u3000]+/g, '').replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10));
  if (!CODE.test(code)) {
    throw new DomainError('validation_failed', {
      fields: [{ field: 'code', message: VERIFICATION_TEXT.codeRequired }],
    });
  }
  if (verification.verifiedAt !== null) return { kind: 'used' };
  if (verification.tries >= VERIFICATION_LIMITS.tries) return { kind: 'burned' };
  if (now.getTime() >= Date.parse(verification.expiresAt)) return { kind: 'expired' };
  const expected = Buffer.from(verification.codeHash);
  const actual = Buffer.from(codeHashOf(secret, verification.id, code));
  if (expected.length === actual.length && timingSafeEqual(expected, actual)) return { kind: 'verified' };
  const triesLeft = VERIFICATION_LIMITS.tries - (verification.tries + 1);
  return triesLeft <= 0 ? { kind: 'burned' } : { kind: 'wrong', triesLeft };
}

/**
 * The error a code that did not verify is answered with.
 * @returns `validation_failed` beside the code field for a wrong code (the form is tried again);
 *   `invalid_transition` for a code that can no longer verify (a new one is needed).
 */
export function codeRefusal(outcome: Exclude<CodeOutcome, { kind: 'verified' }>): DomainError {
  switch (outcome.kind) {
    case 'wrong':
      return new DomainError('validation_failed', {
        fields: [{ field: 'code', message: VERIFICATION_TEXT.codeWrong(outcome.triesLeft) }],
        details: { outcome: outcome.kind },
      });
    case 'burned':
      return new DomainError('invalid_transition', {
        message: VERIFICATION_TEXT.codeBurned,
        details: { outcome: outcome.kind },
      });
    case 'expired':
      return new DomainError('invalid_transition', {
        message: VERIFICATION_TEXT.codeExpired,
        details: { outcome: outcome.kind },
      });
    case 'used':
      return new DomainError('invalid_transition', {
        message: VERIFICATION_TEXT.codeUsed,
        details: { outcome: outcome.kind },
      });
    default: {
      const unknown: never = outcome;
      throw new Error(`unknown code outcome ${String((unknown as { kind: unknown }).kind)}`);
    }
  }
}

/** When the proof of a verification made at `now` runs out. */
export function verifiedUntil(now: Date): Date {
  return new Date(now.getTime() + VERIFICATION_LIMITS.verifiedHours * 3_600_000);
}
