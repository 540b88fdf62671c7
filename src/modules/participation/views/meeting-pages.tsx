import type { Child } from 'hono/jsx';
import type { FieldIssue } from '../../../platform/errors.ts';
import { chinaDateTime } from '../../../platform/clock.ts';
import { Csrf, ErrorSummary, MetaRow } from '../../../platform/web/components.tsx';
import { DateField, RadioGroup, SelectField, TextArea, TextField } from '../../../platform/web/fields.tsx';
import type { MajorDecision } from '../domain/decision.ts';
import {
  HEARING_MATERIALS_DAYS,
  MEETING_KIND_LABELS,
  MEETING_KINDS,
  MEETING_LIMITS,
  MEETING_STATE_LABELS,
  SELECTION_METHOD_LABELS,
  SELECTION_METHODS,
  STAKEHOLDER_LABELS,
  STAKEHOLDER_TYPES,
  VIEW_LABELS,
  VIEWS,
  type Meeting,
  type MeetingCounts,
  type MeetingInput,
  type MeetingRegistration,
  type RegistrationInput,
} from '../domain/hearing.ts';
import { HEARING_TEXT } from '../domain/hearing-strings.ts';
import type { PublicMeeting, StaffRegistration } from '../queries/meeting-views.ts';
import { DECISIONS_PATH } from './decision-pages.tsx';
import {
  ADMIN_MEETINGS_PATH,
  adminDecisionMeetingsPath,
  adminMeetingPath,
  MEETING_LOOKUP_PATH,
  meetingPath,
} from './meeting-paths.ts';

/** Plain paragraphs of resident- or staff-typed text (escaped by JSX, never HTML). */
function Paragraphs(props: { text: string }) {
  return (
    <>
      {props.text
        .split(/\n\s*\n|\n/)
        .filter((p) => p.trim() !== '')
        .map((p) => (
          <p>{p}</p>
        ))}
    </>
  );
}

/** A decision item's public meetings, as links under the item in the directory. */
export function MeetingLinks(props: { meetings: readonly Meeting[] }) {
  if (props.meetings.length === 0) return null;
  return (
    <ul class="small meeting-links">
      {props.meetings.map((m) => (
        <li>
          <a href={meetingPath(m.id)}>
            {MEETING_KIND_LABELS[m.kind]}：{m.title}
          </a>{' '}
          <span class="tag">{MEETING_STATE_LABELS[m.state]}</span>
        </li>
      ))}
    </ul>
  );
}

function NoticeTable(props: { meeting: Meeting; orgName: string; decision: MajorDecision }) {
  const m = props.meeting;
  return (
    <table class="meta-table">
      <caption class="visually-hidden">会议公告</caption>
      <tbody>
        <MetaRow label="决策事项">
          <a href={`${DECISIONS_PATH}?year=${props.decision.year}`}>{props.decision.title}</a>
        </MetaRow>
        <MetaRow label="组织单位">{props.orgName}</MetaRow>
        <MetaRow label="会议类型">{MEETING_KIND_LABELS[m.kind]}</MetaRow>
        <MetaRow label="会议时间">{chinaDateTime(m.startsAt)}</MetaRow>
        <MetaRow label="会议地点">{m.place}</MetaRow>
        <MetaRow label="报名时间">
          {m.registrationOpensOn} 至 {m.registrationClosesOn}
        </MetaRow>
        <MetaRow label="参加人名额">{`${m.seats}人`}</MetaRow>
        <MetaRow label="遴选方式">{SELECTION_METHOD_LABELS[m.selectionMethod]}</MetaRow>
        <MetaRow label="状态">
          <span class="tag">{MEETING_STATE_LABELS[m.state]}</span>
        </MetaRow>
      </tbody>
    </table>
  );
}

