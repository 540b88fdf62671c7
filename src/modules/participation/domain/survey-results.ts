import type { QuestionTally, SurveyAnswer, SurveyDefinition, SurveyQuestion, SurveyTally } from './survey.ts';
import { SURVEY_TEXT } from './survey-strings.ts';

/** One bar of a question's results: what was chosen, by how many, and their share of the question's respondents. */
export type ResultRow = { label: string; count: number; percent: string };

/**
 * A share as the results show it: one decimal, half up, of the people who answered the question
 * (for a multiple choice the shares may add up to more than 100%). Nobody answered: 0.0%.
 */
export function percentText(count: number, respondents: number): string {
  if (respondents <= 0) return '0.0%';
  return `${(Math.round((count * 1000) / respondents) / 10).toFixed(1)}%`;
}

/**
 * The rows of a choice or scale question's chart and table, in the question's order, zeros
 * included; a scale's two ends carry their meaning ("1（非常不满意）"). None for a text question.
 */
export function resultRows(question: SurveyQuestion, tally: QuestionTally): ResultRow[] {
  if (tally.kind === 'text') return [];
  if (tally.kind === 'scale') {
    const ends = question.kind === 'scale' ? question : undefined;
    return tally.counts.map(({ point, count }) => ({
      label:
        ends && point === ends.from
          ? `${point}（${ends.fromLabel}）`
          : ends && point === ends.to
            ? `${point}（${ends.toLabel}）`
            : String(point),
      count,
      percent: percentText(count, tally.respondents),
    }));
  }
  return tally.counts.map(({ label, count }) => ({ label, count, percent: percentText(count, tally.respondents) }));
}

/** The texts written for each text question, in sheet order (oldest first), by question id. */
export function textAnswers(sheets: readonly (readonly SurveyAnswer[])[]): Map<string, string[]> {
  const texts = new Map<string, string[]>();
  for (const sheet of sheets) {
    for (const answer of sheet) {
      if (answer.kind !== 'text') continue;
      const list = texts.get(answer.questionId) ?? [];
      list.push(answer.text);
      texts.set(answer.questionId, list);
    }
  }
  return texts;
}

/**
 * The results as a table for the downloads: a header, then per question one row per option or
 * point (count and share), a scale's mean, and each text written; last, the number of sheets.
 * Columns: `SURVEY_TEXT.results.columns`.
 */
export function resultTable(
  survey: Pick<SurveyDefinition, 'questions'>,
  tally: SurveyTally,
  texts: ReadonlyMap<string, readonly string[]>,
): string[][] {
  const rows: string[][] = [[...SURVEY_TEXT.results.columns]];
  survey.questions.forEach((question, index) => {
    const questionTally = tally.questions[index];
    if (!questionTally || questionTally.questionId !== question.id) return;
    const head = [String(index + 1), question.title, SURVEY_TEXT.kinds[question.kind]];
    if (questionTally.kind === 'text') {
      for (const text of texts.get(question.id) ?? []) rows.push([...head, text, '', '']);
      return;
    }
    for (const row of resultRows(question, questionTally))
      rows.push([...head, row.label, String(row.count), row.percent]);
    if (questionTally.kind === 'scale' && questionTally.mean !== null) {
      rows.push([...head, SURVEY_TEXT.results.mean(questionTally.mean), '', '']);
    }
  });
  rows.push([]);
  rows.push([SURVEY_TEXT.results.total(tally.respondents)]);
  return rows;
}
