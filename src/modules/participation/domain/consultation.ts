import { chinaDate } from '../../../platform/clock.ts';
import { DomainError, type FieldIssue } from '../../../platform/errors.ts';
import { COMMENT_TEXT, CONSULTATION_TEXT } from '../strings.ts';

/**
 * A consultation (意见征集): a draft put to the public for comment between two instants.
 *
 * - 《重大行政决策程序暂行条例》(国务院令第713号) Art. 14: the draft of a major administrative decision
 *   is put to the public for comment, with the draft and its explanation; Art. 15: the period is
 *   generally **not less than 30 days**, and a shorter one must say why when it opens.
 * - Art. 16: the opinions are sorted and studied, reasonable ones adopted, and how they were dealt
 *   with is made public (the adoption report, see `adoption.ts`).
 * - 条例 (政府信息公开条例) Art. 20 (5): the draft and explanation of major decisions are disclosed.
 *
 * Stored state is what staff decided (`draft`, `published`, `completed`); whether a published
 * consultation is open is the clock's business (`phaseOf`), so it closes to the second with no job.
 */
export type ConsultationState = 'draft' | 'published' | 'completed';
export type ConsultationPhase = 'draft' | 'scheduled' | 'open' | 'closed' | 'completed';

/** Days a major decision's draft stays open at least (暂行条例 Art. 15). */
export const MAJOR_DECISION_MIN_DAYS = 30;
/** Bounds of what a draft may hold, so a page and a comparison stay bounded. */
export const MAX_PARAGRAPHS = 400;
export const MAX_PARAGRAPH_LENGTH = 4000;
export const MAX_TITLE_LENGTH = 200;
export const MAX_SUMMARY_LENGTH = 2000;

export type Consultation = {
  id: string;
  orgId: string;
  title: string;
  /** The explanation (起草说明) shown above the draft. */
  summary: string;
  /** A major administrative decision (重大行政决策): the 30-day minimum applies. */
  major: boolean;
  /** Why a major decision's period is shorter than 30 days (Art. 15); empty otherwise. */
  shortReason: string;
  state: ConsultationState;
  opensAt: string;
  closesAt: string;
  /** The draft's current version number (1 for a new draft). */
  version: number;
  /** The final document, once the consultation is completed: a path on this site or an https URL. */
  finalLink: string | null;
  /** The adoption report's overall explanation. */
  reportSummary: string;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  publishedAt: string | null;
  completedAt: string | null;
};

/** One version of the draft, as its paragraphs. */
export type DraftVersion = {
  consultationId: string;
  number: number;
  paragraphs: string[];
  /** What changed from the version before (修改说明); empty for the first. */
  note: string;
  createdAt: string;
  createdBy: string;
};

/** Where a consultation stands at `now`. */
export function phaseOf(
  consultation: Pick<Consultation, 'state' | 'opensAt' | 'closesAt'>,
  now: Date,
): ConsultationPhase {
  switch (consultation.state) {
    case 'draft':
      return 'draft';
    case 'completed':
      return 'completed';
    case 'published': {
      const t = now.getTime();
      if (t < Date.parse(consultation.opensAt)) return 'scheduled';
      if (t < Date.parse(consultation.closesAt)) return 'open';
      return 'closed';
    }
    default: {
      const unknown: never = consultation.state;
      throw new Error(`unknown consultation state ${String(unknown)}`);
    }
  }
}

export const PHASE_LABELS: Record<ConsultationPhase, string> = {
  draft: '草稿',
  scheduled: '即将开始',
  open: '正在征集',
  closed: '征集结束，待反馈',
  completed: '已反馈采纳情况',
};

export type ConsultationAction = 'edit' | 'publish' | 'revise' | 'moderate' | 'dispose' | 'complete';

/**
 * What staff may do in each phase: a draft is edited and published; once published the text changes
 * only as a new version (comments keep the version they were made on); moderation runs until the
 * report is out; dispositions are given once the period has closed, and completing publishes the
 * report.
 */
export function allowedActions(phase: ConsultationPhase): ConsultationAction[] {
  switch (phase) {
    case 'draft':
      return ['edit', 'publish'];
    case 'scheduled':
      return ['revise'];
    case 'open':
      return ['revise', 'moderate'];
    case 'closed':
      return ['moderate', 'dispose', 'complete'];
    case 'completed':
      return [];
    default: {
      const unknown: never = phase;
      throw new Error(`unknown phase ${String(unknown)}`);
    }
  }
}

