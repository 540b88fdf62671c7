import type { FieldIssue } from '../../../platform/errors.ts';
import { chinaDateTime } from '../../../platform/clock.ts';
import { Csrf, ErrorSummary, MetaRow } from '../../../platform/web/components.tsx';
import { TextArea, TextField } from '../../../platform/web/fields.tsx';
import { assetUrl } from '../../../platform/web/assets.ts';
import {
  INTERVIEW_LIMITS,
  isOpenForQuestions,
  type Interview,
  type InterviewMedia,
  type InterviewQuestion,
  type TranscriptEntry,
} from '../domain/interview.ts';
import { INTERVIEW_STATE_LABELS, INTERVIEW_TEXT } from '../domain/interview-strings.ts';
import type { InterviewListItem, InterviewSections, InterviewView } from '../queries/interview-views.ts';
import { interviewEventsPath, interviewPath, questionFormPath } from './interview-paths.ts';

/** 2026-03-10 09:30 至 11:00 (China time), or the end's date too when it is another day. */
export function interviewTime(i: Pick<Interview, 'startsAt' | 'endsAt'>): string {
  const start = chinaDateTime(i.startsAt);
  const end = chinaDateTime(i.endsAt);
  return `${start} 至 ${end.slice(0, 10) === start.slice(0, 10) ? end.slice(11) : end}`;
}

/** The guests as one line: 示范区民政局局长 李示范、…. */
export function guestLine(i: Pick<Interview, 'guests'>): string {
  return i.guests.map((g) => `${g.title} ${g.name}`).join('、');
}

function InterviewItems(props: { items: InterviewListItem[] }) {
  if (props.items.length === 0) return <p class="empty">{INTERVIEW_TEXT.none}</p>;
  return (
    <ul class="doc-list interview-list">
      {props.items.map((i) => (
        <li>
          <a href={interviewPath(i.id)}>{i.title}</a>
          <p class="muted small">
            {i.orgName} · {interviewTime(i)} · <span class="tag">{INTERVIEW_STATE_LABELS[i.state]}</span>
          </p>
          <p class="small">嘉宾：{guestLine(i)}</p>
        </li>
      ))}
    </ul>
  );
}

/** The public list: live now, announced, and past interviews. */
export function InterviewListPage(props: { sections: InterviewSections }) {
  const { sections } = props;
  return (
    <section class="panel">
      <h1>{INTERVIEW_TEXT.title}</h1>
      <p>{INTERVIEW_TEXT.intro}</p>
      <h2>{INTERVIEW_TEXT.live}</h2>
      <InterviewItems items={sections.live} />
      <h2>{INTERVIEW_TEXT.upcoming}</h2>
      <InterviewItems items={sections.upcoming} />
      <h2>{INTERVIEW_TEXT.past}</h2>
      <InterviewItems items={sections.past} />
    </section>
  );
}

/** A shown question as the public sees it: nickname, time, text (escaped), answered or not. */
export function QuestionItem(props: { question: InterviewQuestion }) {
  const q = props.question;
  return (
    <li class="comment" id={`q-${q.id}`} data-question={q.id}>
      <p class="muted small">
        {q.name === '' ? INTERVIEW_TEXT.anonymous : q.name} · {chinaDateTime(q.createdAt)}
        {q.answered ? (
          <>
            {' '}
            <span class="tag answered">{INTERVIEW_TEXT.answered}</span>
          </>
        ) : null}
      </p>
      <p class="comment-body">{q.body}</p>
    </li>
  );
}

/** One transcript entry: speaker, time, what was said. */
export function EntryItem(props: { entry: TranscriptEntry }) {
  const e = props.entry;
  return (
    <li class={`transcript-entry speaker-${e.speakerKind}`} id={`e-${e.id}`}>
      <p class="small">
        <strong>{e.speaker}</strong> <span class="muted">{chinaDateTime(e.saidAt).slice(11)}</span>
        {e.questionId !== null && e.speakerKind !== 'question' ? (
          <>
            {' '}
            <a class="small" href={`#q-${e.questionId}`}>
              回答网友提问
            </a>
          </>
        ) : null}
      </p>
      <p class="comment-body">{e.body}</p>
    </li>
  );
}

function MediaList(props: { media: InterviewMedia[] }) {
  return (
    <ul class="interview-media">
      {props.media.map((m) => (
        <li>
          <figure>
            <img src={m.url} alt={m.alt} loading="lazy" />
            {m.caption !== '' ? <figcaption>{m.caption}</figcaption> : null}
          </figure>
        </li>
      ))}
    </ul>
  );
}

/**
 * An interview's page, the same for everybody (cached): guests and topic, the question link while
 * questions are taken, shown questions, the transcript and media. While announced or live, a small
 * script follows the event stream and appends what is new; without it, 刷新 reloads everything.
 */
