import { formatTimeLimit } from '../domain/cell-text.ts';
import { TIMELINESS_LABELS } from '../domain/timeliness.ts';
import type { TimelinessReport } from '../queries/timeliness-report.ts';

/** Late documents and empty entries of one unit. */
export function TimelinessPage(props: { report: TimelinessReport; warning: string | undefined }) {
  const { report } = props;
  return (
    <section>
      <h1>{report.org.name} 公开时限报告</h1>
      {props.warning ? (
        <p class="notice notice-warning" role="note">
          {props.warning}
        </p>
      ) : null}
      {!report.hasCatalog ? <p>该单位尚未发布标准目录。</p> : null}
      <ul class="stat-list">
        <li>
          <span>
            <span class="stat-number">{report.documents.length}</span>
            <span class="stat-label">归入目录的信息</span>
          </span>
        </li>
        <li>
          <span>
            <span class="stat-number">{report.late.length}</span>
            <span class="stat-label">逾期公开</span>
          </span>
        </li>
        <li>
          <span>
            <span class="stat-number">{report.emptyEntries.length}</span>
            <span class="stat-label">尚无信息的事项</span>
          </span>
        </li>
      </ul>
      <section class="panel">
        <h2>逾期公开的信息（{report.late.length}）</h2>
        {report.late.length === 0 ? <p class="empty">没有逾期公开的信息。</p> : null}
        {report.late.length > 0 ? (
          <table class="data-table">
            <thead>
              <tr>
                <th scope="col">标题</th>
                <th scope="col">目录事项</th>
                <th scope="col">形成日期</th>
                <th scope="col">应公开日期</th>
                <th scope="col">实际发布</th>
              </tr>
            </thead>
            <tbody>
              {report.late.map(({ item, entry, timeliness }) => (
                <tr>
                  <td>
                    <a href={`/admin/documents/${item.document.id}`}>{item.edition.content.title}</a>
                  </td>
                  <td>
                    {entry.itemL1} {entry.itemL2}（{formatTimeLimit(entry.timeLimit)}）
                  </td>
                  <td class="nowrap">{item.edition.content.formedOn}</td>
                  <td class="nowrap">{'dueOn' in timeliness ? timeliness.dueOn : ''}</td>
                  <td class="nowrap">
                    {item.edition.content.publishedOn}{' '}
                    <span class="tag state-rejected">{TIMELINESS_LABELS[timeliness.kind]}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>
      <section class="panel">
        <h2>尚无公开信息的目录事项（{report.emptyEntries.length}）</h2>
        <ul>
          {report.emptyEntries.map((e) => (
            <li>
              {e.fieldCode} {e.itemL1} {e.itemL2}（{formatTimeLimit(e.timeLimit)}）
            </li>
          ))}
        </ul>
      </section>
    </section>
  );
}
