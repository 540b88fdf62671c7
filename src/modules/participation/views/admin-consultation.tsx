import type { FieldIssue } from '../../../platform/errors.ts';
import { Csrf, ErrorSummary, FieldError, MetaRow } from '../../../platform/web/components.tsx';
import { TextArea, TextField } from '../../../platform/web/fields.tsx';
import { DISPOSITION_LABELS, DISPOSITIONS, type ConsultationComment } from '../domain/comment.ts';
import { allowedActions, PHASE_LABELS } from '../domain/consultation.ts';
import type { ConsultationView } from '../queries/consultation-views.ts';
import { commentTarget } from './consultation-page.tsx';
import { commentTime } from './format.ts';
import { adminConsultationPath, consultationPath, reportPath } from './paths.ts';
import { ConsultationMeta } from './meta-table.tsx';

/** What the forms of the page were given back after an error, by form. */
export type AdminFormState = {
  issues: FieldIssue[];
  /** The posted values of the form that failed (its fields by name). */
  values: Record<string, string>;
};

function CommentRow(props: {
  comment: ConsultationComment;
  current: number;
  id: string;
  moderate: boolean;
  csrf: string;
}) {
  const { comment } = props;
  return (
    <li class="comment" id={`c-${comment.id}`}>
      <p class="muted small">
        {comment.name === '' ? '未署名' : comment.name} · {commentTime(comment.createdAt)} ·{' '}
        {commentTarget(comment, props.current)}
        {comment.state === 'hidden' ? <span class="tag">已隐藏：{comment.hiddenReason}</span> : null}
        {comment.disposition !== null ? <span class="tag">{DISPOSITION_LABELS[comment.disposition]}</span> : null}
      </p>
      <p class="comment-body">{comment.body}</p>
      {props.moderate ? (
        <form method="post" action={`${adminConsultationPath(props.id)}/moderate`} class="inline-form">
          <Csrf token={props.csrf} />
          <input type="hidden" name="commentId" value={comment.id} />
          {comment.state === 'shown' ? (
            <>
              <input type="hidden" name="hide" value="1" />
              <label for={`hide-${comment.id}`}>隐藏理由</label>{' '}
              <input id={`hide-${comment.id}`} name="reason" type="text" maxlength={200} />{' '}
              <button type="submit" class="button">
                隐藏
              </button>
            </>
          ) : (
            <>
              <input type="hidden" name="hide" value="0" />
              <button type="submit" class="button">
                恢复显示
              </button>
            </>
          )}
        </form>
      ) : null}
    </li>
  );
}

/**
 * A consultation in the back office: where it stands and, by phase, what may be done: edit and
 * publish a draft, publish a new version, hide or show comments, give each comment its disposition,
 * and publish the adoption report.
 */
