import { chinaDateTime } from '../../../platform/clock.ts';
import type { FieldIssue } from '../../../platform/errors.ts';
import { Csrf, ErrorSummary, FieldError } from '../../../platform/web/components.tsx';
import { answerField, type SurveyQuestion } from '../domain/survey.ts';
import { SURVEY_TEXT } from '../domain/survey-strings.ts';
import type { SurveyView } from '../queries/survey-views.ts';
import { SURVEY_PAGE_TEXT } from '../survey-page-strings.ts';
import { SurveyMeta } from './survey-meta.tsx';
import { surveyPath, surveyResultsPath } from './survey-paths.ts';
import { VERIFICATION_TEXT } from '../domain/verification-strings.ts';
import { verifyPath } from './verification-paths.ts';

/** What a resident posted, by question id (every value as sent), shown again when a sheet is refused. */
export type AnswerValues = Readonly<Record<string, readonly string[]>>;

const T = SURVEY_PAGE_TEXT;

/** The id of the element a question's error summary links to, and its error's id. */
function describedBy(field: string, issues: FieldIssue[], hint: string | null): string | undefined {
  if (issues.some((issue) => issue.field === field)) return `${field}-error`;
  return hint === null ? undefined : `${field}-hint`;
}

/** One question as a fieldset: its number, title, whether it must be answered, a hint, its inputs and its error. */
function Question(props: {
  question: SurveyQuestion;
  number: number;
  values: readonly string[];
  issues: FieldIssue[];
}) {
  const { question, values, issues } = props;
  const field = answerField(question.id);
  const hasError = issues.some((issue) => issue.field === field);
  const hint =
    question.kind === 'multiple'
      ? T.multipleHint(question.minSelections, question.maxSelections)
      : question.kind === 'text'
        ? T.textHint(question.maxLength)
        : question.kind === 'scale'
          ? T.scaleHint(question.from, question.fromLabel, question.to, question.toLabel)
          : null;
  const legend = (
    <legend>
      {props.number}. {question.title}
      <span class="muted small">
        {' '}
        {SURVEY_TEXT.kinds[question.kind]}
        {question.required ? T.required : T.optional}
      </span>
    </legend>
  );
  const hintLine =
    hint === null ? null : (
      <p class="hint" id={`${field}-hint`}>
        {hint}
      </p>
    );
  if (question.kind === 'text') {
    return (
      <div class="form-row wide survey-question" id={`${field}-row`}>
        <label for={field}>
          {props.number}. {question.title}
          <span class="muted small">
            {' '}
            {SURVEY_TEXT.kinds.text}
            {question.required ? T.required : T.optional}
          </span>
        </label>
        <textarea
          id={field}
          name={field}
          rows={5}
          maxlength={question.maxLength}
          required={question.required || undefined}
          aria-describedby={describedBy(field, issues, hint)}
          aria-invalid={hasError ? 'true' : undefined}
        >
          {values[0] ?? ''}
        </textarea>
        {hintLine}
        <FieldError issues={issues} field={field} />
      </div>
    );
  }
  const choices =
    question.kind === 'scale'
      ? Array.from({ length: question.to - question.from + 1 }, (_, i) => ({
          value: String(question.from + i),
          label: String(question.from + i),
        }))
      : question.options.map((label, position) => ({ value: String(position), label }));
  const type = question.kind === 'multiple' ? 'checkbox' : 'radio';
  return (
    <fieldset
      class={question.kind === 'scale' ? 'form-row wide survey-question survey-scale' : 'form-row wide survey-question'}
      id={field}
      aria-describedby={describedBy(field, issues, hint)}
    >
      {legend}
      {hintLine}
      {choices.map((choice) => (
        <div class="checkbox">
          <input
            id={`${field}-${choice.value}`}
            type={type}
            name={field}
            value={choice.value}
            checked={values.includes(choice.value) || undefined}
            required={(type === 'radio' && question.required) || undefined}
          />
          <label for={`${field}-${choice.value}`}>{choice.label}</label>
        </div>
      ))}
      <FieldError issues={issues} field={field} />
    </fieldset>
  );
}

/**
 * A survey's page: what it is about and, while it is open, its questions as one form that works
 * without JavaScript. A refused sheet comes back with every answer as given and the reasons, each
 * beside its question; when the survey no longer takes answers the form is shown disabled, so the
 * resident can still read (and copy) what they wrote.
 */
export function SurveyPage(props: {
  view: SurveyView;
  values: AnswerValues;
  issues: FieldIssue[];
  message?: string | undefined;
  csrfToken: string;
  /** Show the questions even though the survey takes no answers (a refused sheet). */
  showQuestions: boolean;
  /** Until when the resident's verified identity holds; null when they did not verify. */
  verifiedUntil?: Date | null;
}) {
  const { view, issues } = props;
  const { survey } = view;
  const verifiedUntil = props.verifiedUntil ?? null;
  const forPeople = survey.limit.kind === 'one_per_person';
  // A survey for verified people asks for verification before its form, and comes back here after.
  const mustVerify = forPeople && verifiedUntil === null && view.phase === 'open';
  const open = view.phase === 'open' && !mustVerify;
  return (
    <section class="panel survey-page">
      <h1>{survey.title}</h1>
      <SurveyMeta orgName={view.orgName} survey={survey} phase={view.phase} />
      {survey.description === '' ? null : <p class="survey-description">{survey.description}</p>}
      <p>
        <a href={surveyResultsPath(survey.id)}>{T.viewResults}</a>
      </p>
      <ErrorSummary issues={issues} message={props.message} />
      {mustVerify ? (
        <p class="notice verify-required">
          {VERIFICATION_TEXT.survey.required}{' '}
          <a href={verifyPath(surveyPath(survey.id))}>{VERIFICATION_TEXT.survey.verifyLink}</a>
        </p>
      ) : forPeople && verifiedUntil !== null && view.phase === 'open' ? (
        <p class="notice verified-note">
          {VERIFICATION_TEXT.survey.verified(chinaDateTime(verifiedUntil.toISOString()))}
        </p>
      ) : null}
      {open || props.showQuestions ? (
        <form method="post" action={surveyPath(survey.id)} class="form survey-form" id="form">
          <Csrf token={props.csrfToken} />
          <fieldset disabled={!open || undefined} class="survey-questions">
            <legend class="visually-hidden">{T.answerTitle}</legend>
            {survey.questions.map((question, index) => (
              <Question
                question={question}
                number={index + 1}
                values={props.values[question.id] ?? []}
                issues={issues}
              />
            ))}
          </fieldset>
          {open ? (
            <div class="form-actions">
              <button type="submit" class="button button-primary">
                {T.submit}
              </button>
            </div>
          ) : null}
        </form>
      ) : mustVerify ? null : (
        <p class="notice">
          {view.phase === 'closed'
            ? SURVEY_TEXT.closed(chinaDateTime(survey.closesAt))
            : SURVEY_TEXT.opensLater(chinaDateTime(survey.opensAt))}
        </p>
      )}
    </section>
  );
}

/** After a sheet was taken: thanks, and the results. */
export function SurveyReceived(props: { view: SurveyView }) {
  return (
    <section class="panel">
      <h1>{T.receivedTitle}</h1>
      <p class="notice">{T.received}</p>
      <p>
        <a href={surveyResultsPath(props.view.survey.id)}>{T.viewResults}</a>
      </p>
    </section>
  );
}
