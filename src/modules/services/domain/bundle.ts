import type { FieldIssue } from '../../../platform/errors.ts';
import { SERVICE_TEXT } from '../strings.ts';
import { wholeNumber } from './guide.ts';
import { AUDIENCES, LIFE_EVENTS, type Audience, type LifeEvent } from './vocabulary.ts';

const T = SERVICE_TEXT.bundle;

/**
 * A 一件事 bundle: several services a person or a firm needs for one event (新生儿出生, 开办企业),
 * handled as one: one materials list, one flow, one promised time limit, one page
 * (国办发〔2024〕3号, 高效办成一件事). Its services are published guides, in the order they are done.
 */
export type ServiceBundle = {
  name: string;
  summary: string;
  audiences: Audience[];
  event: LifeEvent;
  /** The guides' document ids, in order. */
  guideDocumentIds: string[];
  steps: string[];
  /** 承诺办结时限 of the whole event, in working days. */
  promisedDays: number;
};

export type ServiceBundleInput = {
  name: string;
  summary: string;
  audiences: readonly string[];
  event: string;
  guideDocumentIds: readonly string[];
  steps: readonly string[];
  promisedDays: string | number;
};

export const BUNDLE_LIMITS = { name: 60, summary: 1000, guides: 12, steps: 20, step: 300, days: 365 } as const;

/**
 * Checks a bundle's own elements: its name, what it is, whom it serves, its event, at least two
 * different guides, its steps and promised time limit. Whether the guides are published is the use
 * case's to check. Problems are tied to form fields (`guides.<n>`, `steps`).
 */
export function checkBundle(
  input: ServiceBundleInput,
): { ok: true; bundle: ServiceBundle } | { ok: false; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const tooLong = SERVICE_TEXT.guide.tooLong;
  const name = input.name.trim().replace(/\s+/g, ' ');
  if (name === '') issues.push({ field: 'name', message: T.nameRequired });
  else if ([...name].length > BUNDLE_LIMITS.name) issues.push({ field: 'name', message: tooLong(BUNDLE_LIMITS.name) });
  const summary = input.summary.trim();
  if (summary === '') issues.push({ field: 'summary', message: T.summaryRequired });
  else if ([...summary].length > BUNDLE_LIMITS.summary) {
    issues.push({ field: 'summary', message: tooLong(BUNDLE_LIMITS.summary) });
  }
  const audiences = AUDIENCES.filter((a) => input.audiences.includes(a));
  if (audiences.length === 0) issues.push({ field: 'audiences', message: SERVICE_TEXT.guide.audienceRequired });
  const event = LIFE_EVENTS.find((e) => e === input.event);
  if (!event) issues.push({ field: 'event', message: T.eventRequired });

  const guideDocumentIds: string[] = [];
  input.guideDocumentIds.forEach((raw, index) => {
    const id = raw.trim();
    if (id === '') return;
    if (guideDocumentIds.includes(id)) issues.push({ field: `guides.${index}`, message: T.guideRepeated });
    else guideDocumentIds.push(id);
  });
  if (guideDocumentIds.length < 2) issues.push({ field: 'guides', message: T.guidesTooFew });
  if (guideDocumentIds.length > BUNDLE_LIMITS.guides) {
    issues.push({ field: 'guides', message: SERVICE_TEXT.guide.tooMany(BUNDLE_LIMITS.guides) });
  }

  const steps = input.steps.map((s) => s.trim()).filter((s) => s !== '');
  if (steps.length === 0) issues.push({ field: 'steps', message: T.stepsRequired });
  else if (steps.length > BUNDLE_LIMITS.steps) {
    issues.push({ field: 'steps', message: SERVICE_TEXT.guide.tooMany(BUNDLE_LIMITS.steps) });
  } else if (steps.some((s) => [...s].length > BUNDLE_LIMITS.step)) {
    issues.push({ field: 'steps', message: tooLong(BUNDLE_LIMITS.step) });
  }
  const promisedDays = wholeNumber(input.promisedDays);
  if (promisedDays === undefined || promisedDays > BUNDLE_LIMITS.days) {
    issues.push({ field: 'promisedDays', message: T.promisedDays });
  }
  if (issues.length > 0 || !event || promisedDays === undefined) return { ok: false, issues };
  return { ok: true, bundle: { name, summary, audiences, event, guideDocumentIds, steps, promisedDays } };
}
