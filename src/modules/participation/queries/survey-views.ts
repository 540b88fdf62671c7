import { scopeFor, scopeIncludes, type Actor } from '../../access/index.ts';
import { DomainError } from '../../../platform/errors.ts';
import { listOrgs } from '../../orgs/index.ts';
import type { SurveyStores } from '../commands/survey-stores.ts';
import {
  surveyPhase,
  tallySurvey,
  type QuestionTally,
  type SurveyPhase,
  type SurveyQuestion,
  type SurveyTally,
} from '../domain/survey.ts';
import { resultRows, resultTable, textAnswers, type ResultRow } from '../domain/survey-results.ts';
import type { SurveyChart, SurveyRecord, SurveySummary } from '../ports.ts';
import { SURVEY_PAGE_TEXT } from '../survey-page-strings.ts';

type Stores = Pick<SurveyStores, 'surveys' | 'orgs'>;

export const SURVEY_PAGE_SIZE = 20;

export type SurveyListItem = SurveySummary & { phase: SurveyPhase };

/** The public list: every published or closed survey, the latest opening first. */
export async function publicSurveys(
  stores: Stores,
  options: { now: Date; page: number },
): Promise<{ items: SurveyListItem[]; total: number }> {
  const { items, total } = await stores.surveys.list({
    orgIds: null,
    publicOnly: true,
    limit: SURVEY_PAGE_SIZE,
    offset: (options.page - 1) * SURVEY_PAGE_SIZE,
  });
  return { items: items.map((item) => ({ ...item, phase: surveyPhase(item, options.now) })), total };
}

/** The back office's list: the surveys of the units where the reader handles interaction. */
export async function staffSurveys(
  stores: Stores,
  options: { actor: Actor; now: Date; page: number },
): Promise<{ items: SurveyListItem[]; total: number }> {
  const scope = scopeFor(options.actor, 'interaction.handle');
  const orgIds =
    scope.kind === 'all'
      ? null
      : (await listOrgs(stores)).filter((org) => scopeIncludes(scope, org.path)).map((org) => org.id);
  const { items, total } = await stores.surveys.list({
    orgIds,
    publicOnly: false,
    limit: SURVEY_PAGE_SIZE,
    offset: (options.page - 1) * SURVEY_PAGE_SIZE,
  });
  return { items: items.map((item) => ({ ...item, phase: surveyPhase(item, options.now) })), total };
}

/** A survey as its pages show it. */
export type SurveyView = { survey: SurveyRecord; orgName: string; phase: SurveyPhase };

/**
 * A survey for its page. The public sees published and closed ones; staff of the unit's subtree
 * (`actor` given) see drafts too, and nothing outside their subtree.
 * @throws DomainError `not_found`.
 */
export async function surveyView(
  stores: Stores,
  options: { surveyId: string; actor: Actor | null; now: Date },
): Promise<SurveyView> {
  const survey = await stores.surveys.get(options.surveyId);
  const org = survey ? await stores.orgs.getById(survey.orgId) : undefined;
  if (!survey || !org) throw new DomainError('not_found');
  if (options.actor === null && survey.state === 'draft') throw new DomainError('not_found');
  if (options.actor !== null && !scopeIncludes(scopeFor(options.actor, 'interaction.handle'), org.path)) {
    throw new DomainError('not_found');
  }
  return { survey, orgName: org.name, phase: surveyPhase(survey, options.now) };
}

/** One question's results as the page shows them: its rows (choices and points) or its texts. */
export type QuestionResult = {
  number: number;
  question: SurveyQuestion;
  tally: QuestionTally;
  rows: ResultRow[];
  /** What was written, oldest first (text questions only). */
  texts: string[];
};

/** A survey's results: the tally over every stored sheet, question by question, and the download table. */
export type SurveyResults = SurveyView & {
  tally: SurveyTally;
  questions: QuestionResult[];
  /** The rows of the CSV and XLSX downloads (header first). */
  table: string[][];
};

/**
 * The public results of a published or closed survey, counted from the stored answer sheets with
 * `tallySurvey`: the page's charts, its tables and the downloads all read these numbers.
 * @throws DomainError `not_found` (a draft or unknown id).
 */
export async function surveyResults(stores: Stores, options: { surveyId: string; now: Date }): Promise<SurveyResults> {
  const view = await surveyView(stores, { surveyId: options.surveyId, actor: null, now: options.now });
  const sheets = await stores.surveys.answerLists(view.survey.id);
  const tally = tallySurvey(view.survey, sheets);
  const texts = textAnswers(sheets);
  return {
    ...view,
    tally,
    questions: view.survey.questions.map((question, index) => {
      const questionTally = tally.questions[index]!;
      return {
        number: index + 1,
        question,
        tally: questionTally,
        rows: resultRows(question, questionTally),
        texts: texts.get(question.id) ?? [],
      };
    }),
    table: resultTable(view.survey, tally, texts),
  };
}

/** A question's results as a bar chart, with every count in its text alternative. */
export function chartOf(result: QuestionResult): SurveyChart {
  const T = SURVEY_PAGE_TEXT;
  return {
    type: 'bar',
    title: T.chartTitle(result.number, result.question.title),
    unit: '人',
    description: T.chartDescription(result.rows.map((row) => T.chartRow(row.label, row.count, row.percent)).join('；')),
    data: {
      categoryName: result.question.kind === 'scale' ? T.headers.point : T.headers.option,
      series: [T.headers.count],
      rows: result.rows.map((row) => ({ label: row.label, values: [row.count] })),
    },
  };
}
