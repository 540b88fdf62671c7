import { DomainError, type FieldIssue } from '../../../platform/errors.ts';
import { isIsoDate } from '../../../platform/clock.ts';
import { hasVisibleCharacters, stripInvisibleControls } from '../../../platform/text.ts';
import { DECISION_TEXT } from './decision-strings.ts';

/**
 * The yearly directory of major administrative decisions (重大行政决策事项目录). 《重大行政决策程序
 * 暂行条例》(国务院令第713号) Art. 10: the deciding body sets the directory of decision items and
 * publishes it, adjusting it as needed; Art. 14: the public takes part through 座谈会, 听证会, 实地走访,
 * 书面征求意见, 向社会公开征求意见, 问卷调查, 民意调查 and the like; Art. 19–21 add expert argument
 * (专家论证), risk assessment (风险评估) and legality review (合法性审查). Each item names the methods
 * used and where it stands, and links the consultation (意见征集) where there was one.
 */
export const DECISION_METHODS = [
  'consultation',
  'hearing',
  'symposium',
  'survey',
  'visit',
  'expert',
  'risk',
  'legal',
] as const;
export type DecisionMethod = (typeof DECISION_METHODS)[number];
export const DECISION_METHOD_LABELS: Record<DecisionMethod, string> = {
  consultation: '公开征求意见',
  hearing: '听证会',
  symposium: '座谈会',
  survey: '问卷调查',
  visit: '实地走访',
  expert: '专家论证',
  risk: '风险评估',
  legal: '合法性审查',
};

export const DECISION_STATUSES = ['planned', 'participation', 'review', 'decided', 'withdrawn'] as const;
export type DecisionStatus = (typeof DECISION_STATUSES)[number];
export const DECISION_STATUS_LABELS: Record<DecisionStatus, string> = {
  planned: '拟决策',
  participation: '公众参与中',
  review: '审议中',
  decided: '已决策',
  withdrawn: '已调出目录',
};

export const DECISION_LIMITS = { title: 200, text: 2000, link: 500 } as const;

export type MajorDecision = {
  id: string;
  orgId: string;
  /** The directory's year. */
  year: number;
  title: string;
  /** What is to be decided and why (决策事项简要说明). */
  summary: string;
  /** The legal basis (决策依据). */
  basis: string;
  methods: DecisionMethod[];
  status: DecisionStatus;
  /** The planned time of the decision, as the directory states it (e.g. 2026年第三季度). */
  plannedTime: string;
  /** The consultation on its draft, if any (意见征集). */
  consultationId: string | null;
  /** The day it was decided (YYYY-MM-DD), once decided. */
  decidedOn: string | null;
  /** The published decision or its explanation: a site path or an https URL. */
  resultLink: string;
  /** Why it was taken out of the directory (Art. 10: adjusted as needed). */
  withdrawnReason: string;
  createdAt: string;
  updatedAt: string;
};

export type DecisionInput = {
  orgId: string;
  year: string;
  title: string;
  summary: string;
  basis: string;
  methods: string[];
  status: string;
  plannedTime: string;
  consultationId: string;
  decidedOn: string;
  resultLink: string;
  withdrawnReason: string;
};

const line = (text: string) => stripInvisibleControls(text).replace(/\s+/g, ' ').trim();
const block = (text: string) => stripInvisibleControls(text).replace(/\r\n?/g, '\n').trim();
const LINK = /^(?:\/(?!\/)[^\s]*|https:\/\/[^\s/]+(?:\/[^\s]*)?)$/;

/** The directory's fields, cleaned and checked; throws `validation_failed` with every field at fault. */
export function checkDecision(input: DecisionInput): Omit<MajorDecision, 'id' | 'createdAt' | 'updatedAt'> {
  const issues: FieldIssue[] = [];
  const L = DECISION_LIMITS;
  const year = Number(input.year);
  const title = line(input.title);
  const summary = block(input.summary);
  const basis = block(input.basis);
  const plannedTime = line(input.plannedTime);
  const resultLink = input.resultLink.trim();
  const withdrawnReason = block(input.withdrawnReason);
  const methods = DECISION_METHODS.filter((m) => input.methods.includes(m));
  const status = DECISION_STATUSES.find((s) => s === input.status);
  const decidedOn = input.decidedOn.trim();
  if (input.orgId === '') issues.push({ field: 'orgId', message: DECISION_TEXT.orgRequired });
  if (!Number.isInteger(year) || year < 2000 || year > 2100)
    issues.push({ field: 'year', message: DECISION_TEXT.yearInvalid });
  if (!hasVisibleCharacters(title)) issues.push({ field: 'title', message: DECISION_TEXT.titleRequired });
  else if (title.length > L.title) issues.push({ field: 'title', message: DECISION_TEXT.tooLong(L.title) });
  for (const [field, text] of [
    ['summary', summary],
    ['basis', basis],
    ['withdrawnReason', withdrawnReason],
  ] as const) {
    if (text.length > L.text) issues.push({ field, message: DECISION_TEXT.tooLong(L.text) });
  }
  if (plannedTime.length > 50) issues.push({ field: 'plannedTime', message: DECISION_TEXT.tooLong(50) });
  if (input.methods.some((m) => !(DECISION_METHODS as readonly string[]).includes(m))) {
    issues.push({ field: 'methods', message: DECISION_TEXT.methodUnknown });
  }
  if (!status) issues.push({ field: 'status', message: DECISION_TEXT.statusRequired });
  if (status === 'decided' && !isIsoDate(decidedOn))
    issues.push({ field: 'decidedOn', message: DECISION_TEXT.decidedOnRequired });
  if (status !== 'decided' && decidedOn !== '' && !isIsoDate(decidedOn)) {
    issues.push({ field: 'decidedOn', message: DECISION_TEXT.decidedOnRequired });
  }
  if (status === 'withdrawn' && !hasVisibleCharacters(withdrawnReason)) {
    issues.push({ field: 'withdrawnReason', message: DECISION_TEXT.withdrawnReasonRequired });
  }
  if (resultLink !== '' && (resultLink.length > L.link || !LINK.test(resultLink))) {
    issues.push({ field: 'resultLink', message: DECISION_TEXT.linkInvalid });
  }
  if (issues.length > 0) throw new DomainError('validation_failed', { fields: issues });
  return {
    orgId: input.orgId,
    year,
    title,
    summary,
    basis,
    methods,
    status: status!,
    plannedTime,
    consultationId: input.consultationId === '' ? null : input.consultationId,
    decidedOn: status === 'decided' || decidedOn !== '' ? decidedOn : null,
    resultLink,
    withdrawnReason: status === 'withdrawn' ? withdrawnReason : '',
  };
}