export function requireAction(consultation: Consultation, now: Date, action: ConsultationAction): void {
  const phase = phaseOf(consultation, now);
  if (!allowedActions(phase).includes(action)) {
    throw new DomainError('invalid_transition', {
      message: CONSULTATION_TEXT.actionNotAllowed(PHASE_LABELS[phase]),
    });
  }
}

/** The whole days from opening to closing, rounded down. */
export function periodDays(opensAt: string, closesAt: string): number {
  return Math.floor((Date.parse(closesAt) - Date.parse(opensAt)) / 86_400_000);
}

/** What a draft must hold before it is published (and what every edit must keep). */
export function checkConsultation(
  input: Pick<Consultation, 'title' | 'summary' | 'major' | 'shortReason' | 'opensAt' | 'closesAt'>,
  paragraphs: readonly string[],
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (input.title.trim() === '') issues.push({ field: 'title', message: CONSULTATION_TEXT.titleRequired });
  if (input.title.length > MAX_TITLE_LENGTH) issues.push({ field: 'title', message: CONSULTATION_TEXT.titleTooLong });
  if (input.summary.length > MAX_SUMMARY_LENGTH) {
    issues.push({ field: 'summary', message: CONSULTATION_TEXT.summaryTooLong });
  }
  if (paragraphs.length === 0) issues.push({ field: 'text', message: CONSULTATION_TEXT.textRequired });
  if (paragraphs.length > MAX_PARAGRAPHS) issues.push({ field: 'text', message: CONSULTATION_TEXT.tooManyParagraphs });
  if (paragraphs.some((p) => p.length > MAX_PARAGRAPH_LENGTH)) {
    issues.push({ field: 'text', message: CONSULTATION_TEXT.paragraphTooLong });
  }
  const opens = Date.parse(input.opensAt);
  const closes = Date.parse(input.closesAt);
  if (Number.isNaN(opens)) issues.push({ field: 'opensOn', message: CONSULTATION_TEXT.dateInvalid });
  if (Number.isNaN(closes)) issues.push({ field: 'closesOn', message: CONSULTATION_TEXT.dateInvalid });
  if (!Number.isNaN(opens) && !Number.isNaN(closes)) {
    if (closes <= opens) {
      issues.push({ field: 'closesOn', message: CONSULTATION_TEXT.closesBeforeOpens });
    } else if (
      input.major &&
      periodDays(input.opensAt, input.closesAt) < MAJOR_DECISION_MIN_DAYS &&
      input.shortReason.trim() === ''
    ) {
      // 暂行条例 Art. 15: shorter than 30 days only with the reason stated.
      issues.push({ field: 'shortReason', message: CONSULTATION_TEXT.periodTooShort(MAJOR_DECISION_MIN_DAYS) });
    }
  }
  return issues;
}

/** Publishing must not put the opening in the past by more than a day's grace (typed dates). */
export function checkPublication(consultation: Consultation, now: Date): FieldIssue[] {
  if (Date.parse(consultation.closesAt) <= now.getTime()) {
    return [{ field: 'closesOn', message: CONSULTATION_TEXT.closesInPast }];
  }
  return [];
}

/** A comment is taken only while the consultation is open (and refused clearly otherwise). */
export function requireOpenForComments(consultation: Consultation, now: Date): void {
  const phase = phaseOf(consultation, now);
  if (phase === 'open') return;
  throw new DomainError('invalid_transition', {
    message: phase === 'scheduled' || phase === 'draft' ? COMMENT_TEXT.notOpenYet : COMMENT_TEXT.closed,
  });
}

const CHINA_OFFSET = '+08:00';

/** The instant a consultation opens: the start of `date` (YYYY-MM-DD), China time. */
export function opensAtOf(date: string): string {
  return new Date(`${date}T00:00:00${CHINA_OFFSET}`).toISOString();
}

/** The instant a consultation closes: the end of `date` (YYYY-MM-DD), China time, inclusive. */
export function closesAtOf(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00${CHINA_OFFSET}`) + 86_400_000).toISOString();
}

/** The last day comments are taken, China time (the inverse of `closesAtOf`). */
export function lastDayOf(closesAt: string): string {
  return chinaDate(new Date(Date.parse(closesAt) - 1));
}
