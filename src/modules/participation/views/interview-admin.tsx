import type { FieldIssue } from '../../../platform/errors.ts';
import { chinaDateTime } from '../../../platform/clock.ts';
import { Csrf, ErrorSummary, MetaRow } from '../../../platform/web/components.tsx';
import { DateField, FileField, SelectField, TextArea, TextField, type Choice } from '../../../platform/web/fields.tsx';
import {
  INTERVIEW_LIMITS,
  nextInterviewState,
  type InterviewAction,
  type InterviewState,
} from '../domain/interview.ts';
import { INTERVIEW_STATE_LABELS } from '../domain/interview-strings.ts';
import type { InterviewListItem, InterviewView } from '../queries/interview-views.ts';
import { EntryItem, guestLine, interviewTime } from './interview-pages.tsx';
import { ADMIN_INTERVIEWS_PATH, adminInterviewPath, interviewPath } from './interview-paths.ts';

/** What the interview form holds, as typed (times in China time, `YYYY-MM-DDTHH:mm`). */
export type InterviewFormValues = {
  orgId: string;
  title: string;
  summary: string;
  startsAt: string;
  endsAt: string;
  guests: { name: string; title: string }[];
};

/** How many guest rows the form offers. */
export const GUEST_ROWS = 5;

const allows = (state: InterviewState, action: InterviewAction): boolean => {
  try {
    nextInterviewState(state, action);
    return true;
  } catch {
    return false;
  }
};

