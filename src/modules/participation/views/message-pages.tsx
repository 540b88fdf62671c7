import type { FieldIssue } from '../../../platform/errors.ts';
import { Csrf, ErrorSummary, MetaRow, Pagination } from '../../../platform/web/components.tsx';
import {
  CheckboxField,
  RadioGroup,
  SelectField,
  TextArea,
  TextField,
  type Choice,
} from '../../../platform/web/fields.tsx';
import { maskName } from '../domain/comment.ts';
import type { AnswerStats } from '../domain/message-clock.ts';
import {
  MESSAGE_KIND_LABELS,
  MESSAGE_KINDS,
  MESSAGE_LIMITS,
  MESSAGE_STATE_LABELS,
  RATING_LABELS,
  RATINGS,
  type Message,
} from '../domain/message.ts';
import { MESSAGE_TEXT } from '../domain/message-strings.ts';
import type { MessageSummary } from '../ports.ts';
import type { UnitMessageStats } from '../queries/message-views.ts';
import { messagePath, RATE_PATH, STATS_PATH, TRACK_PATH, WRITE_PATH } from './message-paths.ts';

/** The links every message page offers: write, look up one's own, the statistics. */
function MessageActions() {
  return (
    <p class="actions">
      <a href={WRITE_PATH} class="button button-primary">
        我要留言
      </a>{' '}
      <a href={TRACK_PATH} class="button">
        查询留言
      </a>{' '}
      <a href={STATS_PATH} class="button">
        办理情况统计
      </a>
    </p>
  );
}

/** The published messages with their answers, the latest answer first. */
export function MessageList(props: {
  items: MessageSummary[];
  page: number;
  pageSize: number;
  total: number;
  limitWorkingDays: number;
}) {
  return (
    <section class="panel">
      <h1>{MESSAGE_TEXT.columnTitle}</h1>
      <p>{MESSAGE_TEXT.intro(props.limitWorkingDays)}</p>
      <MessageActions />
      <h2>已公开的留言</h2>
      {props.items.length === 0 ? (
        <p class="empty">目前没有公开的留言。</p>
      ) : (
        <ul class="message-list">
          {props.items.map((m) => (
            <li>
              <span class="tag">{MESSAGE_KIND_LABELS[m.kind]}</span> <a href={messagePath(m.id)}>{m.title}</a>
              <p class="muted small">
                {maskName(m.name)} 留言于 {m.receivedOn} · {m.orgName} 答复于 {m.answeredOn}
              </p>
            </li>
          ))}
        </ul>
      )}
      <Pagination
        page={props.page}
        pageSize={props.pageSize}
        total={props.total}
        href={(n) => (n === 1 ? '/hdjl/liuyan/' : `/hdjl/liuyan/?page=${n}`)}
      />
    </section>
  );
}

/** A message and its answer as the public sees them (published, the name masked). */
export function MessagePage(props: { message: MessageSummary }) {
  const m = props.message;
  return (
    <article class="panel message">
      <h1 class="document-title">{m.title}</h1>
      <table class="meta-table">
        <tbody>
          <MetaRow label="类型">{MESSAGE_KIND_LABELS[m.kind]}</MetaRow>
          <MetaRow label="留言人">{maskName(m.name)}</MetaRow>
          <MetaRow label="留言时间">{m.receivedOn}</MetaRow>
          <MetaRow label="答复单位">{m.orgName}</MetaRow>
          <MetaRow label="答复时间">{m.answeredOn ?? ''}</MetaRow>
          {m.rating ? <MetaRow label="留言人评价">{RATING_LABELS[m.rating]}</MetaRow> : null}
        </tbody>
      </table>
      <h2>留言内容</h2>
      <p class="message-body">{m.body}</p>
      <h2>答复内容</h2>
      <p class="message-answer">{m.answer}</p>
    </article>
  );
}