/** The public page of a meeting: the notice, the form while registration is open, the choice, the minutes. */
export function MeetingPage(props: {
  view: PublicMeeting;
  registrationOpen: boolean;
  form?: { values: RegistrationInput; issues: FieldIssue[]; message?: string | undefined } | undefined;
  csrfToken: string;
}) {
  const { meeting: m, counts } = props.view;
  return (
    <article class="panel meeting">
      <h1>{m.title}</h1>
      {m.state === 'cancelled' ? (
        <p class="notice" role="status">
          本次会议已取消。取消理由：{m.cancelReason}
        </p>
      ) : null}
      <NoticeTable meeting={m} orgName={props.view.orgName} decision={props.view.decision} />
      <h2>会议议题</h2>
      <Paragraphs text={m.matter} />
      <h2>参加人遴选办法</h2>
      <Paragraphs text={m.selectionRule} />
      {m.kind === 'hearing' ? (
        <p class="muted small">
          依据《重大行政决策程序暂行条例》第十七条，听证参加人名单在会前公布，听证会材料于召开听证会
          {HEARING_MATERIALS_DAYS}日前送达听证参加人。
        </p>
      ) : null}
      {m.materials || m.materialsLink ? (
        <>
          <h2>会议材料</h2>
          {m.materials ? <Paragraphs text={m.materials} /> : null}
          {m.materialsLink ? (
            <p>
              <a href={m.materialsLink}>查看决策草案及说明</a>
            </p>
          ) : null}
        </>
      ) : null}
      {props.registrationOpen ? (
        <RegistrationForm
          meetingId={m.id}
          values={props.form?.values ?? { name: '', contact: '', stakeholder: '', view: '', statement: '' }}
          issues={props.form?.issues ?? []}
          message={props.form?.message}
          csrfToken={props.csrfToken}
        />
      ) : m.state === 'announced' ? (
        <p class="notice">{HEARING_TEXT.registrationClosed}</p>
      ) : null}
      <p class="small">
        已报名？<a href={MEETING_LOOKUP_PATH}>凭回执编号查询遴选结果</a>
      </p>
      {props.view.participants.length > 0 ? <SelectionResult view={props.view} /> : null}
      {m.state === 'minuted' ? <Minutes meeting={m} counts={counts} /> : null}
    </article>
  );
}

