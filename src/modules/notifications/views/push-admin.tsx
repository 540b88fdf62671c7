import { chinaDateTime } from '../../../platform/clock.ts';
import type { FieldIssue } from '../../../platform/errors.ts';
import { Csrf, ErrorSummary } from '../../../platform/web/components.tsx';
import { SelectField, TextArea, TextField } from '../../../platform/web/fields.tsx';
import type { ChoiceKind, Choices } from '../domain/choices.ts';
import type { DeliveryReport, MessageSummary, NotificationMessage, Subscriber } from '../ports.ts';
import type { ChoiceOption } from '../queries/choice-catalog.ts';
import { NOTIFICATION_TEXT, PUSH_TEXT } from '../strings.ts';
import { ChoiceFields } from './choice-fields.tsx';

/** The compose form as typed. */
export type PushFormValues = {
  orgId: string;
  title: string;
  body: string;
  link: string;
  channels: string[];
  choices: Choices;
};

const SEGMENT_KINDS: readonly ChoiceKind[] = ['policy', 'audience', 'field', 'topic'];

/** The columns of a delivery report, in the order staff read them. */
const REPORT_COLUMNS: { label: string; states: (keyof DeliveryReport)[] }[] = [
  { label: '已发送', states: ['sent'] },
  { label: '待发送', states: ['queued', 'sending'] },
  { label: '待汇总', states: ['held'] },
  { label: '已并入汇总', states: ['digested'] },
  { label: '发送失败', states: ['failed'] },
  { label: '被退回', states: ['bounced'] },
  { label: '已退订未发', states: ['unsubscribed'] },
];

function count(report: DeliveryReport, states: (keyof DeliveryReport)[]): number {
  return states.reduce((sum, state) => sum + report[state], 0);
}

function Hidden(props: { values: PushFormValues }) {
  const v = props.values;
  return (
    <>
      <input type="hidden" name="orgId" value={v.orgId} />
      <input type="hidden" name="title" value={v.title} />
      <input type="hidden" name="body" value={v.body} />
      <input type="hidden" name="link" value={v.link} />
      {v.channels.map((c) => (
        <input type="hidden" name="channels" value={c} />
      ))}
      {SEGMENT_KINDS.flatMap((kind) =>
        v.choices[kind].map((value) => <input type="hidden" name={kind} value={value} />),
      )}
    </>
  );
}

/**
 * Targeted push: compose, preview who it reaches (count and a masked sample), then send; below, the
 * pushes and publication notices of the reader's units with their delivery reports.
 */