/** The back office's list of interviews. */
export function AdminInterviewList(props: { items: InterviewListItem[] }) {
  return (
    <section>
      <h1>在线访谈</h1>
      <p>
        <a class="button button-primary" href={`${ADMIN_INTERVIEWS_PATH}/new`}>
          新建访谈
        </a>
      </p>
      {props.items.length === 0 ? (
        <p class="empty">暂无访谈。</p>
      ) : (
        <div class="table-scroll">
          <table class="doc-table">
            <caption class="visually-hidden">在线访谈列表</caption>
            <thead>
              <tr>
                <th scope="col">主题</th>
                <th scope="col">主办单位</th>
                <th scope="col">时间</th>
                <th scope="col">状态</th>
              </tr>
            </thead>
            <tbody>
              {props.items.map((i) => (
                <tr>
                  <td>
                    <a href={adminInterviewPath(i.id)}>{i.title}</a>
                  </td>
                  <td>{i.orgName}</td>
                  <td>{interviewTime(i)}</td>
                  <td>
                    <span class="tag">{INTERVIEW_STATE_LABELS[i.state]}</span>
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

/** The form of an interview: unit, topic, summary, times and guests. */
export function InterviewForm(props: {
  interviewId: string | null;
  values: InterviewFormValues;
  issues: FieldIssue[];
  orgChoices: Choice[];
  csrfToken: string;
}) {
  const v = props.values;
  const action = props.interviewId === null ? ADMIN_INTERVIEWS_PATH : `${adminInterviewPath(props.interviewId)}/edit`;
  const rows = Array.from(
    { length: Math.max(GUEST_ROWS, v.guests.length) },
    (_, n) => v.guests[n] ?? { name: '', title: '' },
  );
  return (
    <section>
      <h1>{props.interviewId === null ? '新建在线访谈' : '修改在线访谈'}</h1>
      <ErrorSummary issues={props.issues} />
      <form method="post" action={action} class="form" id="form">
        <Csrf token={props.csrfToken} />
        <SelectField
          name="orgId"
          label="主办单位"
          value={v.orgId}
          options={props.orgChoices}
          issues={props.issues}
          required
        />
        <TextField
          name="title"
          label="访谈主题"
          value={v.title}
          maxlength={INTERVIEW_LIMITS.title}
          issues={props.issues}
          required
          wide
        />
        <TextArea
          name="summary"
          label="访谈简介"
          value={v.summary}
          rows={4}
          maxlength={INTERVIEW_LIMITS.summary}
          issues={props.issues}
          wide
        />
        <DateField name="startsAt" label="开始时间" value={v.startsAt} withTime issues={props.issues} required />
        <DateField name="endsAt" label="结束时间" value={v.endsAt} withTime issues={props.issues} required />
        <fieldset class="form-row wide">
          <legend>访谈嘉宾（按职务称呼，至少一位）</legend>
          <GuestsError issues={props.issues} />
          {rows.map((g, n) => (
            <div class="inline-fields">
              <TextField
                name="guestTitle"
                id={`guestTitle-${n}`}
                label={`嘉宾${n + 1}职务`}
                value={g.title}
                maxlength={INTERVIEW_LIMITS.guestField}
              />
              <TextField
                name="guestName"
                id={`guestName-${n}`}
                label={`嘉宾${n + 1}姓名`}
                value={g.name}
                maxlength={INTERVIEW_LIMITS.guestField}
              />
            </div>
          ))}
        </fieldset>
        <div class="form-actions">
          <button type="submit" class="button button-primary">
            保存
          </button>
        </div>
      </form>
    </section>
  );
}

/** The guests' error, shown in their fieldset. */
function GuestsError(props: { issues: FieldIssue[] }) {
  const issue = props.issues.find((i) => i.field === 'guests');
  return issue ? (
    <p class="field-error" id="guests-error">
      {issue.message}
    </p>
  ) : null;
}

function MoveButton(props: { id: string; move: string; label: string; csrf: string }) {
  return (
    <form method="post" action={`${adminInterviewPath(props.id)}/${props.move}`} class="inline-form">
      <Csrf token={props.csrf} />
      <button type="submit" class="button button-primary">
        {props.label}
      </button>
    </form>
  );
}

/** The media form's text fields, as typed. */
export type MediaFormValues = { url: string; alt: string; caption: string };

/**
 * An interview in the back office: where it stands and, by state, what may be done: edit, publish,
 * go live, add transcript entries, moderate questions, end, add media, cancel.
 */
export function AdminInterview(props: {
  view: InterviewView;
  csrfToken: string;
  issues: FieldIssue[];
  message?: string;
  /** What was typed in the media form, kept when the photo was refused. */
  mediaValues?: MediaFormValues;
}) {
  const { interview: i, org, questions, entries, media } = props.view;
  const mv = props.mediaValues ?? { url: '', alt: '', caption: '' };
  const csrf = props.csrfToken;
  const shown = questions.filter((q) => q.state === 'shown');
  const speakerChoices: Choice[] = [
    { value: 'host', label: '主持人' },
    ...i.guests.map((g, n) => ({ value: `guest:${n}`, label: `${g.title} ${g.name}` })),
    { value: 'question', label: '网友提问（宣读所选问题）' },
  ];
  const questionChoices: Choice[] = [
    { value: '', label: '不引用' },
    ...shown.map((q) => ({
      value: q.id,
      label: `${q.answered ? '［已回答］' : ''}${[...q.body].slice(0, 40).join('')}`,
    })),
  ];
  return (
    <section>
      <h1>{i.title}</h1>
      <ErrorSummary issues={props.issues} message={props.message} />
      <table class="meta-table">
        <tbody>
          <MetaRow label="主办单位">{org.name}</MetaRow>
          <MetaRow label="时间">{interviewTime(i)}</MetaRow>
          <MetaRow label="嘉宾">{guestLine(i)}</MetaRow>
          <MetaRow label="状态">
            <span class="tag">{INTERVIEW_STATE_LABELS[i.state]}</span>
            {i.state === 'cancelled' ? ` 理由：${i.cancelReason}` : ''}
          </MetaRow>
        </tbody>
      </table>
      <div class="form-actions">
        {i.state !== 'draft' ? <a href={interviewPath(i.id)}>查看公开页面</a> : null}
        {allows(i.state, 'edit') ? <a href={`${adminInterviewPath(i.id)}/edit`}>修改访谈信息</a> : null}
        {allows(i.state, 'publish') ? (
          <MoveButton id={i.id} move="publish" label="发布预告（开始征集提问）" csrf={csrf} />
        ) : null}
        {allows(i.state, 'go_live') ? <MoveButton id={i.id} move="go-live" label="开始直播" csrf={csrf} /> : null}
        {allows(i.state, 'end') ? <MoveButton id={i.id} move="end" label="结束访谈" csrf={csrf} /> : null}
      </div>
      {allows(i.state, 'add_entry') ? (
        <>
          <h2>添加文字实录</h2>
          <form method="post" action={`${adminInterviewPath(i.id)}/entries`} class="form" id="entry-form">
            <Csrf token={csrf} />
            <SelectField
              name="speaker"
              label="发言人"
              value="host"
              options={speakerChoices}
              issues={props.issues}
              required
            />
            <SelectField
              name="questionId"
              label="回答或宣读的网友提问"
              value=""
              options={questionChoices}
              issues={props.issues}
            />
            <TextArea
              name="body"
              label="发言内容"
              rows={4}
              maxlength={INTERVIEW_LIMITS.entry}
              issues={props.issues}
              hint="宣读网友提问时可不填，自动使用问题原文。"
              wide
            />
            <div class="form-actions">
              <button type="submit" class="button button-primary">
                发布
              </button>
            </div>
          </form>
        </>
      ) : null}
      <h2>网友提问（{questions.length}）</h2>
      {questions.length === 0 ? <p class="empty">暂无提问。</p> : null}
      <ol class="comment-list">
        {questions.map((q) => (
          <li class="comment" id={`q-${q.id}`}>
            <p class="muted small">
              {q.name === '' ? '未署名' : q.name} · {chinaDateTime(q.createdAt)} ·{' '}
              <span class="tag">
                {q.state === 'pending' ? '待审核' : q.state === 'shown' ? '已公开' : `已隐藏：${q.hiddenReason}`}
              </span>
              {q.answered ? <span class="tag">已回答</span> : null}
            </p>
            <p class="comment-body">{q.body}</p>
            {allows(i.state, 'moderate') ? (
              <form method="post" action={`${adminInterviewPath(i.id)}/moderate`} class="inline-form">
                <Csrf token={csrf} />
                <input type="hidden" name="questionId" value={q.id} />
                {q.state !== 'shown' ? (
                  <button type="submit" name="show" value="1" class="button">
                    公开
                  </button>
                ) : null}
                {q.state !== 'hidden' ? (
                  <>
                    {' '}
                    <label for={`reason-${q.id}`}>隐藏理由</label>{' '}
                    <input id={`reason-${q.id}`} name="reason" type="text" maxlength={INTERVIEW_LIMITS.reason} />{' '}
                    <button type="submit" name="show" value="0" class="button">
                      隐藏
                    </button>
                  </>
                ) : null}
              </form>
            ) : null}
          </li>
        ))}
      </ol>
      <h2>文字实录（{entries.length}）</h2>
      <ol class="transcript">
        {entries.map((entry) => (
          <EntryItem entry={entry} />
        ))}
      </ol>
      {allows(i.state, 'add_media') ? (
        <>
          <h2>访谈图片（{media.length}）</h2>
          <ul>
            {media.map((m) => (
              <li>
                <a href={m.url}>{m.alt}</a> {m.caption}
              </li>
            ))}
          </ul>
          <form
            method="post"
            action={`${adminInterviewPath(i.id)}/media`}
            class="form"
            id="media-form"
            enctype="multipart/form-data"
          >
            <Csrf token={csrf} />
            <FileField
              name="file"
              label="上传照片"
              hint="JPEG、PNG、WebP 或 GIF 格式，不超过 10 MB；上传照片时不必填写图片地址。"
              accept="image/jpeg,image/png,image/webp,image/gif"
              issues={props.issues}
            />
            <TextField
              name="url"
              label="或填写图片地址"
              value={mv.url}
              maxlength={INTERVIEW_LIMITS.url}
              issues={props.issues}
              hint="本网站上的路径（以“/”开头）或 https:// 地址"
              wide
            />
            <TextField
              name="alt"
              label="替代文本（图片内容的文字说明）"
              value={mv.alt}
              maxlength={INTERVIEW_LIMITS.alt}
              issues={props.issues}
              required
              wide
            />
            <TextField
              name="caption"
              label="图片说明（选填）"
              value={mv.caption}
              maxlength={INTERVIEW_LIMITS.caption}
              issues={props.issues}
              wide
            />
            <div class="form-actions">
              <button type="submit" class="button button-primary">
                添加图片
              </button>
            </div>
          </form>
        </>
      ) : null}
      {allows(i.state, 'cancel') ? (
        <>
          <h2>取消访谈</h2>
          <form method="post" action={`${adminInterviewPath(i.id)}/cancel`} class="form" id="cancel-form">
            <Csrf token={csrf} />
            <TextField
              name="reason"
              label="取消理由（公开显示）"
              maxlength={INTERVIEW_LIMITS.reason}
              issues={props.issues}
              required
              wide
            />
            <div class="form-actions">
              <button type="submit" class="button">
                取消访谈
              </button>
            </div>
          </form>
        </>
      ) : null}
    </section>
  );
}
