import { isIsoDate } from '../../../platform/clock.ts';
import { DomainError, type FieldIssue } from '../../../platform/errors.ts';
import { REQUEST_TEXT } from '../strings.ts';

/**
 * Administrative reconsideration (行政复议) and litigation (行政诉讼) against a reply (条例 Art. 51),
 * recorded with their results, and counted as table 四 of the annual report: reconsiderations, suits
 * filed directly, and suits after a reconsideration, each by result (维持, 纠正, 其他, 尚未审结).
 */
export const APPEAL_KINDS = ['reconsideration', 'suit', 'suit_after_reconsideration'] as const;
export type AppealKind = (typeof APPEAL_KINDS)[number];
export const APPEAL_KIND_LABELS: Record<AppealKind, string> = {
  reconsideration: '行政复议',
  suit: '行政诉讼（未经复议直接起诉）',
  suit_after_reconsideration: '行政诉讼（复议后起诉）',
};

export const APPEAL_RESULTS = ['upheld', 'corrected', 'other'] as const;
export type AppealResult = (typeof APPEAL_RESULTS)[number];
export const APPEAL_RESULT_LABELS: Record<AppealResult, string> = {
  upheld: '结果维持',
  corrected: '结果纠正',
  other: '其他结果',
};

export type Appeal = {
  id: string;
  requestId: string;
  kind: AppealKind;
  filedOn: string;
  /** The body that decides: the reconsideration organ or the court. */
  body: string;
  result: AppealResult | null;
  decidedOn: string | null;
};

/**
 * Checks a new appeal or its result.
 * @throws DomainError `validation_failed` naming every wrong field.
 */
export function checkAppeal(
  appeal: Pick<Appeal, 'filedOn' | 'body' | 'result' | 'decidedOn'>,
  repliedOn: string,
  today: string,
): void {
  const issues: FieldIssue[] = [];
  if (!isIsoDate(appeal.filedOn) || appeal.filedOn > today || appeal.filedOn < repliedOn) {
    issues.push({ field: 'filedOn', message: REQUEST_TEXT.appealFiledOn(repliedOn) });
  }
  if (appeal.body.trim().length < 2) issues.push({ field: 'body', message: REQUEST_TEXT.appealBody });
  if (appeal.result !== null) {
    if (
      !appeal.decidedOn ||
      !isIsoDate(appeal.decidedOn) ||
      appeal.decidedOn > today ||
      appeal.decidedOn < appeal.filedOn
    ) {
      issues.push({ field: 'decidedOn', message: REQUEST_TEXT.appealDecidedOn });
    }
  }
  if (issues.length > 0) throw new DomainError('validation_failed', { fields: issues });
}

/** Table 四's fifteen cells: for each kind, the four results and the total. */
export type Table4 = Record<
  AppealKind,
  { upheld: number; corrected: number; other: number; pending: number; total: number }
>;

/**
 * Counts table 四 for a year: the appeals filed in the year, each by its result as it stood at the
 * year's end (尚未审结 when not decided by then).
 */
export function computeTable4(
  appeals: readonly Pick<Appeal, 'kind' | 'filedOn' | 'result' | 'decidedOn'>[],
  year: number,
): Table4 {
  const table = Object.fromEntries(
    APPEAL_KINDS.map((kind) => [kind, { upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 }]),
  ) as Table4;
  const last = `${year}-12-31`;
  for (const appeal of appeals) {
    if (!appeal.filedOn.startsWith(`${year}-`)) continue;
    const row = table[appeal.kind];
    const decided = appeal.result !== null && appeal.decidedOn !== null && appeal.decidedOn <= last;
    row[decided ? appeal.result! : 'pending']++;
    row.total++;
  }
  return table;
}