export function PushPage(props: {
  csrfToken: string;
  units: ChoiceOption[];
  options: Record<ChoiceKind, ChoiceOption[]>;
  values: PushFormValues;
  issues: FieldIssue[];
  preview?: { count: number; sample: { channel: string; address: string }[] } | undefined;
  history: MessageSummary[];
  subscribers: number;
  canManageWebhooks: boolean;
}) {
  const v = props.values;
  return (
    <section>
      <div class="page-head">
        <h1>{PUSH_TEXT.title}</h1>
        {props.canManageWebhooks ? (
          <a class="button" href="/admin/push/webhooks">
            {PUSH_TEXT.webhooksTitle}
          </a>
        ) : null}
      </div>
      <p>{PUSH_TEXT.subscribers(props.subscribers)}</p>
      <h2>{PUSH_TEXT.composeTitle}</h2>
      <p class="hint">{PUSH_TEXT.intro}</p>
      <ErrorSummary issues={props.issues} />
      {props.preview ? (
        <div class="panel" role="status">
          <p>{props.preview.count > 0 ? PUSH_TEXT.recipients(props.preview.count) : PUSH_TEXT.noRecipients}</p>
          {props.preview.sample.length > 0 ? (
            <>
              <h3>{PUSH_TEXT.sample}</h3>
              <ul>
                {props.preview.sample.map((s) => (
                  <li>
                    {NOTIFICATION_TEXT.channels[s.channel as 'email']}　{s.address}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {props.preview.count > 0 ? (
            <form method="post" action="/admin/push/send">
              <Csrf token={props.csrfToken} />
              <Hidden values={v} />
              <button type="submit" class="button button-primary">
                {PUSH_TEXT.sendButton}
              </button>
            </form>
          ) : null}
        </div>
      ) : null}
      <form method="post" action="/admin/push/preview" class="form">
        <Csrf token={props.csrfToken} />
        <SelectField name="orgId" label="推送单位" value={v.orgId} options={props.units} issues={props.issues} />
        <TextField name="title" label="标题" value={v.title} maxlength={60} issues={props.issues} />
        <TextArea name="body" label="内容" value={v.body} rows={6} issues={props.issues} />
        <TextField
          name="link"
          label="相关页面（可选）"
          value={v.link}
          placeholder="/xxgk/doc/…"
          maxlength={300}
          issues={props.issues}
        />
        <fieldset id="channels" class="form-row">
          <legend>推送渠道</legend>
          {(['email', 'sms'] as const).map((c) => (
            <div class="checkbox">
              <input
                id={`channels-${c}`}
                type="checkbox"
                name="channels"
                value={c}
                checked={v.channels.includes(c) || undefined}
              />
              <label for={`channels-${c}`}>{NOTIFICATION_TEXT.channels[c]}</label>
            </div>
          ))}
        </fieldset>
        <p class="hint">推送对象：订阅了所选单位（含上级）且符合下列所选内容的公众；某类不选即不限。</p>
        <ChoiceFields options={props.options} values={v.choices} issues={props.issues} kinds={SEGMENT_KINDS} />
        <div class="form-actions">
          <button type="submit" class="button button-primary">
            {PUSH_TEXT.previewButton}
          </button>
        </div>
      </form>
      <h2>{PUSH_TEXT.historyTitle}</h2>
      <MessageTable items={props.history} />
    </section>
  );
}

export function MessageTable(props: { items: MessageSummary[] }) {
  if (props.items.length === 0) return <p>暂无推送记录。</p>;
  return (
    <table class="data-table">
      <thead>
        <tr>
          <th scope="col">时间</th>
          <th scope="col">类型</th>
          <th scope="col">标题</th>
          <th scope="col">推送对象</th>
          {REPORT_COLUMNS.slice(0, 2).map((c) => (
            <th scope="col">{c.label}</th>
          ))}
          <th scope="col">失败/退回</th>
        </tr>
      </thead>
      <tbody>
        {props.items.map((m) => (
          <tr>
            <td>{chinaDateTime(m.createdAt)}</td>
            <td>{PUSH_TEXT.kinds[m.kind]}</td>
            <td>
              <a href={`/admin/push/${m.id}`}>{m.title}</a>
            </td>
            <td>{m.recipients}</td>
            {REPORT_COLUMNS.slice(0, 2).map((c) => (
              <td>{count(m.report, c.states)}</td>
            ))}
            <td>{m.report.failed + m.report.bounced}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** One message's delivery report: what it said, to how many, and where each delivery stands. */
export function PushReport(props: { message: NotificationMessage; report: DeliveryReport; orgName: string }) {
  const m = props.message;
  return (
    <section>
      <h1>
        {PUSH_TEXT.reportTitle}：{m.title}
      </h1>
      <table class="data-table">
        <tbody>
          <tr>
            <th scope="row">类型</th>
            <td>{PUSH_TEXT.kinds[m.kind]}</td>
          </tr>
          <tr>
            <th scope="row">单位</th>
            <td>{props.orgName}</td>
          </tr>
          <tr>
            <th scope="row">时间</th>
            <td>{chinaDateTime(m.createdAt)}</td>
          </tr>
          <tr>
            <th scope="row">推送对象</th>
            <td>{m.recipients}</td>
          </tr>
          {REPORT_COLUMNS.map((c) => (
            <tr>
              <th scope="row">{c.label}</th>
              <td>{count(props.report, c.states)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>内容</h2>
      <pre class="message-text">{m.body}</pre>
      <p>短信：{m.smsText}</p>
      <p>
        <a href="/admin/push">返回订阅推送</a>
      </p>
    </section>
  );
}

/** Webhooks of other platforms, and the form to register one (system administrators). */
export function WebhooksPage(props: {
  csrfToken: string;
  hooks: Subscriber[];
  values: { label: string; url: string; choices: Choices };
  options: Record<ChoiceKind, ChoiceOption[]>;
  issues: FieldIssue[];
  notice?: string | undefined;
}) {
  return (
    <section>
      <h1>{PUSH_TEXT.webhooksTitle}</h1>
      <p>{PUSH_TEXT.webhookIntro}</p>
      {props.notice ? (
        <p class="notice notice-success" role="status">
          {props.notice}
        </p>
      ) : null}
      {props.hooks.length > 0 ? (
        <table class="data-table">
          <thead>
            <tr>
              <th scope="col">接收平台</th>
              <th scope="col">地址</th>
              <th scope="col">登记时间</th>
            </tr>
          </thead>
          <tbody>
            {props.hooks.map((h) => (
              <tr>
                <td>{h.label}</td>
                <td>{h.address}</td>
                <td>{chinaDateTime(h.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>尚未登记接口。</p>
      )}
      <h2>登记新接口</h2>
      <ErrorSummary issues={props.issues} />
      <form method="post" action="/admin/push/webhooks" class="form">
        <Csrf token={props.csrfToken} />
        <TextField name="label" label="接收平台名称" value={props.values.label} maxlength={60} issues={props.issues} />
        <TextField name="url" label="接收地址" value={props.values.url} maxlength={500} issues={props.issues} />
        <p class="hint">不选任何内容即推送全部新发布信息。</p>
        <ChoiceFields options={props.options} values={props.values.choices} issues={props.issues} />
        <div class="form-actions">
          <button type="submit" class="button button-primary">
            {PUSH_TEXT.registerButton}
          </button>
        </div>
      </form>
    </section>
  );
}
