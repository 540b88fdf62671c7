import type { FieldIssue } from '../../../platform/errors.ts';
import { Csrf, ErrorSummary } from '../../../platform/web/components.tsx';
import { TextArea, TextField } from '../../../platform/web/fields.tsx';
import { MAX_COMMENT_LENGTH, MAX_NAME_LENGTH } from '../domain/comment.ts';
import type { Consultation } from '../domain/consultation.ts';
import { COMMENT_TEXT } from '../strings.ts';
import { chinaDateTime } from '../../../platform/clock.ts';
import { VERIFICATION_TEXT } from '../domain/verification-strings.ts';
import { commentFormPath, consultationPath } from './paths.ts';
import { verifyPath } from './verification-paths.ts';

export type CommentValues = { body: string; name: string; paragraph: number | null };

/**
 * The comment form: the paragraph quoted (or the whole draft named), the text, an optional
 * signature. On an error, what was typed is shown again beside the message.
 */
export function CommentForm(props: {
  consultation: Consultation;
  quoted: string | null;
  values: CommentValues;
  issues: FieldIssue[];
  message?: string | undefined;
  csrfToken: string;
  /** Until when the sender's verified identity holds; null when they did not verify. */
  verifiedUntil?: Date | null;
}) {
  const { consultation: c, values } = props;
  const verifiedUntil = props.verifiedUntil ?? null;
  const back = commentFormPath(c.id, values.paragraph ?? undefined);
  const target = values.paragraph === null ? '草案整体' : `第${values.paragraph}段`;
  return (
    <section class="panel">
      <h1>对{target}提意见</h1>
      <p>
        <a href={consultationPath(c.id)}>{c.title}</a>
      </p>
      {props.quoted !== null ? <blockquote class="quoted-paragraph">{props.quoted}</blockquote> : null}
      <ErrorSummary issues={props.issues} message={props.message} />
      {verifiedUntil !== null ? (
        <p class="notice verified-note">
          {VERIFICATION_TEXT.comment.verified(chinaDateTime(verifiedUntil.toISOString()))}
        </p>
      ) : (
        <p class="verify-offer">
          <a href={verifyPath(back)}>{VERIFICATION_TEXT.comment.offer}</a>
          <span class="hint"> {VERIFICATION_TEXT.comment.offerHint}</span>
        </p>
      )}
      <form method="post" action={`${consultationPath(c.id)}/yijian`} class="form" id="form">
        <Csrf token={props.csrfToken} />
        {values.paragraph !== null ? <input type="hidden" name="paragraph" value={String(values.paragraph)} /> : null}
        <TextArea
          name="body"
          label="您的意见"
          value={values.body}
          rows={8}
          maxlength={MAX_COMMENT_LENGTH}
          issues={props.issues}
          hint={`最多${MAX_COMMENT_LENGTH}字。请勿填写身份证号、电话等个人信息；含广告、辱骂或与草案无关的内容将不予显示。`}
          required
        />
        <TextField
          name="name"
          label="署名（选填）"
          value={values.name}
          maxlength={MAX_NAME_LENGTH}
          issues={props.issues}
          hint="公开显示时只显示第一个字，例如“张**”。"
          autocomplete="name"
        />
        <div class="form-actions">
          <button type="submit" class="button button-primary">
            提交意见
          </button>
        </div>
      </form>
    </section>
  );
}

/** After a comment was taken: what happens next, with the comment as it will be shown. */
export function CommentReceived(props: { consultation: Consultation; body: string }) {
  return (
    <section class="panel">
      <h1>意见已提交</h1>
      <p class="notice">{COMMENT_TEXT.received}</p>
      <p class="comment-body">{props.body}</p>
      <p>
        <a href={`${consultationPath(props.consultation.id)}#comments`}>返回草案和全部意见</a>
      </p>
    </section>
  );
}
