import type { FieldIssue } from '../../../platform/errors.ts';
import { Csrf, ErrorSummary } from '../../../platform/web/components.tsx';
import {
  CheckboxGroup,
  DateField,
  SelectField,
  TextArea,
  TextField,
  type Choice,
} from '../../../platform/web/fields.tsx';
import {
  DECISION_LIMITS,
  DECISION_METHOD_LABELS,
  DECISION_METHODS,
  DECISION_STATUS_LABELS,
  DECISION_STATUSES,
  type DecisionInput,
} from '../domain/decision.ts';
import { DECISION_TEXT } from '../domain/decision-strings.ts';
import type { DecisionDirectory } from '../queries/decision-views.ts';
import type { Meeting } from '../domain/hearing.ts';
import { MeetingLinks } from './meeting-pages.tsx';
import { adminDecisionMeetingsPath } from './meeting-paths.ts';
import { consultationPath, reportPath } from './paths.ts';

export const DECISIONS_PATH = '/hdjl/zdjc/';
export const ADMIN_DECISIONS_PATH = '/admin/participation/decisions';

/**
 * The year's directory as a table; `editHref` adds the back office's edit links (and links to each
 * item's meetings); `meetings` lists each item's public hearings and meetings under its methods.
 */
export function DecisionTable(props: {
  directory: DecisionDirectory;
  editHref?: (id: string) => string;
  meetings?: ReadonlyMap<string, readonly Meeting[]>;
}) {
  const { rows } = props.directory;
  if (rows.length === 0) return <p class="empty">{DECISION_TEXT.none}</p>;
  return (
    <div class="table-scroll">
      <table class="doc-table decision-directory">
        <caption class="visually-hidden">{`${props.directory.year}年度${DECISION_TEXT.title}`}</caption>
        <thead>
          <tr>
            <th scope="col">序号</th>
            <th scope="col">决策事项</th>
            <th scope="col">决策单位</th>
            <th scope="col">公众参与方式</th>
            <th scope="col">计划完成时间</th>
            <th scope="col">进度</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((d, index) => (
            <tr>
              <td>{index + 1}</td>
              <td>
                {props.editHref ? <a href={props.editHref(d.id)}>{d.title}</a> : d.title}
                {d.summary ? <p class="muted small">{d.summary}</p> : null}
                {d.basis ? <p class="muted small">依据：{d.basis}</p> : null}
              </td>
              <td>{d.org.name}</td>
              <td>
                {d.methods.map((m) => DECISION_METHOD_LABELS[m]).join('、') || '—'}
                {d.consultationId && d.consultationState !== null && d.consultationState !== 'draft' ? (
                  <p class="small">
                    <a href={consultationPath(d.consultationId)}>征求意见稿</a>
                    {d.consultationState === 'completed' ? (
                      <>
                        {' · '}
                        <a href={reportPath(d.consultationId)}>意见采纳情况</a>
                      </>
                    ) : null}
                  </p>
                ) : null}
                <MeetingLinks meetings={props.meetings?.get(d.id) ?? []} />
                {props.editHref ? (
                  <p class="small">
                    <a href={adminDecisionMeetingsPath(d.id)}>听证会和座谈会</a>
                  </p>
                ) : null}
              </td>
              <td>{d.plannedTime || '—'}</td>
              <td>
                <span class="tag">{DECISION_STATUS_LABELS[d.status]}</span>
                {d.status === 'decided' && d.decidedOn ? <p class="small">{d.decidedOn}</p> : null}
                {d.resultLink ? (
                  <p class="small">
                    <a href={d.resultLink}>决策结果</a>
                  </p>
                ) : null}
                {d.status === 'withdrawn' ? <p class="small">理由：{d.withdrawnReason}</p> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Links to the years that have a directory. */
export function YearLinks(props: { directory: DecisionDirectory; base: string }) {
  return (
    <nav aria-label="年度" class="filter-links">
      {props.directory.years.map((year, index) => (
        <>
          {index > 0 ? ' · ' : ''}
          <a href={`${props.base}?year=${year}`} aria-current={year === props.directory.year ? 'page' : undefined}>
            {year}年度
          </a>
        </>
      ))}
    </nav>
  );
}

/** The public page: the directory of a year. */
export function DecisionDirectoryPage(props: {
  directory: DecisionDirectory;
  meetings?: ReadonlyMap<string, readonly Meeting[]>;
}) {
  return (
    <section class="panel">
      <h1>
        {props.directory.year}年度{DECISION_TEXT.title}
      </h1>
      <p>{DECISION_TEXT.intro}</p>
      <YearLinks directory={props.directory} base={DECISIONS_PATH} />
      <DecisionTable directory={props.directory} meetings={props.meetings} />
    </section>
  );
}

/** The back office's form for one item of the directory. */
export function DecisionForm(props: {
  decisionId: string | null;
  values: DecisionInput;
  issues: FieldIssue[];
  orgChoices: Choice[];
  consultationChoices: Choice[];
  csrfToken: string;
}) {
  const v = props.values;
  const action = props.decisionId === null ? ADMIN_DECISIONS_PATH : `${ADMIN_DECISIONS_PATH}/${props.decisionId}`;
  return (
    <section>
      <h1>{props.decisionId === null ? '列入重大行政决策事项' : '修改重大行政决策事项'}</h1>
      <ErrorSummary issues={props.issues} />
      <form method="post" action={action} class="form" id="form">
        <Csrf token={props.csrfToken} />
        <SelectField
          name="orgId"
          label="决策单位"
          value={v.orgId}
          options={props.orgChoices}
          issues={props.issues}
          required
        />
        <TextField name="year" label="年度" value={v.year} maxlength={4} issues={props.issues} required />
        <TextField
          name="title"
          label="决策事项名称"
          value={v.title}
          maxlength={DECISION_LIMITS.title}
          issues={props.issues}
          required
          wide
        />
        <TextArea
          name="summary"
          label="简要说明"
          value={v.summary}
          rows={3}
          maxlength={DECISION_LIMITS.text}
          issues={props.issues}
          wide
        />
        <TextArea
          name="basis"
          label="决策依据"
          value={v.basis}
          rows={2}
          maxlength={DECISION_LIMITS.text}
          issues={props.issues}
          wide
        />
        <CheckboxGroup
          name="methods"
          legend="公众参与方式（《重大行政决策程序暂行条例》第十四条至第二十一条）"
          values={v.methods}
          options={DECISION_METHODS.map((m) => ({ value: m, label: DECISION_METHOD_LABELS[m] }))}
          issues={props.issues}
          wide
        />
        <TextField
          name="plannedTime"
          label="计划完成时间"
          value={v.plannedTime}
          maxlength={50}
          issues={props.issues}
          hint="例如：2026年第三季度"
        />
        <SelectField
          name="status"
          label="进度"
          value={v.status}
          options={DECISION_STATUSES.map((s) => ({ value: s, label: DECISION_STATUS_LABELS[s] }))}
          issues={props.issues}
          required
        />
        <SelectField
          name="consultationId"
          label="关联的意见征集"
          value={v.consultationId}
          options={[{ value: '', label: '无' }, ...props.consultationChoices]}
          issues={props.issues}
        />
        <DateField name="decidedOn" label="决策日期" value={v.decidedOn} issues={props.issues} />
        <TextField
          name="resultLink"
          label="决策结果链接"
          value={v.resultLink}
          maxlength={DECISION_LIMITS.link}
          issues={props.issues}
          hint="本网站上的路径（以“/”开头）或 https:// 网址"
        />
        <TextArea
          name="withdrawnReason"
          label="调出目录的理由"
          value={v.withdrawnReason}
          rows={2}
          maxlength={DECISION_LIMITS.text}
          issues={props.issues}
        />
        <div class="form-actions">
          <button type="submit" class="button button-primary">
            保存
          </button>
        </div>
      </form>
    </section>
  );
}
