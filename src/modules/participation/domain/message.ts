import { DomainError, type FieldIssue } from '../../../platform/errors.ts';
import { hasVisibleCharacters, stripInvisibleControls } from '../../../platform/text.ts';
import { MESSAGE_TEXT } from './message-strings.ts';

/**
 * A resident's message to a unit (政民互动 留言: 咨询, 建议, 投诉, 求助). The plan (§三.5) asks for a
 * mechanism that answers within a time limit; national inspection (国办秘函〔2019〕19号, 单项否决
 * 「互动回应差」) vetoes a site where a valid message stays unanswered over 3 months. The clock is
 * `message-clock.ts`; this file holds the message and what staff may do with it:
 *
 * - received: on the platform, waiting for the unit; the unit accepts it (受理), transfers it to
 *   the unit it concerns (转办, with a reason; the limit restarts for that unit), answers it, or
 *   declines it as not a valid message (不予受理: spam, abuse, matters for 信访 or the courts), with a
 *   reason the resident reads.
 * - accepted: the unit is working on it; it answers or transfers it.
 * - answered: the answer is final; the resident rates it once (满意, 基本满意, 不满意). It is public
 *   when the resident agreed when writing and the unit did not withhold it, the name masked.
 * - declined: closed with the reason, outside the statistics of valid messages.
 */
export const MESSAGE_KINDS = ['consult', 'suggest', 'complain', 'help'] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];
export const MESSAGE_KIND_LABELS: Record<MessageKind, string> = {
  consult: '咨询',
  suggest: '建议',
  complain: '投诉',
  help: '求助',
};

export const MESSAGE_STATES = ['received', 'accepted', 'answered', 'declined'] as const;
export type MessageState = (typeof MESSAGE_STATES)[number];
export const MESSAGE_STATE_LABELS: Record<MessageState, string> = {
  received: '待受理',
  accepted: '办理中',
  answered: '已答复',
  declined: '不予受理',
};

export const RATINGS = ['satisfied', 'fair', 'unsatisfied'] as const;
export type Rating = (typeof RATINGS)[number];
export const RATING_LABELS: Record<Rating, string> = { satisfied: '满意', fair: '基本满意', unsatisfied: '不满意' };

export const MESSAGE_LIMITS = {
  title: 100,
  body: 3000,
  name: 30,
  contact: 100,
  answer: 5000,
  reason: 1000,
  /** Messages one network address may send: per hour and per day. */
  perHour: 3,
  perDay: 10,
} as const;

/** One transfer (转办): from which unit to which, why, and when (YYYY-MM-DD, China time). */
export type MessageTransfer = { fromOrgId: string; toOrgId: string; reason: string; on: string; by: string };

export type Message = {
  id: string;
  /** What the resident quotes: LY-XXXXX-XXXXX. */
  trackingCode: string;
  /** The unit answering it now (after a transfer, the receiving unit). */
  orgId: string;
  kind: MessageKind;
  title: string;
  body: string;
  /** The name the resident gave; shown masked when the answer is public. */
  name: string;
  /** A phone number or e-mail address for the unit to reach the resident, sealed at rest; never public. */
  contactSealed: string;
  /** The resident agreed that the message and its answer be published (name masked). */
  publicConsent: boolean;
  state: MessageState;
  /** The day the platform received it (China time). */
  receivedOn: string;
  acceptedOn: string | null;
  /** The latest transfer's day; the answer limit runs from it. */
  transferredOn: string | null;
  transfers: MessageTransfer[];
  answer: string;
  answeredOn: string | null;
  answeredBy: string;
  /** The reason given to the resident when declined. */
  declineReason: string;
  /** Public on the site: consent given and the unit did not withhold it. */
  published: boolean;
  rating: Rating | null;
  ratingComment: string;
  /** A keyed hash of the sender's network address, for the limits; the address is not kept. */
  senderKey: string;
  createdAt: string;
  updatedAt: string;
};

