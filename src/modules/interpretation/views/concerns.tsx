import type { FieldIssue } from '../../../platform/errors.ts';
import { chinaDateTime } from '../../../platform/clock.ts';
import { Csrf, ErrorSummary } from '../../../platform/web/components.tsx';
import { DateField, SelectField, TextArea, TextField, type Choice } from '../../../platform/web/fields.tsx';
import { CONCERN_LIMITS, CONCERN_SOURCES } from '../domain/concern.ts';
import type { ConcernListItem, ConcernView, LinkedDocument } from '../queries/concern-views.ts';
import { INTERPRETATION_TEXT } from '../strings.ts';

const T = INTERPRETATION_TEXT.concern;

/** Where a concern is shown: on the public column or in the back office. */
export function concernPath(id: string, admin: boolean): string {
  return admin ? `/admin/concerns/${id}` : `/xxgk/hygq/${id}`;
}

/** The documents a response points to. */
function Linked(props: { items: readonly LinkedDocument[]; admin: boolean }) {
  if (props.items.length === 0) return null;
  return (
    <p class="linked">
      相关文件：
      {props.items.map((item, index) => (
        <>
          {index > 0 ? '、' : ''}
          <a href={props.admin ? `/admin/documents/${item.documentId}` : `/xxgk/doc/${item.documentId}`}>
            {item.title}
          </a>
          {item.docNumber ? `（${item.docNumber}）` : ''}
        </>
      ))}
    </p>
  );
}

