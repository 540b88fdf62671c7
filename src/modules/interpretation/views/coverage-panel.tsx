import type { CoverageFigure } from '../domain/coverage.ts';
import type { CoverageView } from '../queries/coverage.ts';

const LISTED = 10;
const percent = (figure: CoverageFigure) => (figure.share === null ? '—' : `${Math.round(figure.share * 1000) / 10}%`);

/**
 * The dashboard's panel for plan §三.5: normative documents with a graphic interpretation, per unit
 * and in all (target 100%), the documents still waiting for one with a link to build it, and the
 * interpretations that came later than 3 working days.
 */
export function CoveragePanel(props: { view: CoverageView }) {
  const { view } = props;
  return (
    <section class="panel" aria-labelledby="coverage-heading">
      <h2 id="coverage-heading">
        规范性文件图解覆盖率：{percent(view.total)}（{view.total.covered}/{view.total.total}，目标100%）
      </h2>
      <table class="data-table">
        <caption class="visually-hidden">各单位行政规范性文件图解情况</caption>
        <thead>
          <tr>
            <th scope="col">单位</th>
            <th scope="col">有效的规范性文件</th>
            <th scope="col">已有图解</th>
            <th scope="col">覆盖率</th>
          </tr>
        </thead>
        <tbody>
          {view.units.map((unit) => (
            <tr>
              <th scope="row">{unit.orgName}</th>
              <td>{unit.figure.total}</td>
              <td>{unit.figure.covered}</td>
              <td class={unit.figure.covered < unit.figure.total ? 'overdue' : undefined}>{percent(unit.figure)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {view.missing.length > 0 ? (
        <>
          <h3>尚无图解的文件（{view.missing.length}）</h3>
          <ul>
            {view.missing.slice(0, LISTED).map((document) => (
              <li>
                <a href={`/admin/documents/${document.documentId}`}>{document.title}</a>{' '}
                <span class="muted">
                  {document.orgName} {document.publishedOn}
                </span>{' '}
                <a href={`/admin/interpretations/new?policy=${document.documentId}`}>制作图解</a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {view.late.length > 0 ? (
        <>
          <h3>超过3个工作日才发布图解的文件（{view.late.length}）</h3>
          <ul>
            {view.late.slice(0, LISTED).map((item) => (
              <li>
                <a href={`/admin/documents/${item.documentId}`}>{item.title}</a>{' '}
                <span class="muted">
                  文件 {item.publishedOn}，图解 {item.interpretedOn}，晚{item.workingDaysLate}个工作日
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
