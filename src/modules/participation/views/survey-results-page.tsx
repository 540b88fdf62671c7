import type { QuestionResult, SurveyResults } from '../queries/survey-views.ts';
import { SURVEY_TEXT } from '../domain/survey-strings.ts';
import { SURVEY_PAGE_TEXT } from '../survey-page-strings.ts';
import { SurveyMeta } from './survey-meta.tsx';
import { surveyPath, surveyResultsPath } from './survey-paths.ts';

/** Text answers shown on the page per question; the downloads have all of them. */
export const TEXTS_SHOWN = 100;

const T = SURVEY_PAGE_TEXT;

/** One choice or scale question: the chart drawn on the server, and beside it the same numbers as a table. */
function ChoiceResult(props: { result: QuestionResult; svg: string | null }) {
  const { result } = props;
  const id = `q${result.number}`;
  return (
    <figure class="chart survey-chart" aria-labelledby={`${id}-caption`}>
      {props.svg ? <div class="chart-drawing" dangerouslySetInnerHTML={{ __html: props.svg }} /> : null}
      <div class="table-scroll">
        <table class="chart-data data-table">
          <caption id={`${id}-caption`}>{T.dataCaption(result.number)}</caption>
          <thead>
            <tr>
              <th scope="col">{result.question.kind === 'scale' ? T.headers.point : T.headers.option}</th>
              <th scope="col">{T.headers.count}</th>
              <th scope="col">{T.headers.percent}</th>
            </tr>
          </thead>
          <tbody>
            {result.rows.map((row) => (
              <tr>
                <th scope="row">{row.label}</th>
                <td class="count">{String(row.count)}</td>
                <td class="percent">{row.percent}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}

/** A text question: how many wrote, and the latest texts (escaped: shown as typed, never as markup). */
function TextResult(props: { result: QuestionResult }) {
  const texts = props.result.texts;
  const shown = texts.slice(-TEXTS_SHOWN).reverse();
  return (
    <div class="survey-texts">
      <h3>{T.textAnswers(texts.length)}</h3>
      {texts.length > shown.length ? <p class="hint">{T.textAnswersShown(shown.length, texts.length)}</p> : null}
      {shown.length === 0 ? (
        <p class="empty">{T.noAnswers}</p>
      ) : (
        <ul class="survey-text-list">
          {shown.map((text) => (
            <li class="comment-body">{text}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/**
 * A survey's results: the number of sheets, then per question its chart (SVG drawn on the server,
 * seen without JavaScript) with a table of counts and shares beside it, or its texts; downloads as
 * CSV and Excel.
 */
export function SurveyResultsPage(props: { results: SurveyResults; svgs: (string | null)[] }) {
  const { results } = props;
  const { survey } = results;
  const hasMultiple = survey.questions.some((question) => question.kind === 'multiple');
  return (
    <section class="panel survey-results graphic-body">
      <h1>
        {survey.title} {T.resultsTitle}
      </h1>
      <SurveyMeta orgName={results.orgName} survey={survey} phase={results.phase} />
      <p>
        <strong>{T.respondents(results.tally.respondents)}</strong>
        {' · '}
        <a href={surveyPath(survey.id)}>{T.backToSurvey}</a>
      </p>
      <p>
        {T.download}
        <a href={surveyResultsPath(survey.id, 'csv')} download>
          {T.csv}
        </a>
        {' · '}
        <a href={surveyResultsPath(survey.id, 'xlsx')} download>
          {T.xlsx}
        </a>
      </p>
      {hasMultiple ? <p class="hint">{T.multipleNote}</p> : null}
      {results.questions.map((result, index) => (
        <section class="survey-question-result" id={`q${result.number}`}>
          <h2>
            {T.chartTitle(result.number, result.question.title)}{' '}
            <span class="tag">{SURVEY_TEXT.kinds[result.question.kind]}</span>
          </h2>
          <p class="muted small">
            {T.questionRespondents(result.tally.respondents)}
            {result.tally.kind === 'scale' && result.tally.mean !== null
              ? ` · ${SURVEY_TEXT.results.mean(result.tally.mean)}`
              : ''}
          </p>
          {result.question.kind === 'text' ? (
            <TextResult result={result} />
          ) : (
            <ChoiceResult result={result} svg={props.svgs[index] ?? null} />
          )}
        </section>
      ))}
    </section>
  );
}