export type MessageInput = {
  orgId: string;
  kind: string;
  title: string;
  body: string;
  name: string;
  contact: string;
  publicConsent: boolean;
};

const clean = (text: string) => stripInvisibleControls(text).replace(/\r\n?/g, '\n').trim();
const oneLine = (text: string) => stripInvisibleControls(text).replace(/\s+/g, ' ').trim();

/** A phone number (mobile or fixed, digits and dashes) or an e-mail address. */
const CONTACT = /^(?:1[3-9]\d{9}|0\d{2,3}-?\d{7,8}|[^\s@]{1,64}@[^\s@]+\.[^\s@]{2,})$/;

/** Cleans and checks what a resident wrote; throws `validation_failed` with every field at fault. */
export function checkMessageInput(input: MessageInput): Omit<MessageInput, 'kind'> & { kind: MessageKind } {
  const out = {
    orgId: input.orgId,
    kind: input.kind as MessageKind,
    title: oneLine(input.title),
    body: clean(input.body),
    name: oneLine(input.name),
    contact: oneLine(input.contact).replace(/\s/g, ''),
    publicConsent: input.publicConsent,
  };
  const issues: FieldIssue[] = [];
  const L = MESSAGE_LIMITS;
  if (!(MESSAGE_KINDS as readonly string[]).includes(input.kind))
    issues.push({ field: 'kind', message: MESSAGE_TEXT.kindRequired });
  if (out.orgId === '') issues.push({ field: 'orgId', message: MESSAGE_TEXT.orgRequired });
  if (!hasVisibleCharacters(out.title)) issues.push({ field: 'title', message: MESSAGE_TEXT.titleRequired });
  else if (out.title.length > L.title)
    issues.push({
      field: 'title',
      message: MESSAGE_TEXT.tooLong(MESSAGE_TEXT.fieldNames.title, L.title, out.title.length),
    });
  if (!hasVisibleCharacters(out.body)) issues.push({ field: 'body', message: MESSAGE_TEXT.bodyRequired });
  else if (out.body.length > L.body)
    issues.push({
      field: 'body',
      message: MESSAGE_TEXT.tooLong(MESSAGE_TEXT.fieldNames.body, L.body, out.body.length),
    });
  if (!hasVisibleCharacters(out.name)) issues.push({ field: 'name', message: MESSAGE_TEXT.nameRequired });
  else if (out.name.length > L.name)
    issues.push({
      field: 'name',
      message: MESSAGE_TEXT.tooLong(MESSAGE_TEXT.fieldNames.name, L.name, out.name.length),
    });
  if (out.contact === '') issues.push({ field: 'contact', message: MESSAGE_TEXT.contactRequired });
  else if (out.contact.length > L.contact || !CONTACT.test(out.contact)) {
    issues.push({ field: 'contact', message: MESSAGE_TEXT.contactInvalid });
  }
  if (issues.length > 0) throw new DomainError('validation_failed', { fields: issues });
  return out;
}

/** Refuses a message past the limits per address; what was typed is shown again with the message. */
export function checkMessageRate(recent: { lastHour: number; today: number }): void {
  if (recent.lastHour >= MESSAGE_LIMITS.perHour)
    throw new DomainError('rate_limited', { message: MESSAGE_TEXT.tooFast });
  if (recent.today >= MESSAGE_LIMITS.perDay)
    throw new DomainError('rate_limited', { message: MESSAGE_TEXT.tooManyToday });
}

export type MessageAction = 'accept' | 'transfer' | 'answer' | 'decline';

/** What staff may do with a message in its state. */
export function allowedMessageActions(state: MessageState): MessageAction[] {
  switch (state) {
    case 'received':
      return ['accept', 'transfer', 'answer', 'decline'];
    case 'accepted':
      return ['transfer', 'answer'];
    case 'answered':
    case 'declined':
      return [];
  }
}

