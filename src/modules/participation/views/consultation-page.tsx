import { PHASE_LABELS } from '../domain/consultation.ts';
import { maskName, type ConsultationComment } from '../domain/comment.ts';
import { VERIFICATION_TEXT } from '../domain/verification-strings.ts';
import type { ConsultationView } from '../queries/consultation-views.ts';
import { commentTime } from './format.ts';
import { commentFormPath, comparePath, consultationPath, reportPath } from './paths.ts';
import { MetaRow, Pagination } from '../../../platform/web/components.tsx';
import { ConsultationMeta } from './meta-table.tsx';

/** Comments per page of a consultation's page: a phone gets the draft and a readable page of comments. */
export const COMMENTS_PER_PAGE = 50;

/** Where a comment points: 第3段 of a version, or the whole draft. */
export function commentTarget(comment: Pick<ConsultationComment, 'paragraph' | 'version'>, current: number): string {
  const where = comment.paragraph === null ? '对草案整体' : `对第${comment.paragraph}段`;
  return comment.version === current ? where : `${where}（第${comment.version}版）`;
}

/** One comment as the public sees it: masked signature, time, target and the text, escaped. */
export function CommentItem(props: { comment: ConsultationComment; current: number }) {
  const { comment } = props;
  return (
    <li class="comment" id={`c-${comment.id}`}>
      <p class="muted small">
        {maskName(comment.name)}
        {comment.personKey !== null ? (
          <>
            {' '}
            <span class="badge verified" title={VERIFICATION_TEXT.verifiedTitle}>
              {VERIFICATION_TEXT.verified}
            </span>
          </>
        ) : null}{' '}
        · {commentTime(comment.createdAt)} · {commentTarget(comment, props.current)}
      </p>
      <p class="comment-body">{comment.body}</p>
    </li>
  );
}

/**
 * A consultation's page: what it is and when, the draft paragraph by paragraph (each with its count
 * of comments and a link to comment on it), the versions, and the comments. It is the same for
 * everybody, so it is cached; the comment form is a page of its own.
 */
export function ConsultationPage(props: {
  view: ConsultationView;
  /** The page of comments shown (COMMENTS_PER_PAGE each). */
  page: number;
  /** Only the comments on this paragraph of the version shown (0: on the whole draft); null for all. */
  paragraph: number | null;
  /** The version asked for in the address, kept in the page's own links; null for the current one. */
  asked: number | null;
}) {
  const { view } = props;
  const { consultation: c, version } = view;
  const open = view.phase === 'open';
  const isCurrent = version.number === c.version;
  const here = (query: { p?: number | null; page?: number }) => {
    const params = new URLSearchParams();
    if (props.asked !== null) params.set('v', String(props.asked));
    if (query.p !== undefined && query.p !== null) params.set('p', String(query.p));
    if (query.page !== undefined && query.page > 1) params.set('page', String(query.page));
    const search = params.toString();
    return `${consultationPath(c.id)}${search === '' ? '' : `?${search}`}#comments`;
  };
  const filtered =
    props.paragraph === null
      ? view.comments
      : view.comments.filter(
          (comment) => comment.version === version.number && (comment.paragraph ?? 0) === props.paragraph,
        );
  const shown = filtered.slice((props.page - 1) * COMMENTS_PER_PAGE, props.page * COMMENTS_PER_PAGE);
  return (
    <article class="panel consultation">
      <h1 class="document-title">{c.title}</h1>
      <ConsultationMeta orgName={view.orgName} consultation={c}>
        <MetaRow label="状态">
          <span class={`tag phase-${view.phase}`}>{PHASE_LABELS[view.phase]}</span>
        </MetaRow>
        <MetaRow label="收到意见">
          {view.report.received - view.report.hidden} 条公开
          {view.report.hidden > 0 ? `，${view.report.hidden} 条因违反留言规则未显示` : ''}
        </MetaRow>
      </ConsultationMeta>
      {c.major && c.shortReason !== '' ? <p class="notice">缩短征求意见期限的理由：{c.shortReason}</p> : null}
      {view.phase === 'completed' ? (
        <p class="notice">
          征求意见已结束，<a href={reportPath(c.id)}>查看意见采纳情况</a>。
        </p>
      ) : null}
      {view.phase === 'closed' ? <p class="notice">征求意见已结束，意见采纳情况整理后将在本页公布。</p> : null}
      {view.phase === 'scheduled' ? <p class="notice">征求意见尚未开始，开始后可对草案发表意见。</p> : null}
      {c.summary !== '' ? (
        <>
          <h2>起草说明</h2>
          <p class="prose-text">{c.summary}</p>
        </>
      ) : null}
      <h2>
        草案全文（第{version.number}版{isCurrent ? '，现行' : ''}）
      </h2>
      {open && isCurrent ? (
        <p>
          <a class="button button-primary" href={commentFormPath(c.id)}>
            对草案整体提意见
          </a>
        </p>
      ) : null}
      <ol class="draft-paragraphs">
        {version.paragraphs.map((text, index) => {
          const n = index + 1;
          const count = view.perParagraph[n] ?? 0;
          return (
            <li id={`p${n}`} value={n}>
              <p>{text}</p>
              <p class="small muted">
                {count > 0 ? <a href={here({ p: n })}>本段意见 {count} 条</a> : '本段暂无意见'}
                {open && isCurrent ? (
                  <>
                    {' · '}
                    <a href={commentFormPath(c.id, n)}>对第{n}段提意见</a>
                  </>
                ) : null}
              </p>
            </li>
          );
        })}
      </ol>
      {view.versions.length > 1 ? (
        <>
          <h2>草案版本</h2>
          <ul class="inline-list">
            {view.versions.map((v) => (
              <li>
                <a href={`${consultationPath(c.id)}?v=${v.number}`}>第{v.number}版</a>
                <span class="muted small"> {commentTime(v.createdAt)}</span>
                {v.number > 1 ? (
                  <>
                    {' '}
                    <a href={comparePath(c.id, v.number - 1, v.number)}>与第{v.number - 1}版对照</a>
                  </>
                ) : null}
                {v.note !== '' ? <span class="small"> 修改说明：{v.note}</span> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h2 id="comments">
        {props.paragraph === null
          ? `公众意见（${filtered.length}条）`
          : `${props.paragraph === 0 ? '对草案整体' : `对第${props.paragraph}段`}的意见（${filtered.length}条）`}
      </h2>
      {props.paragraph !== null ? (
        <p>
          <a href={here({})}>查看全部意见（{view.comments.length}条）</a>
        </p>
      ) : null}
      {shown.length === 0 ? (
        <p class="empty">{filtered.length === 0 ? '还没有意见。' : '这一页没有意见。'}</p>
      ) : (
        <ol class="comment-list" start={(props.page - 1) * COMMENTS_PER_PAGE + 1}>
          {shown.map((comment) => (
            <CommentItem comment={comment} current={c.version} />
          ))}
        </ol>
      )}
      <Pagination
        page={props.page}
        pageSize={COMMENTS_PER_PAGE}
        total={filtered.length}
        href={(page) => here({ p: props.paragraph, page })}
      />
    </article>
  );
}
