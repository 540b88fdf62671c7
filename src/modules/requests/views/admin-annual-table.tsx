import type { Org } from '../../orgs/index.ts';
import { SelectField } from '../../../platform/web/fields.tsx';
import { TABLE3, TABLE4 } from '../../../reference/annual-report.ts';
import { APPEAL_KINDS, type Table4 } from '../domain/appeals.ts';
import { TABLE3_COLUMNS, type Table3, type Table3Problem } from '../domain/annual-report.ts';

/** A row label of table 三 as the format prints it: the last part, indented under its heading. */
function rowLabel(label: string): { text: string; depth: number } {
  const parts = label.split('/');
  return { text: parts.at(-1)!, depth: parts.length - 1 };
}

/**
 * Table 三 of the annual report, laid out as the format has it (国办公开办函〔2021〕30号), computed
 * from the requests, with the result of its checks.
 */
export function AdminAnnualTable(props: {
  table: Table3;
  problems: Table3Problem[];
  table4: Table4;
  units: Org[];
  selected: Org | null;
  years: number[];
}) {
  const { table } = props;
  return (
    <section>
      <h1>政府信息公开工作年度报告：申请情况</h1>
      <form method="get" action="/admin/ysqgk/report" class="form filter-form">
        <SelectField
          name="year"
          label="年度"
          value={String(table.year)}
          options={props.years.map((y) => ({ value: String(y), label: `${y}年` }))}
        />
        <SelectField
          name="org"
          label="单位"
          value={props.selected?.code ?? ''}
          options={[
            { value: '', label: '全部受理机关' },
            ...props.units.map((org) => ({ value: org.code, label: `${'　'.repeat(org.depth)}${org.name}` })),
          ]}
        />
        <button type="submit" class="button">
          查看
        </button>
      </form>
      {props.problems.length === 0 ? (
        <p class="notice notice-success">
          勾稽关系核对通过：本年新收 + 上年结转 = 办理结果总计 + 结转下年度（各列均相符）。
        </p>
      ) : (
        <div class="notice notice-warning" role="alert">
          <p>勾稽关系核对未通过：</p>
          <ul>
            {props.problems.map((p) => (
              <li>
                {p.check === 'balance'
                  ? '一+二≠三(七)+四'
                  : p.check === 'results'
                    ? '三(七)≠各项办理结果之和'
                    : '总计≠各列之和'}
                （{p.row}，{p.column}：{p.left} ≠ {p.right}）
              </li>
            ))}
          </ul>
        </div>
      )}
      <div class="table-scroll">
        <table class="data-table report-table">
          <caption>{TABLE3.title}</caption>
          <thead>
            <tr>
              <th scope="col" rowspan={3} colspan={3}>
                （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）
              </th>
              <th scope="colgroup" colspan={7}>
                申请人情况
              </th>
            </tr>
            <tr>
              <th scope="col" rowspan={2}>
                自然人
              </th>
              <th scope="colgroup" colspan={5}>
                法人或其他组织
              </th>
              <th scope="col" rowspan={2}>
                总计
              </th>
            </tr>
            <tr>
              {TABLE3.columns.slice(1, 6).map((c) => (
                <th scope="col">{c.split('/').at(-1)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {TABLE3.rows.map((row) => {
              const label = rowLabel(row.label);
              return (
                <tr>
                  <th scope="row" colspan={3} class={`indent-${label.depth}`}>
                    {label.depth > 0 && row.id.startsWith('3.') && row.id.split('.').length === 3 ? '　　' : ''}
                    {label.text}
                  </th>
                  {TABLE3_COLUMNS.map((column) => (
                    <td class="num">{table.cells[row.id]?.[column] ?? 0}</td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div class="table-scroll">
        <table class="data-table report-table">
          <caption>{TABLE4.title}</caption>
          <thead>
            <tr>
              <th scope="colgroup" colspan={5} rowspan={2}>
                行政复议
              </th>
              <th scope="colgroup" colspan={10}>
                行政诉讼
              </th>
            </tr>
            <tr>
              <th scope="colgroup" colspan={5}>
                未经复议直接起诉
              </th>
              <th scope="colgroup" colspan={5}>
                复议后起诉
              </th>
            </tr>
            <tr>{APPEAL_KINDS.flatMap(() => TABLE4_COLUMNS.map(([, label]) => <th scope="col">{label}</th>))}</tr>
          </thead>
          <tbody>
            <tr>
              {APPEAL_KINDS.flatMap((kind) =>
                TABLE4_COLUMNS.map(([key]) => <td class="num">{props.table4[kind][key]}</td>),
              )}
            </tr>
          </tbody>
        </table>
      </div>
    </section>
  );
}

const TABLE4_COLUMNS = [
  ['upheld', '结果维持'],
  ['corrected', '结果纠正'],
  ['other', '其他结果'],
  ['pending', '尚未审结'],
  ['total', '总计'],
] as const;
