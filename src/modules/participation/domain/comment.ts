import { DomainError, type FieldIssue } from '../../../platform/errors.ts';
import { hasVisibleCharacters, stripInvisibleControls } from '../../../platform/text.ts';
import { COMMENT_TEXT } from '../strings.ts';

/**
 * A comment (意见) on a consultation's draft: on the whole draft or on one paragraph of the version
 * it was made on. What a resident writes is kept as plain text and shown escaped; a signature is
 * optional and shown masked. Staff may hide a comment with a reason (logged); the number hidden is
 * public. After closing, every shown comment gets a disposition (暂行条例 Art. 16).
 */
export type CommentState = 'shown' | 'hidden';
export const DISPOSITIONS = ['adopted', 'partly', 'rejected'] as const;
export type Disposition = (typeof DISPOSITIONS)[number];

export const DISPOSITION_LABELS: Record<Disposition, string> = {
  adopted: '采纳',
  partly: '部分采纳',
  rejected: '未采纳',
};

export const MAX_COMMENT_LENGTH = 2000;
export const MAX_NAME_LENGTH = 30;
export const MAX_REASON_LENGTH = 1000;
export const MAX_GROUP_LENGTH = 60;

export type ConsultationComment = {
  id: string;
  consultationId: string;
  /** The draft's version the comment was made on. */
  version: number;
  /** The paragraph (1-based) of that version, or null for the whole draft. */
  paragraph: number | null;
  body: string;
  /** The signature the resident chose to give, if any. */
  name: string;
  /** A keyed hash of the sender's network address: rate limits without keeping the address. */
  senderKey: string;
  /**
   * The verified sender's person key (a keyed hash of their e-mail address or mobile number), shown
   * as 已验证 and limited like an address; null when the sender did not verify.
   */
  personKey: string | null;
  state: CommentState;
  hiddenReason: string;
  disposition: Disposition | null;
  dispositionReason: string;
  /** Like comments answered together share a group label (归类). */
  dispositionGroup: string;
  createdAt: string;
  moderatedAt: string | null;
  disposedAt: string | null;
};

/** Cleans and checks what a resident typed; throws `validation_failed` with the fields at fault. */
export function checkCommentInput(
  input: { body: string; name: string; paragraph: number | null },
  paragraphs: number,
): { body: string; name: string; paragraph: number | null } {
  const body = stripInvisibleControls(input.body).replace(/\r\n?/g, '\n').trim();
  const name = stripInvisibleControls(input.name).replace(/\s+/g, ' ').trim();
  const issues: FieldIssue[] = [];
  if (!hasVisibleCharacters(body)) issues.push({ field: 'body', message: COMMENT_TEXT.bodyRequired });
  if (body.length > MAX_COMMENT_LENGTH) {
    issues.push({ field: 'body', message: COMMENT_TEXT.bodyTooLong(MAX_COMMENT_LENGTH, body.length) });
  }
  if (name.length > MAX_NAME_LENGTH) issues.push({ field: 'name', message: COMMENT_TEXT.nameTooLong(MAX_NAME_LENGTH) });
  if (input.paragraph !== null && (input.paragraph < 1 || input.paragraph > paragraphs)) {
    issues.push({ field: 'paragraph', message: COMMENT_TEXT.paragraphUnknown });
  }
  if (issues.length > 0) throw new DomainError('validation_failed', { fields: issues });
  return { body, name, paragraph: input.paragraph };
}

/** A signature as the public sees it: the first character, the rest masked (张**). */
export function maskName(name: string): string {
  const chars = [...name];
  if (chars.length === 0) return COMMENT_TEXT.anonymous;
  return chars[0] + '*'.repeat(Math.min(Math.max(chars.length - 1, 1), 4));
}

/** How many comments one sender may make: per consultation per day and anywhere per 10 minutes. */
export const COMMENT_LIMITS = { perTenMinutes: 5, perConsultationPerDay: 20 } as const;

/**
 * Refuses a comment past the limits; what was typed is shown again with the message. The same
 * limits hold per address and per verified person; `tooManyToday` says which was reached.
 */
export function checkCommentRate(
  recent: { lastTenMinutes: number; consultationToday: number },
  tooManyToday: (n: number) => string = COMMENT_TEXT.tooManyToday,
): void {
  if (recent.lastTenMinutes >= COMMENT_LIMITS.perTenMinutes) {
    throw new DomainError('rate_limited', { message: COMMENT_TEXT.tooFast });
  }
  if (recent.consultationToday >= COMMENT_LIMITS.perConsultationPerDay) {
    throw new DomainError('rate_limited', { message: tooManyToday(COMMENT_LIMITS.perConsultationPerDay) });
  }
}

/** One disposition as staff entered it. */
export type DispositionInput = { commentId: string; disposition: Disposition | null; reason: string; group: string };

/**
 * Checks a disposition: 部分采纳 and 未采纳 need a reason (the public is told why, Art. 16);
 * 采纳 may have one.
 */
export function checkDisposition(input: DispositionInput): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const field = (name: string) => `${name}.${input.commentId}`;
  if (input.disposition !== null && input.disposition !== 'adopted' && input.reason.trim() === '') {
    issues.push({ field: field('reason'), message: COMMENT_TEXT.reasonRequired });
  }
  if (input.reason.length > MAX_REASON_LENGTH) {
    issues.push({ field: field('reason'), message: COMMENT_TEXT.reasonTooLong(MAX_REASON_LENGTH) });
  }
  if (input.group.length > MAX_GROUP_LENGTH) {
    issues.push({ field: field('group'), message: COMMENT_TEXT.groupTooLong(MAX_GROUP_LENGTH) });
  }
  return issues;
}