/** Per-unit statistics (留言办理情况), public. */
export function StatsPage(props: {
  since: string;
  total: AnswerStats;
  units: UnitMessageStats[];
  limitWorkingDays: number;
}) {
  const percent = (part: number, whole: number) => (whole === 0 ? '—' : `${Math.round((part * 1000) / whole) / 10}%`);
  const row = (label: string, s: AnswerStats) => (
    <tr>
      <th scope="row">{label}</th>
      <td data-count="received">{s.received}</td>
      <td data-count="answered">{s.answered}</td>
      <td data-count="on-time">{s.answeredOnTime}</td>
      <td>{percent(s.answeredOnTime, s.answered)}</td>
      <td data-count="average">{s.averageWorkingDaysToAnswer ?? '—'}</td>
    </tr>
  );
  return (
    <section class="panel">
      <h1>留言办理情况统计</h1>
      <p>
        统计 {props.since} 以来收到的有效留言（不含不予受理的留言）。答复期限为{props.limitWorkingDays}
        个工作日，转办的留言计入接收单位，从转办之日起计算。
      </p>
      <div class="table-scroll">
        <table class="doc-table message-stats">
          <caption class="visually-hidden">各单位留言办理情况</caption>
          <thead>
            <tr>
              <th scope="col">单位</th>
              <th scope="col">收到</th>
              <th scope="col">已答复</th>
              <th scope="col">按期答复</th>
              <th scope="col">按期答复率</th>
              <th scope="col">平均答复用时（工作日）</th>
            </tr>
          </thead>
          <tbody>
            {row('全区合计', props.total)}
            {props.units.map((u) => row(u.org.name, u))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export type WriteValues = {
  orgId: string;
  kind: string;
  title: string;
  body: string;
  name: string;
  contact: string;
  publicConsent: boolean;
};

/** The form a resident writes with; on an error, what was typed comes back beside the message. */
export function WriteForm(props: {
  values: WriteValues;
  issues: FieldIssue[];
  message?: string | undefined;
  orgChoices: Choice[];
  csrfToken: string;
}) {
  const v = props.values;
  return (
    <section class="panel">
      <h1>我要留言</h1>
      <ErrorSummary issues={props.issues} message={props.message} />
      <form method="post" action={WRITE_PATH} class="form" id="form">
        <Csrf token={props.csrfToken} />
        <SelectField
          name="orgId"
          label="留言单位"
          value={v.orgId}
          options={[{ value: '', label: '请选择' }, ...props.orgChoices]}
          issues={props.issues}
          required
        />
        <RadioGroup
          name="kind"
          legend="留言类型"
          value={v.kind}
          options={MESSAGE_KINDS.map((k) => ({ value: k, label: MESSAGE_KIND_LABELS[k] }))}
          issues={props.issues}
        />
        <TextField
          name="title"
          label="标题"
          value={v.title}
          maxlength={MESSAGE_LIMITS.title}
          issues={props.issues}
          required
        />
        <TextArea
          name="body"
          label="留言内容"
          value={v.body}
          rows={8}
          maxlength={MESSAGE_LIMITS.body}
          issues={props.issues}
          hint={`最多${MESSAGE_LIMITS.body}字。请如实反映情况；含广告、辱骂等内容的留言不予受理。`}
          required
        />
        <TextField
          name="name"
          label="姓名"
          value={v.name}
          maxlength={MESSAGE_LIMITS.name}
          issues={props.issues}
          hint="公开时只显示第一个字，例如“张**”。"
          autocomplete="name"
          required
        />
        <TextField
          name="contact"
          label="联系电话或电子邮箱"
          value={v.contact}
          maxlength={MESSAGE_LIMITS.contact}
          issues={props.issues}
          hint="仅供办理单位联系您，不会公开。"
          required
        />
        <CheckboxField
          name="publicConsent"
          label="同意公开我的留言和答复（姓名隐去，联系方式不公开）"
          checked={v.publicConsent}
          issues={props.issues}
        />
        <div class="form-actions">
          <button type="submit" class="button button-primary">
            提交留言
          </button>
        </div>
      </form>
    </section>
  );
}

/** The receipt: the tracking code and the query password, shown once. */
export function MessageReceipt(props: { message: Message; pin: string; orgName: string; dueOn: string }) {
  return (
    <section class="panel">
      <h1>留言已提交</h1>
      <p class="notice">
        {props.orgName}已收到您的留言，将在 {props.dueOn} 前答复。请记下留言编号和查询码，凭此查询办理进度和答复：
      </p>
      <table class="meta-table receipt">
        <tbody>
          <MetaRow label="留言编号">
            <strong class="tracking-code">{props.message.trackingCode}</strong>
          </MetaRow>
          <MetaRow label="查询码">
            <strong class="tracking-code">{props.pin}</strong>
          </MetaRow>
        </tbody>
      </table>
      <p>查询码只显示这一次，请截图或抄下保存。</p>
      <p>
        <a href={TRACK_PATH}>查询留言</a>
      </p>
    </section>
  );
}

/** Looking up one's own message: the code and the query password. */
export function TrackForm(props: {
  code: string;
  issues: FieldIssue[];
  message?: string | undefined;
  csrfToken: string;
}) {
  return (
    <section class="panel">
      <h1>查询留言</h1>
      <ErrorSummary issues={props.issues} message={props.message} />
      <form method="post" action={TRACK_PATH} class="form" id="form">
        <Csrf token={props.csrfToken} />
        <TextField
          name="code"
          label="留言编号"
          value={props.code}
          maxlength={40}
          issues={props.issues}
          hint="形如 LY-7K3M9-P2QXW"
          required
        />
        <TextField name="pin" label="查询码" maxlength={12} issues={props.issues} autocomplete="off" required />
        <div class="form-actions">
          <button type="submit" class="button button-primary">
            查询
          </button>
        </div>
      </form>
    </section>
  );
}

/** The resident's own message: where it stands, the transfers, the answer, and the rating form. */
export function TrackResult(props: {
  message: Message;
  orgNames: Map<string, string>;
  dueOn: string | null;
  pin: string;
  issues: FieldIssue[];
  notice?: string | undefined;
  csrfToken: string;
}) {
  const m = props.message;
  const name = (id: string) => props.orgNames.get(id) ?? '';
  return (
    <section class="panel">
      <h1>{m.title}</h1>
      {props.notice ? <p class="notice">{props.notice}</p> : null}
      <ErrorSummary issues={props.issues} />
      <table class="meta-table">
        <tbody>
          <MetaRow label="留言编号">{m.trackingCode}</MetaRow>
          <MetaRow label="状态">
            <span class="tag">{MESSAGE_STATE_LABELS[m.state]}</span>
          </MetaRow>
          <MetaRow label="办理单位">{name(m.orgId)}</MetaRow>
          <MetaRow label="留言时间">{m.receivedOn}</MetaRow>
          {props.dueOn && m.state !== 'answered' ? <MetaRow label="答复期限">{props.dueOn}</MetaRow> : null}
          {m.answeredOn ? <MetaRow label="答复时间">{m.answeredOn}</MetaRow> : null}
        </tbody>
      </table>
      {m.transfers.length > 0 ? (
        <>
          <h2>转办记录</h2>
          <ul>
            {m.transfers.map((t) => (
              <li>
                {t.on} 由{name(t.fromOrgId)}转{name(t.toOrgId)}办理。理由：{t.reason}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h2>留言内容</h2>
      <p class="message-body">{m.body}</p>
      {m.state === 'declined' ? (
        <>
          <h2>不予受理的理由</h2>
          <p>{m.declineReason}</p>
        </>
      ) : null}
      {m.state === 'answered' ? (
        <>
          <h2>答复内容</h2>
          <p class="message-answer">{m.answer}</p>
          {m.rating ? (
            <p>您的评价：{RATING_LABELS[m.rating]}</p>
          ) : (
            <form method="post" action={RATE_PATH} class="form">
              <Csrf token={props.csrfToken} />
              <input type="hidden" name="code" value={m.trackingCode} />
              <input type="hidden" name="pin" value={props.pin} />
              <RadioGroup
                name="rating"
                legend="您对答复的评价"
                value=""
                options={RATINGS.map((r) => ({ value: r, label: RATING_LABELS[r] }))}
                issues={props.issues}
              />
              <TextArea
                name="ratingComment"
                label="评价意见（选填）"
                rows={3}
                maxlength={MESSAGE_LIMITS.reason}
                issues={props.issues}
              />
              <div class="form-actions">
                <button type="submit" class="button button-primary">
                  提交评价
                </button>
              </div>
            </form>
          )}
        </>
      ) : null}
    </section>
  );
}
