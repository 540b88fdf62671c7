import type { FieldIssue } from '../../../platform/errors.ts';
import { Csrf, ErrorSummary, MetaRow } from '../../../platform/web/components.tsx';
import { allowedSurveyActions } from '../domain/survey.ts';
import { SURVEY_TEXT } from '../domain/survey-strings.ts';
import type { SurveyView } from '../queries/survey-views.ts';
import { SURVEY_PAGE_TEXT } from '../survey-page-strings.ts';
import { SurveyMeta } from './survey-meta.tsx';
import { adminSurveyPath, surveyPath, surveyResultsPath } from './survey-paths.ts';

const T = SURVEY_PAGE_TEXT;

/**
 * A survey in the back office: where it stands, its questions, and by phase what may be done: edit
 * and publish a draft, edit a published survey until it opens, close it early; links to the public
 * page and the results once published.
 */
export function AdminSurvey(props: { view: SurveyView; answers: number; csrfToken: string; issues: FieldIssue[] }) {
  const { view, csrfToken } = props;
  const { survey } = view;
  const actions = allowedSurveyActions(view.phase);
  return (
    <section>
      <h1>{survey.title}</h1>
      <ErrorSummary issues={props.issues} />
      <SurveyMeta orgName={view.orgName} survey={survey} phase={view.phase}>
        <MetaRow label={T.answers}>{`${props.answers} 份`}</MetaRow>
        {view.phase === 'draft' ? null : (
          <MetaRow label={T.admin.viewPublic}>
            <a href={surveyPath(survey.id)}>{T.admin.viewPublic}</a>
            {' · '}
            <a href={surveyResultsPath(survey.id)}>{T.admin.results}</a>
          </MetaRow>
        )}
      </SurveyMeta>
      {survey.description === '' ? null : <p class="survey-description">{survey.description}</p>}
      <div class="form-actions">
        {actions.includes('edit') ? (
          <a class="button" href={`${adminSurveyPath(survey.id)}/edit`}>
            {T.admin.edit}
          </a>
        ) : null}
        {actions.includes('publish') ? (
          <form method="post" action={`${adminSurveyPath(survey.id)}/publish`} class="inline-form">
            <Csrf token={csrfToken} />
            <button type="submit" class="button button-primary">
              {T.admin.publish}
            </button>
          </form>
        ) : null}
        {actions.includes('close') ? (
          <form method="post" action={`${adminSurveyPath(survey.id)}/close`} class="inline-form">
            <Csrf token={csrfToken} />
            <button type="submit" class="button" aria-describedby="close-hint">
              {T.admin.close}
            </button>
            <span class="hint" id="close-hint">
              {' '}
              {T.admin.closeHint}
            </span>
          </form>
        ) : null}
      </div>
      <ol class="survey-question-summary">
        {survey.questions.map((question) => (
          <li>
            <strong>{question.title}</strong> <span class="tag">{SURVEY_TEXT.kinds[question.kind]}</span>
            {question.required ? <span class="muted small"> {T.required}</span> : null}
            {question.kind === 'single' || question.kind === 'multiple' ? (
              <ul>
                {question.options.map((option) => (
                  <li>{option}</li>
                ))}
              </ul>
            ) : question.kind === 'scale' ? (
              <p class="muted small">{T.scaleHint(question.from, question.fromLabel, question.to, question.toLabel)}</p>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