export function InterviewPage(props: { view: InterviewView }) {
  const { interview: i, org, questions, entries, media, hiddenCount } = props.view;
  const following = i.state === 'scheduled' || i.state === 'live';
  return (
    <article
      class="panel interview"
      data-interview-live={following ? interviewEventsPath(i.id) : undefined}
      data-revision={String(i.revision)}
      data-state={i.state}
    >
      <h1 class="document-title">{i.title}</h1>
      <table class="meta-table">
        <tbody>
          <MetaRow label="主办单位">{org.name}</MetaRow>
          <MetaRow label="访谈时间">{interviewTime(i)}</MetaRow>
          <MetaRow label="访谈嘉宾">
            <ul class="plain-list">
              {i.guests.map((g) => (
                <li>
                  {g.title} {g.name}
                </li>
              ))}
            </ul>
          </MetaRow>
          <MetaRow label="状态">
            <span class={`tag interview-${i.state}`} id="interview-state" role="status">
              {INTERVIEW_STATE_LABELS[i.state]}
            </span>
          </MetaRow>
        </tbody>
      </table>
      {i.state === 'cancelled' ? <p class="notice">本期访谈已取消。理由：{i.cancelReason}</p> : null}
      {i.summary !== '' ? (
        <>
          <h2>访谈简介</h2>
          <p class="prose-text">{i.summary}</p>
        </>
      ) : null}
      {isOpenForQuestions(i.state) ? (
        <p>
          <a class="button button-primary" href={questionFormPath(i.id)}>
            我要提问
          </a>
        </p>
      ) : null}
      {following ? (
        <p class="small">
          <a href={interviewPath(i.id)} id="interview-refresh">
            {INTERVIEW_TEXT.refresh}
          </a>
          <span class="muted"> 页面会自动显示最新内容；如未更新，请点击刷新。</span>
        </p>
      ) : null}
      <h2 id="transcript">{i.state === 'ended' ? '文字实录' : '文字直播'}</h2>
      <ol class="transcript" id="transcript-list" aria-live="polite" aria-relevant="additions">
        {entries.map((entry) => (
          <EntryItem entry={entry} />
        ))}
      </ol>
      {entries.length === 0 ? <p class="empty">{INTERVIEW_TEXT.noTranscript}</p> : null}
      {media.length > 0 ? (
        <>
          <h2>访谈图片</h2>
          <MediaList media={media} />
        </>
      ) : null}
      <h2 id="questions">网友提问</h2>
      <ol class="comment-list" id="question-list">
        {questions.map((q) => (
          <QuestionItem question={q} />
        ))}
      </ol>
      {questions.length === 0 ? <p class="empty">{INTERVIEW_TEXT.noQuestions}</p> : null}
      {hiddenCount > 0 ? <p class="muted small">{INTERVIEW_TEXT.hiddenCount(hiddenCount)}</p> : null}
      {following ? <script src={assetUrl('interview-live.js')} defer /> : null}
    </article>
  );
}

export type QuestionValues = { body: string; name: string };

/** The question form; on an error what was typed comes back beside the message. */
export function QuestionForm(props: {
  interview: Interview;
  values: QuestionValues;
  issues: FieldIssue[];
  message?: string | undefined;
  csrfToken: string;
}) {
  const i = props.interview;
  return (
    <section class="panel">
      <h1>向访谈嘉宾提问</h1>
      <p>
        <a href={interviewPath(i.id)}>{i.title}</a>
      </p>
      <p class="small">嘉宾：{guestLine(i)}</p>
      <ErrorSummary issues={props.issues} message={props.message} />
      {isOpenForQuestions(i.state) ? (
        <form method="post" action={questionFormPath(i.id)} class="form" id="form">
          <Csrf token={props.csrfToken} />
          <TextArea
            name="body"
            label="您的问题"
            value={props.values.body}
            rows={6}
            maxlength={INTERVIEW_LIMITS.question}
            issues={props.issues}
            hint={`最多${INTERVIEW_LIMITS.question}字。${INTERVIEW_TEXT.questionRules}`}
            required
          />
          <TextField
            name="name"
            label="昵称（选填）"
            value={props.values.name}
            maxlength={INTERVIEW_LIMITS.name}
            issues={props.issues}
            hint="不填写则显示为“网友”。"
            autocomplete="nickname"
          />
          <div class="form-actions">
            <button type="submit" class="button button-primary">
              提交问题
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}

/** After a question was taken. */
export function QuestionReceived(props: { interview: Interview; body: string }) {
  return (
    <section class="panel">
      <h1>问题已提交</h1>
      <p class="notice">{INTERVIEW_TEXT.questionReceived}</p>
      <p class="comment-body">{props.body}</p>
      <p>
        <a href={interviewPath(props.interview.id)}>返回访谈页面</a>
      </p>
    </section>
  );
}