export function requireMessageAction(message: Message, action: MessageAction): void {
  if (!allowedMessageActions(message.state).includes(action)) {
    throw new DomainError('invalid_transition', {
      message: MESSAGE_TEXT.actionNotAllowed(MESSAGE_STATE_LABELS[message.state]),
    });
  }
}

/** A reason staff must give (transfer, decline): present and not too long. */
export function checkReason(reason: string, field = 'reason'): string {
  const text = clean(reason);
  if (!hasVisibleCharacters(text))
    throw new DomainError('validation_failed', { fields: [{ field, message: MESSAGE_TEXT.reasonRequired }] });
  if (text.length > MESSAGE_LIMITS.reason) {
    throw new DomainError('validation_failed', {
      fields: [
        { field, message: MESSAGE_TEXT.tooLong(MESSAGE_TEXT.fieldNames.reason, MESSAGE_LIMITS.reason, text.length) },
      ],
    });
  }
  return text;
}

export function checkAnswer(answer: string): string {
  const text = clean(answer);
  if (!hasVisibleCharacters(text))
    throw new DomainError('validation_failed', { fields: [{ field: 'answer', message: MESSAGE_TEXT.answerRequired }] });
  if (text.length > MESSAGE_LIMITS.answer) {
    throw new DomainError('validation_failed', {
      fields: [
        {
          field: 'answer',
          message: MESSAGE_TEXT.tooLong(MESSAGE_TEXT.fieldNames.answer, MESSAGE_LIMITS.answer, text.length),
        },
      ],
    });
  }
  return text;
}

/** A resident rates an answer once. */
export function rateMessage(message: Message, rating: Rating, comment: string, at: string): Message {
  if (message.state !== 'answered')
    throw new DomainError('invalid_transition', { message: MESSAGE_TEXT.rateNotAnswered });
  if (message.rating !== null) throw new DomainError('conflict', { message: MESSAGE_TEXT.alreadyRated });
  const text = clean(comment);
  if (text.length > MESSAGE_LIMITS.reason) {
    throw new DomainError('validation_failed', {
      fields: [
        {
          field: 'ratingComment',
          message: MESSAGE_TEXT.tooLong(MESSAGE_TEXT.fieldNames.ratingComment, MESSAGE_LIMITS.reason, text.length),
        },
      ],
    });
  }
  return { ...message, rating, ratingComment: text, updatedAt: at };
}

const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/**
 * A tracking code from 10 random bytes: the prefix and ten characters without look-alikes, ≈ 49
 * bits (messages LY-, meeting registrations TZ-).
 */
export function trackingCodeFrom(prefix: string, bytes: Uint8Array): string {
  if (bytes.length < 10) throw new RangeError('a tracking code needs 10 random bytes');
  let chars = '';
  for (let i = 0; i < 10; i++) chars += CODE_ALPHABET[bytes[i]! % CODE_ALPHABET.length];
  return `${prefix}-${chars.slice(0, 5)}-${chars.slice(5)}`;
}

/** A tracking code as typed: upper case, without spaces, the dashes put back. */
export function normaliseTrackingCode(prefix: string, typed: string): string {
  const chars = typed.toUpperCase().replace(/[^0-9A-Z]/g, '');
  const body = chars.startsWith(prefix) ? chars.slice(prefix.length) : chars;
  return body.length === 10 ? `${prefix}-${body.slice(0, 5)}-${body.slice(5)}` : typed.trim().toUpperCase();
}

/** A message's tracking code (LY-…). */
export const messageCodeFrom = (bytes: Uint8Array): string => trackingCodeFrom('LY', bytes);

/** A message's tracking code as typed. */
export const normaliseMessageCode = (typed: string): string => normaliseTrackingCode('LY', typed);

/** The 6-character query password (查询码) shown with the code: a keyed hash, so nothing is stored. */
export function messagePinFrom(hashHex: string): string {
  let pin = '';
  for (let i = 0; i < 6; i++)
    pin += CODE_ALPHABET[parseInt(hashHex.slice(i * 2, i * 2 + 2), 16) % CODE_ALPHABET.length];
  return pin;
}