function SelectionResult(props: { view: PublicMeeting }) {
  const m = props.view.meeting;
  const held = m.state === 'held' || m.state === 'minuted';
  return (
    <section aria-labelledby="selection-heading">
      <h2 id="selection-heading">参加人遴选结果</h2>
      <p>
        共{props.view.counts.registrants}人报名，确定参加人{props.view.counts.selected}人（
        {SELECTION_METHOD_LABELS[m.selectedHow ?? 'manual']}）。
        {m.selectedHow === 'manual' ? `确定理由：${m.selectionReason}` : null}
      </p>
      {m.drawSeed ? (
        <p class="small muted">
          抽选种子：<code>{m.drawSeed}</code>
          。按支持、反对、其他意见分组，组内按“SHA-256(种子:报名序号)”排序（按报名顺序遴选的按报名序号排序），各组按“SHA-256(种子:support/oppose/other)”排定次序后轮流分配名额；任何人可据此复核。
        </p>
      ) : null}
      {m.drawSeed ? (
        <p class="small muted">
          各态度的报名序号：
          {VIEWS.map((v) => `${VIEW_LABELS[v]} ${props.view.numbersByView[v].join('、') || '无'}`).join('；')}。
        </p>
      ) : null}
      <div class="table-scroll">
        <table class="doc-table">
          <caption class="visually-hidden">参加人名单（姓名已部分隐去）</caption>
          <thead>
            <tr>
              <th scope="col">序号</th>
              <th scope="col">报名序号</th>
              <th scope="col">姓名</th>
              <th scope="col">身份类别</th>
              <th scope="col">基本态度</th>
              {held ? <th scope="col">出席情况</th> : null}
            </tr>
          </thead>
          <tbody>
            {props.view.participants.map((p) => (
              <tr>
                <td>{p.rank}</td>
                <td>{p.number}</td>
                <td>{p.maskedName}</td>
                <td>{STAKEHOLDER_LABELS[p.stakeholder]}</td>
                <td>{VIEW_LABELS[p.view]}</td>
                {held ? <td>{p.attendance === 'attended' ? '出席' : '缺席'}</td> : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** The counts by view: registrants, chosen, attendees. */
function CountsTable(props: { counts: MeetingCounts }) {
  return (
    <div class="table-scroll">
      <table class="doc-table">
        <caption>报名、遴选和出席情况</caption>
        <thead>
          <tr>
            <th scope="col">基本态度</th>
            <th scope="col">报名人数</th>
            <th scope="col">入选人数</th>
            <th scope="col">出席人数</th>
          </tr>
        </thead>
        <tbody>
          {VIEWS.map((v) => (
            <tr>
              <th scope="row">{VIEW_LABELS[v]}</th>
              <td>{props.counts.byView[v].registrants}</td>
              <td>{props.counts.byView[v].selected}</td>
              <td>{props.counts.byView[v].attended}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">合计</th>
            <td>{props.counts.registrants}</td>
            <td>{props.counts.selected}</td>
            <td>{props.counts.attended}</td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}

function Minutes(props: { meeting: Meeting; counts: MeetingCounts }) {
  const m = props.meeting;
  return (
    <section aria-labelledby="minutes-heading">
      <h2 id="minutes-heading">{m.kind === 'hearing' ? '听证笔录' : '会议纪要'}</h2>
      <p class="muted small">公布时间：{m.minutesPublishedAt ? chinaDateTime(m.minutesPublishedAt) : ''}</p>
      <CountsTable counts={props.counts} />
      {m.viewsSummary ? (
        <>
          <h3>意见概述</h3>
          <Paragraphs text={m.viewsSummary} />
        </>
      ) : null}
      <h3>笔录正文</h3>
      <Paragraphs text={m.minutes} />
    </section>
  );
}

/** The registration form on the meeting's page. */
export function RegistrationForm(props: {
  meetingId: string;
  values: RegistrationInput;
  issues: FieldIssue[];
  message?: string | undefined;
  csrfToken: string;
}) {
  const v = props.values;
  const L = MEETING_LIMITS;
  return (
    <section aria-labelledby="register-heading">
      <h2 id="register-heading">报名参加</h2>
      <ErrorSummary issues={props.issues} message={props.message} />
      <form method="post" action={meetingPath(props.meetingId)} class="form" id="form">
        <Csrf token={props.csrfToken} />
        <TextField
          name="name"
          label="姓名"
          value={v.name}
          maxlength={L.name}
          issues={props.issues}
          hint="公布参加人名单时只显示第一个字，例如“张**”。"
          autocomplete="name"
          required
        />
        <TextField
          name="contact"
          label="手机号码或电子邮箱"
          value={v.contact}
          maxlength={L.contact}
          issues={props.issues}
          hint="仅用于通知遴选结果和送达会议材料，加密保存，不公开。"
          autocomplete="tel"
          required
        />
        <RadioGroup
          name="stakeholder"
          legend="身份类别"
          value={v.stakeholder}
          options={STAKEHOLDER_TYPES.map((s) => ({ value: s, label: STAKEHOLDER_LABELS[s] }))}
          issues={props.issues}
        />
        <RadioGroup
          name="view"
          legend="对会议议题的基本态度"
          value={v.view}
          options={VIEWS.map((s) => ({ value: s, label: VIEW_LABELS[s] }))}
          issues={props.issues}
        />
        <TextArea
          name="statement"
          label="意见简述"
          value={v.statement}
          rows={5}
          maxlength={L.statement}
          issues={props.issues}
          hint={`最多${L.statement}字。`}
          required
        />
        <div class="form-actions">
          <button type="submit" class="button button-primary">
            提交报名
          </button>
        </div>
      </form>
    </section>
  );
}

/** The receipt after registering: the code and the query password, shown once. */
export function RegistrationReceipt(props: { meeting: Meeting; registration: MeetingRegistration; pin: string }) {
  return (
    <section class="panel">
      <h1>报名成功</h1>
      <p class="notice" role="status">
        您已报名参加“{props.meeting.title}”。报名截止后将按公布的遴选办法确定参加人，请凭回执编号和查询码查询遴选结果：
      </p>
      <table class="meta-table receipt">
        <tbody>
          <MetaRow label="回执编号">
            <strong class="tracking-code">{props.registration.receiptCode}</strong>
          </MetaRow>
          <MetaRow label="查询码">
            <strong class="tracking-code">{props.pin}</strong>
          </MetaRow>
        </tbody>
      </table>
      <p>查询码只显示这一次，请截图或抄下保存。</p>
      <p>
        <a href={meetingPath(props.meeting.id)}>返回会议公告</a> · <a href={MEETING_LOOKUP_PATH}>查询遴选结果</a>
      </p>
    </section>
  );
}

/** Looking up one's own registration. */
export function LookupForm(props: { code: string; message?: string | undefined; csrfToken: string }) {
  return (
    <section class="panel">
      <h1>查询报名和遴选结果</h1>
      <ErrorSummary issues={[]} message={props.message} />
      <form method="post" action={MEETING_LOOKUP_PATH} class="form" id="form">
        <Csrf token={props.csrfToken} />
        <TextField name="code" label="回执编号" value={props.code} maxlength={20} autocomplete="off" required />
        <TextField name="pin" label="查询码" value="" maxlength={6} autocomplete="off" required />
        <div class="form-actions">
          <button type="submit" class="button button-primary">
            查询
          </button>
        </div>
      </form>
    </section>
  );
}

/** The resident's own registration: whether they were chosen and, after the meeting, attendance. */
export function LookupResult(props: { meeting: Meeting; registration: MeetingRegistration }) {
  const r = props.registration;
  const status =
    props.meeting.state === 'cancelled'
      ? '会议已取消'
      : r.status === 'selected'
        ? '已入选，为本次会议参加人'
        : r.status === 'not_selected'
          ? '未入选'
          : '已报名，等待遴选';
  return (
    <section class="panel">
      <h1>报名查询结果</h1>
      <table class="meta-table">
        <tbody>
          <MetaRow label="会议">
            <a href={meetingPath(props.meeting.id)}>{props.meeting.title}</a>
          </MetaRow>
          <MetaRow label="会议时间">{chinaDateTime(props.meeting.startsAt)}</MetaRow>
          <MetaRow label="回执编号">{r.receiptCode}</MetaRow>
          <MetaRow label="遴选结果">
            <strong>{status}</strong>
          </MetaRow>
          {r.attendance ? <MetaRow label="出席情况">{r.attendance === 'attended' ? '出席' : '缺席'}</MetaRow> : null}
        </tbody>
      </table>
    </section>
  );
}

/** The back office's list of a decision item's meetings. */
export function AdminMeetingList(props: { decision: MajorDecision; meetings: readonly Meeting[] }) {
  return (
    <section>
      <h1>{props.decision.title}：听证会和座谈会</h1>
      <p>
        <a class="button button-primary" href={`${adminDecisionMeetingsPath(props.decision.id)}/new`}>
          安排会议
        </a>
      </p>
      {props.meetings.length === 0 ? (
        <p class="empty">{HEARING_TEXT.none}</p>
      ) : (
        <div class="table-scroll">
          <table class="doc-table">
            <caption class="visually-hidden">会议列表</caption>
            <thead>
              <tr>
                <th scope="col">会议</th>
                <th scope="col">类型</th>
                <th scope="col">会议时间</th>
                <th scope="col">状态</th>
              </tr>
            </thead>
            <tbody>
              {props.meetings.map((m) => (
                <tr>
                  <td>
                    <a href={adminMeetingPath(m.id)}>{m.title}</a>
                  </td>
                  <td>{MEETING_KIND_LABELS[m.kind]}</td>
                  <td>{chinaDateTime(m.startsAt)}</td>
                  <td>
                    <span class="tag">{MEETING_STATE_LABELS[m.state]}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** The back office's form of a meeting (new, or a draft's changes). */
export function MeetingForm(props: {
  decision: MajorDecision;
  meetingId: string | null;
  values: MeetingInput;
  issues: FieldIssue[];
  csrfToken: string;
}) {
  const v = props.values;
  const L = MEETING_LIMITS;
  const action =
    props.meetingId === null ? adminDecisionMeetingsPath(props.decision.id) : adminMeetingPath(props.meetingId);
  return (
    <section>
      <h1>{props.meetingId === null ? '安排听证会或座谈会' : '修改会议'}</h1>
      <p class="muted">决策事项：{props.decision.title}</p>
      <ErrorSummary issues={props.issues} />
      <form method="post" action={action} class="form" id="form">
        <Csrf token={props.csrfToken} />
        <SelectField
          name="kind"
          label="会议类型"
          value={v.kind}
          options={MEETING_KINDS.map((k) => ({ value: k, label: MEETING_KIND_LABELS[k] }))}
          issues={props.issues}
          required
        />
        <TextField
          name="title"
          label="会议名称"
          value={v.title}
          maxlength={L.title}
          issues={props.issues}
          required
          wide
        />
        <TextArea
          name="matter"
          label="会议议题（听证事项）"
          value={v.matter}
          rows={4}
          maxlength={L.text}
          issues={props.issues}
          required
          wide
        />
        <TextField name="place" label="会议地点" value={v.place} maxlength={L.place} issues={props.issues} required />
        <DateField name="startsAt" label="会议时间" value={v.startsAt} withTime issues={props.issues} required />
        <DateField
          name="registrationOpensOn"
          label="报名开始日期"
          value={v.registrationOpensOn}
          issues={props.issues}
          required
        />
        <DateField
          name="registrationClosesOn"
          label="报名截止日期"
          value={v.registrationClosesOn}
          issues={props.issues}
          hint={`听证会材料须于召开${HEARING_MATERIALS_DAYS}日前送达听证参加人（《重大行政决策程序暂行条例》第十七条），报名最迟在会前${HEARING_MATERIALS_DAYS + 1}日截止。`}
          required
        />
        <TextField
          name="seats"
          label="参加人名额"
          value={v.seats}
          type="number"
          inputmode="numeric"
          issues={props.issues}
          required
        />
        <SelectField
          name="selectionMethod"
          label="遴选方式"
          value={v.selectionMethod}
          options={SELECTION_METHODS.map((s) => ({ value: s, label: SELECTION_METHOD_LABELS[s] }))}
          issues={props.issues}
          required
        />
        <TextArea
          name="selectionRule"
          label="参加人遴选办法（向社会公布）"
          value={v.selectionRule}
          rows={4}
          maxlength={L.text}
          issues={props.issues}
          hint="说明报名条件、名额分配和遴选方式，保证相关各方都有代表参加（《重大行政决策程序暂行条例》第十七条）。"
          required
          wide
        />
        <TextArea
          name="materials"
          label="会议材料（决策草案及说明）"
          value={v.materials}
          rows={6}
          maxlength={L.text}
          issues={props.issues}
          wide
        />
        <TextField
          name="materialsLink"
          label="材料链接"
          value={v.materialsLink}
          maxlength={L.link}
          issues={props.issues}
          hint="本网站上的路径（以 / 开头）或 https:// 开头的网址，可不填。"
          wide
        />
        <div class="form-actions">
          <button type="submit" class="button button-primary">
            保存
          </button>
          <a href={adminDecisionMeetingsPath(props.decision.id)}>返回</a>
        </div>
      </form>
    </section>
  );
}

function ActionForm(props: { meetingId: string; action: string; label: string; csrfToken: string; children?: Child }) {
  return (
    <form method="post" action={`${adminMeetingPath(props.meetingId)}/${props.action}`} class="form inline-form">
      <Csrf token={props.csrfToken} />
      {props.children}
      <div class="form-actions">
        <button type="submit" class="button">
          {props.label}
        </button>
      </div>
    </form>
  );
}

/** The back office's page of one meeting: its notice, registrants with contacts, and the next steps. */
export function AdminMeetingPage(props: {
  meeting: Meeting;
  decision: MajorDecision;
  registrations: StaffRegistration[];
  counts: MeetingCounts;
  actions: readonly string[];
  issues: FieldIssue[];
  values: Record<string, string>;
  csrfToken: string;
}) {
  const m = props.meeting;
  const has = (a: string) => props.actions.includes(a);
  const chosen = props.registrations.filter((r) => r.status === 'selected');
  return (
    <section>
      <h1>{m.title}</h1>
      <p>
        <span class="tag">{MEETING_STATE_LABELS[m.state]}</span> {MEETING_KIND_LABELS[m.kind]} ·{' '}
        {chinaDateTime(m.startsAt)} · {m.place} · 名额{m.seats}人 ·{' '}
        <a href={adminDecisionMeetingsPath(m.decisionId)}>返回{props.decision.title}</a>
        {m.state !== 'draft' ? (
          <>
            {' · '}
            <a href={meetingPath(m.id)}>查看公开页面</a>
          </>
        ) : null}
      </p>
      <ErrorSummary issues={props.issues} />
      {m.state === 'cancelled' ? <p class="notice">已取消：{m.cancelReason}</p> : null}
      {has('edit') ? (
        <p>
          <a class="button" href={`${adminMeetingPath(m.id)}/edit`}>
            修改会议
          </a>
        </p>
      ) : null}
      {has('announce') ? (
        <ActionForm meetingId={m.id} action="announce" label="发布公告，开始报名" csrfToken={props.csrfToken} />
      ) : null}
      {m.state === 'announced' && !has('close') ? (
        <p class="muted">报名于 {m.registrationClosesOn} 截止，截止后可截止报名并遴选参加人。</p>
      ) : null}
      {has('close') ? (
        <ActionForm meetingId={m.id} action="close" label="截止报名" csrfToken={props.csrfToken} />
      ) : null}
      <h2>报名情况（共{props.counts.registrants}人）</h2>
      {props.registrations.length === 0 ? (
        <p class="empty">尚无报名。</p>
      ) : (
        <div class="table-scroll">
          <table class="doc-table">
            <caption class="visually-hidden">报名人</caption>
            <thead>
              <tr>
                <th scope="col">报名序号</th>
                <th scope="col">姓名</th>
                <th scope="col">联系方式</th>
                <th scope="col">身份类别</th>
                <th scope="col">态度</th>
                <th scope="col">意见简述</th>
                <th scope="col">遴选</th>
                <th scope="col">出席</th>
              </tr>
            </thead>
            <tbody>
              {props.registrations.map((r) => (
                <tr>
                  <td>{r.number}</td>
                  <td>{r.name}</td>
                  <td>{r.contact}</td>
                  <td>{STAKEHOLDER_LABELS[r.stakeholder]}</td>
                  <td>{VIEW_LABELS[r.view]}</td>
                  <td>{r.statement}</td>
                  <td>
                    {r.status === 'selected'
                      ? `入选（${r.selectionRank}）`
                      : r.status === 'not_selected'
                        ? '未入选'
                        : '—'}
                  </td>
                  <td>{r.attendance === 'attended' ? '出席' : r.attendance === 'absent' ? '缺席' : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {has('select') ? (
        <>
          <h2>遴选参加人</h2>
          <ActionForm
            meetingId={m.id}
            action="draw"
            label={`按公布的办法${SELECTION_METHOD_LABELS[m.selectionMethod]}`}
            csrfToken={props.csrfToken}
          >
            <p class="hint">系统生成随机种子并公开，按态度分组轮流分配名额，结果可复核。</p>
          </ActionForm>
          {props.registrations.length > 0 ? (
            <ActionForm meetingId={m.id} action="select" label="按勾选确定参加人" csrfToken={props.csrfToken}>
              <fieldset class="form-row wide">
                <legend>勾选参加人（不超过{m.seats}人）</legend>
                {props.registrations.map((r) => (
                  <label class="choice">
                    <input type="checkbox" name="chosen" value={r.id} /> {r.number}. {r.name}（{VIEW_LABELS[r.view]}）
                  </label>
                ))}
              </fieldset>
              <TextArea
                name="selectionReason"
                label="确定理由（向社会公布）"
                value={props.values.selectionReason ?? ''}
                rows={3}
                issues={props.issues}
                required
                wide
              />
            </ActionForm>
          ) : null}
        </>
      ) : null}
      {has('attendance') ? (
        <>
          <h2>记录出席情况</h2>
          <ActionForm meetingId={m.id} action="attendance" label="保存出席情况" csrfToken={props.csrfToken}>
            {chosen.map((r) => (
              <RadioGroup
                name={`attendance.${r.id}`}
                legend={`${r.number}. ${r.name}`}
                value={props.values[`attendance.${r.id}`] ?? 'attended'}
                options={[
                  { value: 'attended', label: '出席' },
                  { value: 'absent', label: '缺席' },
                ]}
                issues={props.issues}
              />
            ))}
          </ActionForm>
        </>
      ) : null}
      {has('minutes') ? (
        <>
          <h2>公布{m.kind === 'hearing' ? '听证笔录' : '会议纪要'}</h2>
          <ActionForm meetingId={m.id} action="minutes" label="公布" csrfToken={props.csrfToken}>
            <TextArea
              name="viewsSummary"
              label="意见概述"
              value={props.values.viewsSummary ?? ''}
              rows={4}
              issues={props.issues}
              wide
            />
            <TextArea
              name="minutes"
              label="笔录（纪要）正文"
              value={props.values.minutes ?? ''}
              rows={12}
              maxlength={MEETING_LIMITS.minutes}
              issues={props.issues}
              hint="按段落填写；听证笔录应经听证参加人确认签字（《重大行政决策程序暂行条例》第十八条）。"
              required
              wide
            />
          </ActionForm>
        </>
      ) : null}
      {has('cancel') ? (
        <>
          <h2>取消会议</h2>
          <ActionForm meetingId={m.id} action="cancel" label="取消会议" csrfToken={props.csrfToken}>
            <TextArea
              name="cancelReason"
              label="取消理由（向社会公布）"
              value={props.values.cancelReason ?? ''}
              rows={3}
              issues={props.issues}
              required
              wide
            />
          </ActionForm>
        </>
      ) : null}
      <p class="small muted">
        <a href={ADMIN_MEETINGS_PATH.replace('/meetings', '/decisions')}>重大行政决策事项目录</a>
      </p>
    </section>
  );
}
