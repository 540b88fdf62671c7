import { Csrf, ErrorSummary, MetaRow, Pagination } from '../../../platform/web/components.tsx';
import { CheckboxField, SelectField, TextArea, type Choice } from '../../../platform/web/fields.tsx';
import type { MessageDeadline } from '../domain/message-clock.ts';
import {
  allowedMessageActions,
  MESSAGE_KIND_LABELS,
  MESSAGE_LIMITS,
  MESSAGE_STATE_LABELS,
  MESSAGE_STATES,
  RATING_LABELS,
  type MessageState,
} from '../domain/message.ts';
import type { StaffMessageRow, StaffMessageView } from '../queries/message-views.ts';
import type { AdminFormState } from './admin-consultation.tsx';
import { ADMIN_MESSAGES_PATH, adminMessagePath, messagePath } from './message-paths.ts';

/** Where an open message stands against its limit, in words and a class the list colours by. */
function DeadlineCell(props: { deadline: MessageDeadline | null; state: MessageState }) {
  const d = props.deadline;
  if (!d) return <td>—</td>;
  if (props.state === 'answered')
    return <td>{d.isAnsweredOnTime ? '按期答复' : <span class="tag tag-danger">超期答复</span>}</td>;
  return (
    <td class="nowrap">
      {d.dueOn}{' '}
      {d.isOverdue ? (
        <span class="tag tag-danger">已超期</span>
      ) : (
        <span class={d.workingDaysLeft <= 1 ? 'tag tag-warning' : 'tag'}>剩{d.workingDaysLeft}个工作日</span>
      )}
    </td>
  );
}

