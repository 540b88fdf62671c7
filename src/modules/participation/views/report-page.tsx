import { DISPOSITION_LABELS, DISPOSITIONS, maskName } from '../domain/comment.ts';
import type { ConsultationView } from '../queries/consultation-views.ts';
import { commentTime } from './format.ts';
import { commentTarget } from './consultation-page.tsx';
import { consultationPath } from './paths.ts';
import { MetaRow } from '../../../platform/web/components.tsx';
import { ConsultationMeta } from './meta-table.tsx';

/**
 * The adoption report (意见采纳情况, 暂行条例 Art. 16): how many comments came and how each was dealt
 * with, like comments answered together, the reasons, and the final document.
 */
export function ReportPage(props: { view: ConsultationView }) {
  const { view } = props;
  const { consultation: c, report } = view;
  const shown = report.received - report.hidden;
  return (
    <article class="panel adoption-report">
      <h1 class="document-title">《{c.title}》意见采纳情况</h1>
      <ConsultationMeta orgName={view.orgName} consultation={c}>
        <MetaRow label="反馈时间">{c.completedAt ? commentTime(c.completedAt).slice(0, 10) : ''}</MetaRow>
        <MetaRow label="最终文件">{c.finalLink ? <a href={c.finalLink}>查看最终文件</a> : ''}</MetaRow>
      </ConsultationMeta>
      <h2>总体情况</h2>
      <p class="adoption-summary">
        共收到意见 {report.received} 条，其中公开 {shown} 条，因违反留言规则未公开 {report.hidden} 条。公开的意见中，
        {DISPOSITIONS.map((d) => `${DISPOSITION_LABELS[d]} ${report.counts[d]} 条`).join('，')}。
      </p>
      <table class="doc-table adoption-counts">
        <caption class="visually-hidden">意见处理情况统计</caption>
        <thead>
          <tr>
            <th scope="col">收到</th>
            <th scope="col">公开</th>
            {DISPOSITIONS.map((d) => (
              <th scope="col">{DISPOSITION_LABELS[d]}</th>
            ))}
            <th scope="col">未公开</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td data-count="received">{report.received}</td>
            <td data-count="shown">{shown}</td>
            {DISPOSITIONS.map((d) => (
              <td data-count={d}>{report.counts[d]}</td>
            ))}
            <td data-count="hidden">{report.hidden}</td>
          </tr>
        </tbody>
      </table>
      {c.reportSummary !== '' ? <p class="prose-text">{c.reportSummary}</p> : null}
      <h2>逐条反馈</h2>
      <div class="table-scroll">
        <table class="doc-table adoption-rows">
          <thead>
            <tr>
              <th scope="col">意见</th>
              <th scope="col">处理结果</th>
              <th scope="col">理由</th>
            </tr>
          </thead>
          <tbody>
            {report.rows.map((row) => (
              <tr>
                <td>
                  {row.group !== '' ? (
                    <p>
                      <strong>{row.group}</strong>（同类意见 {row.comments.length} 条）
                    </p>
                  ) : null}
                  {row.comments.map((comment) => (
                    <p>
                      <span class="muted small">
                        {maskName(comment.name)} · {commentTarget(comment, c.version)}：
                      </span>
                      {comment.body}
                    </p>
                  ))}
                </td>
                <td class="nowrap">{DISPOSITION_LABELS[row.disposition]}</td>
                <td>{row.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>
        <a href={consultationPath(c.id)}>返回征求意见稿</a>
      </p>
    </article>
  );
}
