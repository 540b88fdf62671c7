import type { ParagraphChange } from '../domain/paragraphs.ts';
import { consultationPath } from './paths.ts';

const KIND_LABELS: Record<ParagraphChange['kind'], string> = {
  same: '未变',
  changed: '修改',
  added: '新增',
  removed: '删除',
};

/** Two versions of a draft side by side, paragraph by paragraph; unchanged rows are shown plainly. */
export function ComparePage(props: {
  consultationId: string;
  title: string;
  from: number;
  to: number;
  rows: ParagraphChange[];
}) {
  const changes = props.rows.filter((row) => row.kind !== 'same').length;
  return (
    <article class="panel">
      <h1>
        {props.title}：第{props.from}版与第{props.to}版对照
      </h1>
      <p>
        共 {changes} 处变化。<a href={consultationPath(props.consultationId)}>返回征求意见稿</a>
      </p>
      <div class="table-scroll">
        <table class="diff-table version-compare">
          <thead>
            <tr>
              <th scope="col">变化</th>
              <th scope="col">第{props.from}版</th>
              <th scope="col">第{props.to}版</th>
            </tr>
          </thead>
          <tbody>
            {props.rows.map((row) => (
              <tr class={`change-${row.kind}`}>
                <td class="nowrap">{KIND_LABELS[row.kind]}</td>
                <td>
                  {row.kind === 'added' ? '' : `${row.before}. `}
                  {row.kind === 'same' ? row.text : row.kind === 'added' ? '' : row.old}
                </td>
                <td>
                  {row.kind === 'removed' ? '' : `${row.after}. `}
                  {row.kind === 'removed' ? '' : row.text}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </article>
  );
}