/** The back office's messages: the reader's units', newest first, with their due dates. */
export function AdminMessageList(props: {
  items: StaffMessageRow[];
  state: MessageState | undefined;
  page: number;
  pageSize: number;
  total: number;
}) {
  const href = (state: MessageState | undefined, page = 1) => {
    const query = new URLSearchParams();
    if (state) query.set('state', state);
    if (page > 1) query.set('page', String(page));
    const text = query.toString();
    return text === '' ? ADMIN_MESSAGES_PATH : `${ADMIN_MESSAGES_PATH}?${text}`;
  };
  return (
    <section>
      <h1>政民互动留言</h1>
      <nav aria-label="按状态筛选" class="filter-links">
        <a href={href(undefined)} aria-current={props.state === undefined ? 'page' : undefined}>
          全部
        </a>
        {MESSAGE_STATES.map((s) => (
          <>
            {' · '}
            <a href={href(s)} aria-current={props.state === s ? 'page' : undefined}>
              {MESSAGE_STATE_LABELS[s]}
            </a>
          </>
        ))}
      </nav>
      {props.items.length === 0 ? (
        <p class="empty">没有留言。</p>
      ) : (
        <table class="data-table">
          <thead>
            <tr>
              <th scope="col">留言编号</th>
              <th scope="col">标题</th>
              <th scope="col">类型</th>
              <th scope="col">办理单位</th>
              <th scope="col">收到</th>
              <th scope="col">状态</th>
              <th scope="col">答复期限</th>
            </tr>
          </thead>
          <tbody>
            {props.items.map((m) => (
              <tr>
                <td class="nowrap">{m.trackingCode}</td>
                <td>
                  <a href={adminMessagePath(m.id)}>{m.title}</a>
                </td>
                <td>{MESSAGE_KIND_LABELS[m.kind]}</td>
                <td>{m.orgName}</td>
                <td class="nowrap">{m.receivedOn}</td>
                <td>
                  <span class="tag">{MESSAGE_STATE_LABELS[m.state]}</span>
                </td>
                <DeadlineCell deadline={m.deadline} state={m.state} />
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination page={props.page} pageSize={props.pageSize} total={props.total} href={(n) => href(props.state, n)} />
    </section>
  );
}

const ALERT_LABELS: Record<string, string> = {
  reminder: '到期前提醒（本单位）',
  escalation: '超期督办（区政务公开办）',
  three_month: '临近3个月提醒（区政务公开办）',
  three_month_breached: '超过3个月警示（区政务公开办）',
};

/** A message in the back office: the facts, the clock, and the forms its state allows. */
export function AdminMessage(props: {
  view: StaffMessageView;
  transferChoices: Choice[];
  csrfToken: string;
  form?: AdminFormState | undefined;
}) {
  const { message: m, deadline } = props.view;
  const name = (id: string) => props.view.orgNames.get(id) ?? '';
  const actions = allowedMessageActions(m.state);
  const issues = props.form?.issues ?? [];
  const posted = props.form?.values ?? {};
  const action = (verb: string) => `${adminMessagePath(m.id)}/${verb}`;
  return (
    <section>
      <h1>{m.title}</h1>
      <ErrorSummary issues={issues} />
      <table class="meta-table">
        <tbody>
          <MetaRow label="留言编号">{m.trackingCode}</MetaRow>
          <MetaRow label="类型">{MESSAGE_KIND_LABELS[m.kind]}</MetaRow>
          <MetaRow label="状态">
            <span class="tag">{MESSAGE_STATE_LABELS[m.state]}</span>
            {m.published ? (
              <>
                {' '}
                <a href={messagePath(m.id)}>查看公开页面</a>
              </>
            ) : null}
          </MetaRow>
          <MetaRow label="办理单位">{props.view.org.name}</MetaRow>
          <MetaRow label="留言人">{m.name}</MetaRow>
          <MetaRow label="联系方式">{props.view.contact}</MetaRow>
          <MetaRow label="同意公开">{m.publicConsent ? '同意' : '不同意'}</MetaRow>
          <MetaRow label="收到日期">{m.receivedOn}</MetaRow>
          {deadline ? (
            <>
              <MetaRow label="答复期限">
                {deadline.dueOn}
                {deadline.isOverdue
                  ? '（已超期）'
                  : m.state === 'answered'
                    ? ''
                    : `（剩${deadline.workingDaysLeft}个工作日）`}
              </MetaRow>
              <MetaRow label="满3个月">{deadline.threeMonthsOn}</MetaRow>
            </>
          ) : null}
          {m.rating ? (
            <MetaRow label="留言人评价">
              {RATING_LABELS[m.rating]}
              {m.ratingComment ? `：${m.ratingComment}` : ''}
            </MetaRow>
          ) : null}
        </tbody>
      </table>
      <h2>留言内容</h2>
      <p class="message-body">{m.body}</p>
      {m.transfers.length > 0 ? (
        <>
          <h2>转办记录</h2>
          <ul>
            {m.transfers.map((t) => (
              <li>
                {t.on} {t.by}：{name(t.fromOrgId)} → {name(t.toOrgId)}。理由：{t.reason}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {props.view.alerts.length > 0 ? (
        <>
          <h2>已发送的提醒</h2>
          <ul>
            {props.view.alerts.map((a) => (
              <li>
                {a.sentAt.slice(0, 10)} {ALERT_LABELS[a.key.split(':')[0]!] ?? a.key}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {m.state === 'answered' ? (
        <>
          <h2>答复</h2>
          <p class="message-answer">{m.answer}</p>
          <p class="muted small">
            {m.answeredBy} 答复于 {m.answeredOn}
          </p>
        </>
      ) : null}
      {m.state === 'declined' ? (
        <>
          <h2>不予受理的理由</h2>
          <p>{m.declineReason}</p>
        </>
      ) : null}
      {actions.includes('accept') ? (
        <form method="post" action={action('accept')} class="form inline-form">
          <Csrf token={props.csrfToken} />
          <button type="submit" class="button">
            受理
          </button>
        </form>
      ) : null}
      {actions.includes('answer') ? (
        <form method="post" action={action('answer')} class="form">
          <h2>答复</h2>
          <Csrf token={props.csrfToken} />
          <TextArea
            name="answer"
            label="答复内容"
            value={posted.answer ?? ''}
            rows={8}
            maxlength={MESSAGE_LIMITS.answer}
            issues={issues}
            required
          />
          <CheckboxField
            name="publish"
            label="在网站公开留言和答复（姓名隐去）"
            checked={m.publicConsent && (posted.answer === undefined || posted.publish !== '')}
            hint={m.publicConsent ? '涉及个人隐私等不宜公开的，取消勾选。' : '留言人不同意公开，答复不会公开。'}
            issues={issues}
          />
          <div class="form-actions">
            <button type="submit" class="button button-primary">
              提交答复
            </button>
          </div>
        </form>
      ) : null}
      {actions.includes('transfer') ? (
        <form method="post" action={action('transfer')} class="form">
          <h2>转办</h2>
          <Csrf token={props.csrfToken} />
          <SelectField
            name="toOrgId"
            label="转至单位"
            value={posted.toOrgId ?? ''}
            options={[{ value: '', label: '请选择' }, ...props.transferChoices.filter((c) => c.value !== m.orgId)]}
            issues={issues}
            required
          />
          <TextArea
            name="reason"
            id="transfer-reason"
            label="转办理由（留言人可见）"
            value={posted.toOrgId !== undefined ? (posted.reason ?? '') : ''}
            rows={3}
            maxlength={MESSAGE_LIMITS.reason}
            issues={posted.toOrgId !== undefined ? issues : []}
            required
          />
          <div class="form-actions">
            <button type="submit" class="button">
              转办
            </button>
          </div>
        </form>
      ) : null}
      {actions.includes('decline') ? (
        <form method="post" action={action('decline')} class="form">
          <h2>不予受理</h2>
          <Csrf token={props.csrfToken} />
          <TextArea
            name="reason"
            id="decline-reason"
            label="不予受理的理由（留言人可见）"
            value={posted.toOrgId === undefined ? (posted.reason ?? '') : ''}
            rows={3}
            maxlength={MESSAGE_LIMITS.reason}
            issues={posted.toOrgId === undefined && posted.answer === undefined ? issues : []}
            hint="仅限广告、辱骂、与政务无关或应通过信访、诉讼等途径解决的留言。"
            required
          />
          <div class="form-actions">
            <button type="submit" class="button">
              不予受理
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