export function AdminConsultation(props: {
  view: ConsultationView;
  csrfToken: string;
  form?: AdminFormState | undefined;
}) {
  const { view, csrfToken } = props;
  const { consultation: c, report } = view;
  const actions = allowedActions(view.phase);
  const issues = props.form?.issues ?? [];
  const posted = props.form?.values ?? {};
  const shown = view.comments.filter((comment) => comment.state === 'shown');
  return (
    <section>
      <h1>{c.title}</h1>
      <ErrorSummary issues={issues} />
      <ConsultationMeta orgName={view.orgName} consultation={c}>
        <MetaRow label="状态">
          <span class="tag">{PHASE_LABELS[view.phase]}</span>
          {view.phase !== 'draft' ? (
            <>
              {' '}
              <a href={consultationPath(c.id)}>查看公开页面</a>
            </>
          ) : null}
          {view.phase === 'completed' ? (
            <>
              {' '}
              <a href={reportPath(c.id)}>查看意见采纳情况</a>
            </>
          ) : null}
        </MetaRow>
        <MetaRow label="草案版本">
          第{c.version}版，共{view.version.paragraphs.length}段
        </MetaRow>
        <MetaRow label="意见">
          共 {report.received} 条，隐藏 {report.hidden} 条；已反馈{' '}
          {DISPOSITIONS.map((d) => `${DISPOSITION_LABELS[d]} ${report.counts[d]}`).join('、')}，未反馈{' '}
          {report.undisposed}
        </MetaRow>
      </ConsultationMeta>

      {actions.includes('edit') ? (
        <div class="form-actions">
          <a class="button" href={`${adminConsultationPath(c.id)}/edit`}>
            修改草稿
          </a>
          <form method="post" action={`${adminConsultationPath(c.id)}/publish`} class="inline-form">
            <Csrf token={csrfToken} />
            <button type="submit" class="button button-primary">
              发布征求意见
            </button>
          </form>
        </div>
      ) : null}

      {actions.includes('revise') ? (
        <form method="post" action={`${adminConsultationPath(c.id)}/revise`} class="form">
          <h2>发布草案新版本</h2>
          <Csrf token={csrfToken} />
          <TextArea
            name="text"
            label="新版本正文"
            value={posted.text ?? view.version.paragraphs.join('\n')}
            rows={12}
            issues={issues}
            hint="每行一段。已提交的意见仍对应原版本的段落，公众可以对照前后版本。"
            wide
          />
          <TextField name="note" label="修改说明" value={posted.note ?? ''} maxlength={1000} issues={issues} wide />
          <div class="form-actions">
            <button type="submit" class="button">
              发布新版本
            </button>
          </div>
        </form>
      ) : null}

      {actions.includes('dispose') && shown.length > 0 ? (
        <form
          method="post"
          action={`${adminConsultationPath(c.id)}/dispositions`}
          class="form dispositions"
          id="dispositions"
        >
          <h2>逐条反馈处理结果</h2>
          <p class="hint">“部分采纳”和“未采纳”须写明理由；同类意见可填写相同的归类名称，在采纳情况中合并反馈。</p>
          <Csrf token={csrfToken} />
          <div class="table-scroll">
            <table class="data-table">
              <thead>
                <tr>
                  <th scope="col">意见</th>
                  <th scope="col">处理结果</th>
                  <th scope="col">理由</th>
                  <th scope="col">归类</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((comment, index) => {
                  const chosen = posted[`disposition.${comment.id}`] ?? comment.disposition ?? '';
                  return (
                    <tr>
                      <td>
                        <span class="muted small">{commentTarget(comment, c.version)}：</span>
                        {comment.body}
                        <input type="hidden" name="ids" value={comment.id} />
                      </td>
                      <td>
                        <select
                          name={`disposition.${comment.id}`}
                          id={`disposition-${comment.id}`}
                          aria-label={`第${index + 1}条意见的处理结果`}
                        >
                          <option value="" selected={chosen === ''}>
                            未处理
                          </option>
                          {DISPOSITIONS.map((d) => (
                            <option value={d} selected={chosen === d}>
                              {DISPOSITION_LABELS[d]}
                            </option>
                          ))}
                        </select>
                      </td>
                      <td>
                        <textarea
                          name={`reason.${comment.id}`}
                          id={`reason-${comment.id}`}
                          aria-label={`第${index + 1}条意见的理由`}
                          rows={2}
                          maxlength={1000}
                        >
                          {posted[`reason.${comment.id}`] ?? comment.dispositionReason}
                        </textarea>
                        <FieldError issues={issues} field={`reason.${comment.id}`} />
                      </td>
                      <td>
                        <input
                          type="text"
                          name={`group.${comment.id}`}
                          id={`group-${comment.id}`}
                          aria-label={`第${index + 1}条意见的归类`}
                          maxlength={60}
                          value={posted[`group.${comment.id}`] ?? comment.dispositionGroup}
                        />
                        <FieldError issues={issues} field={`group.${comment.id}`} />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <div class="form-actions">
            <button type="submit" class="button">
              保存处理结果
            </button>
          </div>
        </form>
      ) : null}

      {actions.includes('complete') ? (
        <form method="post" action={`${adminConsultationPath(c.id)}/complete`} class="form">
          <h2>发布意见采纳情况</h2>
          <Csrf token={csrfToken} />
          <FieldError issues={issues} field="dispositions" />
          <TextField
            name="finalLink"
            label="最终文件链接"
            value={posted.finalLink ?? ''}
            maxlength={500}
            issues={issues}
            hint="本网站上的文件请填写路径，例如 /d/文件编号；其他网站请填写 https:// 开头的网址。"
            wide
          />
          <TextArea
            name="reportSummary"
            label="总体说明"
            value={posted.reportSummary ?? ''}
            rows={4}
            maxlength={2000}
            issues={issues}
            wide
          />
          <div class="form-actions">
            <button type="submit" class="button button-primary">
              发布意见采纳情况
            </button>
          </div>
        </form>
      ) : null}

      <h2>全部意见（{view.comments.length}条）</h2>
      {view.comments.length === 0 ? (
        <p class="empty">还没有意见。</p>
      ) : (
        <ol class="comment-list">
          {view.comments.map((comment) => (
            <CommentRow
              comment={comment}
              current={c.version}
              id={c.id}
              moderate={actions.includes('moderate')}
              csrf={csrfToken}
            />
          ))}
        </ol>
      )}
    </section>
  );
}
