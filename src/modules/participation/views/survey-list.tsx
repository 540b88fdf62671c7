import { Pagination } from '../../../platform/web/components.tsx';
import type { SurveyListItem } from '../queries/survey-views.ts';
import { SURVEY_PAGE_TEXT } from '../survey-page-strings.ts';
import { PhaseTag, surveyPeriod } from './survey-meta.tsx';
import { surveyPath, surveyResultsPath } from './survey-paths.ts';

/** The public list of surveys, the latest opening first: title, unit, period, phase, answers, results. */
export function SurveyList(props: {
  items: SurveyListItem[];
  page: number;
  pageSize: number;
  total: number;
  href: (page: number) => string;
}) {
  const T = SURVEY_PAGE_TEXT;
  if (props.items.length === 0) return <p class="empty">{T.noSurveys}</p>;
  return (
    <>
      <ul class="consultation-list">
        {props.items.map((item) => (
          <li>
            <a href={surveyPath(item.id)} class="consultation-title">
              {item.title}
            </a>
            <PhaseTag phase={item.phase} />
            <p class="muted small">
              {item.orgName} · {T.period} {surveyPeriod(item)} · {T.answers} {item.answerCount} 份 ·{' '}
              <a href={surveyResultsPath(item.id)}>{T.viewResults}</a>
            </p>
          </li>
        ))}
      </ul>
      <Pagination page={props.page} pageSize={props.pageSize} total={props.total} href={props.href} />
    </>
  );
}
