import { INTERPRETATION_TEXT } from '../strings.ts';

/**
 * A public concern (回应关切): a topic the public is asking about or misunderstanding — a wave of
 * messages, a media report, calls to the 12345 hotline — that the government answers with one or
 * more responses, each published through the documents' review. Plan §三.2 and §三.5: release,
 * interpretation and response are linked in order, and misunderstandings are answered quickly; the
 * time from the first report to the first published response is the figure that shows it.
 */
export type Concern = {
  id: string;
  /** The unit that responds. */
  orgId: string;
  title: string;
  /** What people are asking or saying, in a few sentences. */
  summary: string;
  source: ConcernSource;
  /** When the concern was first reported (ISO instant). */
  reportedAt: string;
  createdAt: string;
  createdBy: string;
};

/** Where a concern was first seen. */
export const CONCERN_SOURCES = [
  '网民留言',
  '媒体报道',
  '12345热线',
  '舆情监测',
  '人大代表建议、政协委员提案',
  '其他',
] as const;
export type ConcernSource = (typeof CONCERN_SOURCES)[number];

export const CONCERN_LIMITS = { title: 100, summary: 1000, responseText: 5000 };

export type ConcernInput = { title: string; summary: string; source: string; reportedAt: Date | undefined };
export type ConcernIssue = { field: 'title' | 'summary' | 'source' | 'reportedAt'; message: string };

const T = INTERPRETATION_TEXT.concern;

/** Checks a new concern; `now` decides that a report cannot come from the future. */
export function checkConcern(
  input: ConcernInput,
  now: Date,
):
  | { ok: true; value: { title: string; summary: string; source: ConcernSource; reportedAt: string } }
  | { ok: false; issues: ConcernIssue[] } {
  const issues: ConcernIssue[] = [];
  const title = input.title.trim();
  const summary = input.summary.trim();
  if (title === '') issues.push({ field: 'title', message: T.titleRequired });
  else if ([...title].length > CONCERN_LIMITS.title)
    issues.push({ field: 'title', message: T.tooLong('关切事项', CONCERN_LIMITS.title) });
  if (summary === '') issues.push({ field: 'summary', message: T.summaryRequired });
  else if ([...summary].length > CONCERN_LIMITS.summary)
    issues.push({ field: 'summary', message: T.tooLong('关切内容', CONCERN_LIMITS.summary) });
  const source = CONCERN_SOURCES.find((s) => s === input.source);
  if (!source) issues.push({ field: 'source', message: T.sourceRequired });
  if (!input.reportedAt || Number.isNaN(input.reportedAt.getTime())) {
    issues.push({ field: 'reportedAt', message: T.reportedAtRequired });
  } else if (input.reportedAt.getTime() > now.getTime()) {
    issues.push({ field: 'reportedAt', message: T.reportedAtFuture });
  }
  if (issues.length > 0 || !source || !input.reportedAt) return { ok: false, issues };
  return { ok: true, value: { title, summary, source, reportedAt: input.reportedAt.toISOString() } };
}

/**
 * The time from a concern's first report to its first published response, in words (3小时20分钟,
 * 2天5小时); null while nothing is published. Calendar time, not working days: the public waits
 * through weekends too.
 */
export function responseDelay(reportedAt: string, firstResponseAt: string | null): string | null {
  if (!firstResponseAt) return null;
  const minutes = Math.max(0, Math.round((Date.parse(firstResponseAt) - Date.parse(reportedAt)) / 60_000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  if (days > 0) return `${days}天${hours > 0 ? `${hours}小时` : ''}`;
  if (hours > 0) return `${hours}小时${rest > 0 ? `${rest}分钟` : ''}`;
  return `${rest}分钟`;
}
