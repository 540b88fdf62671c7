import type { Child } from 'hono/jsx';
import { Pagination } from '../../../platform/web/components.tsx';
import { PHASE_LABELS } from '../domain/consultation.ts';
import type { ConsultationListItem } from '../queries/consultation-views.ts';
import { CONSULTATION_TEXT } from '../strings.ts';
import { periodText } from './format.ts';
import { consultationPath, reportPath } from './paths.ts';
import { SURVEYS_PATH } from './survey-paths.ts';
import { MESSAGES_PATH } from './message-paths.ts';
import { DECISIONS_PATH } from './decision-pages.tsx';
import { MESSAGE_TEXT } from '../domain/message-strings.ts';
import { DECISION_TEXT } from '../domain/decision-strings.ts';
import { INTERVIEW_TEXT } from '../domain/interview-strings.ts';
import { INTERVIEWS_PATH } from './interview-paths.ts';
import { SURVEY_PAGE_TEXT } from '../survey-page-strings.ts';

/** The consultations, newest first: title, unit, period, phase, comments, and the report once out. */
export function ConsultationList(props: {
  items: ConsultationListItem[];
  page: number;
  pageSize: number;
  total: number;
  href: (page: number) => string;
}) {
  if (props.items.length === 0) return <p class="empty">{CONSULTATION_TEXT.noConsultations}</p>;
  return (
    <>
      <ul class="consultation-list">
        {props.items.map((item) => (
          <li>
            <a href={consultationPath(item.id)} class="consultation-title">
              {item.title}
            </a>
            <span class={`tag phase-${item.phase}`}>{PHASE_LABELS[item.phase]}</span>
            <p class="muted small">
              {item.orgName} · 征求意见时间 {periodText(item)} · 意见 {item.shownComments} 条
              {item.phase === 'completed' ? (
                <>
                  {' · '}
                  <a href={reportPath(item.id)}>查看意见采纳情况</a>
                </>
              ) : null}
            </p>
          </li>
        ))}
      </ul>
      <Pagination page={props.page} pageSize={props.pageSize} total={props.total} href={props.href} />
    </>
  );
}

/** The 互动交流 column's front page. */
export function ColumnPage(props: { children?: Child }) {
  return (
    <section class="panel">
      <h1>{CONSULTATION_TEXT.columnTitle}</h1>
      <p>{CONSULTATION_TEXT.columnIntro}</p>
      <nav aria-label={CONSULTATION_TEXT.columnTitle}>
        <ul class="column-links">
          <li>
            <a href={MESSAGES_PATH}>{MESSAGE_TEXT.columnTitle}</a>
          </li>
          <li>
            <a href={SURVEYS_PATH}>{SURVEY_PAGE_TEXT.columnLink}</a>
          </li>
          <li>
            <a href={DECISIONS_PATH}>{DECISION_TEXT.title}</a>
          </li>
          <li>
            <a href={INTERVIEWS_PATH}>{INTERVIEW_TEXT.title}</a>
          </li>
        </ul>
      </nav>
      {props.children}
    </section>
  );
}
