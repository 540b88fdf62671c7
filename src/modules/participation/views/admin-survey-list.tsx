import { Pagination } from '../../../platform/web/components.tsx';
import type { SurveyListItem } from '../queries/survey-views.ts';
import { SURVEY_PAGE_TEXT } from '../survey-page-strings.ts';
import { PhaseTag, surveyPeriod } from './survey-meta.tsx';
import { adminSurveyPath, ADMIN_SURVEYS_PATH } from './survey-paths.ts';

/** The back office's list of surveys: unit, period, phase and answers, the latest opening first. */
export function AdminSurveyList(props: { items: SurveyListItem[]; page: number; pageSize: number; total: number }) {
  const T = SURVEY_PAGE_TEXT;
  return (
    <section>
      <h1>{T.admin.list}</h1>
      <p>
        <a class="button button-primary" href={`${ADMIN_SURVEYS_PATH}/new`}>
          {T.admin.create}
        </a>
      </p>
      {props.items.length === 0 ? (
        <p class="empty">{T.admin.none}</p>
      ) : (
        <table class="data-table">
          <thead>
            <tr>
              <th scope="col">{T.admin.surveyTitle}</th>
              <th scope="col">{T.org}</th>
              <th scope="col">{T.period}</th>
              <th scope="col">{T.state}</th>
              <th scope="col">{T.answers}</th>
            </tr>
          </thead>
          <tbody>
            {props.items.map((item) => (
              <tr>
                <td>
                  <a href={adminSurveyPath(item.id)}>{item.title}</a>
                </td>
                <td>{item.orgName}</td>
                <td class="nowrap">{surveyPeriod(item)}</td>
                <td>
                  <PhaseTag phase={item.phase} />
                </td>
                <td>{String(item.answerCount)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination
        page={props.page}
        pageSize={props.pageSize}
        total={props.total}
        href={(n) => `${ADMIN_SURVEYS_PATH}?page=${n}`}
      />
    </section>
  );
}