/** The list of concerns: each with its unit, when it was reported and how soon it was first answered. */
export function ConcernList(props: { items: readonly ConcernListItem[]; admin: boolean }) {
  if (props.items.length === 0) return <p class="empty">{props.admin ? '尚未登记公众关切。' : '暂无回应关切信息。'}</p>;
  return (
    <table class={props.admin ? 'data-table' : 'doc-table'}>
      <thead>
        <tr>
          <th scope="col">关切事项</th>
          <th scope="col">回应单位</th>
          <th scope="col">首次发现</th>
          <th scope="col">首次回应用时</th>
          <th scope="col">回应</th>
        </tr>
      </thead>
      <tbody>
        {props.items.map((item) => (
          <tr>
            <td>
              <a href={concernPath(item.concern.id, props.admin)}>{item.concern.title}</a>
            </td>
            <td>{item.orgName}</td>
            <td>{chinaDateTime(item.concern.reportedAt)}</td>
            <td>{item.delay ?? T.noResponseYet}</td>
            <td>{item.publishedResponses} 条</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * A concern and its timeline of responses (plan §三.2: release, interpretation and response linked
 * in order): what people asked, where and when it was first reported, each response with its time and
 * the documents it points to, and how long the first response took.
 */
export function ConcernPage(props: { view: ConcernView; admin: boolean; stateLabels?: Record<string, string> }) {
  const { concern, orgName, delay, responses } = props.view;
  return (
    <article class="concern">
      <h1>{concern.title}</h1>
      <dl class="summary-list">
        <div>
          <dt>回应单位</dt>
          <dd>{orgName}</dd>
        </div>
        <div>
          <dt>关切来源</dt>
          <dd>{concern.source}</dd>
        </div>
        <div>
          <dt>首次发现</dt>
          <dd>{chinaDateTime(concern.reportedAt)}</dd>
        </div>
        <div>
          <dt>首次回应用时</dt>
          <dd>{delay ?? T.noResponseYet}</dd>
        </div>
      </dl>
      <section aria-labelledby="concern-summary-heading">
        <h2 id="concern-summary-heading">公众关切</h2>
        <p>{concern.summary}</p>
      </section>
      <section aria-labelledby="concern-timeline-heading">
        <h2 id="concern-timeline-heading">回应</h2>
        {responses.length === 0 ? (
          <p class="empty">{T.noResponseYet}</p>
        ) : (
          <ol class="timeline">
            {responses.map((response) => (
              <li>
                <p class="timeline-time">
                  {response.publishedAt ? (
                    <time datetime={response.publishedAt}>{chinaDateTime(response.publishedAt)}</time>
                  ) : null}
                  {props.admin ? (
                    <span class="tag">{props.stateLabels?.[response.state] ?? response.state}</span>
                  ) : null}
                </p>
                <h3>
                  <a
                    href={props.admin ? `/admin/documents/${response.documentId}` : `/xxgk/doc/${response.documentId}`}
                  >
                    {response.title}
                  </a>
                </h3>
                <div class="document-body" dangerouslySetInnerHTML={{ __html: response.bodyHtml }} />
                <Linked items={response.linked} admin={props.admin} />
              </li>
            ))}
          </ol>
        )}
      </section>
    </article>
  );
}

/** On a response's public page: the concern it answers and the documents it points to. */
export function RespondedConcern(props: { concernId: string; title: string; linked: readonly LinkedDocument[] }) {
  return (
    <section class="related concern-link" aria-labelledby="responded-concern-heading">
      <h2 id="responded-concern-heading">{T.title}</h2>
      <p>
        本文回应：<a href={concernPath(props.concernId, false)}>{props.title}</a>
      </p>
      <Linked items={props.linked} admin={false} />
    </section>
  );
}

export type ConcernFormValues = Partial<Record<'orgId' | 'title' | 'summary' | 'source' | 'reportedAt', string>>;

/** Records a new concern. */
export function ConcernForm(props: {
  csrfToken: string;
  values: ConcernFormValues;
  issues: FieldIssue[];
  orgChoices: Choice[];
}) {
  const { values: v, issues } = props;
  return (
    <section>
      <h1>登记公众关切</h1>
      <ErrorSummary issues={issues} />
      <form method="post" action="/admin/concerns" class="form">
        <Csrf token={props.csrfToken} />
        <SelectField
          name="orgId"
          label="回应单位"
          value={v.orgId}
          options={props.orgChoices}
          issues={issues}
          required
        />
        <TextField
          name="title"
          label="关切事项"
          value={v.title}
          maxlength={CONCERN_LIMITS.title}
          issues={issues}
          required
          wide
        />
        <TextArea
          name="summary"
          label="关切内容"
          hint="公众在问什么、有哪些误解，简要说明。不要写入留言人的姓名、电话等个人信息。"
          value={v.summary}
          rows={4}
          maxlength={CONCERN_LIMITS.summary}
          issues={issues}
          wide
        />
        <SelectField
          name="source"
          label="关切来源"
          value={v.source}
          options={[{ value: '', label: '请选择' }, ...CONCERN_SOURCES.map((s) => ({ value: s, label: s }))]}
          issues={issues}
          required
        />
        <DateField
          name="reportedAt"
          label="首次发现时间"
          hint="首次回应用时从这一时刻算起。"
          value={v.reportedAt}
          withTime
          issues={issues}
          required
        />
        <div class="form-actions">
          <button type="submit" class="button button-primary">
            登记
          </button>
          <a href="/admin/concerns" class="button">
            取消
          </a>
        </div>
      </form>
    </section>
  );
}

export type ResponseFormValues = Partial<Record<'title' | 'text' | 'link1' | 'link2' | 'link3', string>>;

/** Writes a response to a concern and sends it for review. */
export function ResponseForm(props: {
  concernId: string;
  csrfToken: string;
  values: ResponseFormValues;
  issues: FieldIssue[];
  linkChoices: Choice[];
}) {
  const { values: v, issues } = props;
  const link = (name: 'link1' | 'link2' | 'link3', label: string) => (
    <SelectField
      name={name}
      label={label}
      value={v[name]}
      options={[{ value: '', label: '（不关联）' }, ...props.linkChoices]}
      issues={issues}
      wide
    />
  );
  return (
    <section class="panel" aria-labelledby="response-form-heading">
      <h2 id="response-form-heading">撰写回应</h2>
      <ErrorSummary issues={issues} />
      <form method="post" action={`/admin/concerns/${props.concernId}/responses`} class="form">
        <Csrf token={props.csrfToken} />
        <TextField name="title" label="回应标题" value={v.title} maxlength={100} issues={issues} required wide />
        <TextArea
          name="text"
          label="回应内容"
          hint="空一行另起一段。回应提交后由本单位审核人审核发布。"
          value={v.text}
          rows={6}
          maxlength={CONCERN_LIMITS.responseText}
          issues={issues}
          wide
        />
        {link('link1', '相关文件或解读')}
        {link('link2', '相关文件或解读（二）')}
        {link('link3', '相关文件或解读（三）')}
        <div class="form-actions">
          <button type="submit" class="button button-primary">
            提交审核
          </button>
        </div>
      </form>
    </section>
  );
}
