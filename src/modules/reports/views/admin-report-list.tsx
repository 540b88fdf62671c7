import { SelectField } from '../../../platform/web/fields.tsx';
import type { ReportListItem } from '../queries/list-reports.ts';
import { REPORT_TEXT } from '../strings.ts';

/** The units whose annual report the member of staff writes, for one year, with where each stands. */
export function AdminReportList(props: { year: number; years: number[]; items: ReportListItem[] }) {
  return (
    <section>
      <h1>{REPORT_TEXT.listTitle}</h1>
      <p>
        年度报告依照《中华人民共和国政府信息公开条例》第四十九条、第五十条和国办公开办函〔2021〕30号规定的格式编制：表三、表四根据依申请公开办理记录自动统计，表二中的规章和行政规范性文件件数根据已发布的政府信息统计，行政许可、处罚、强制和收费数据由本单位填写。县级以上人民政府部门应于每年1月31日前、本级人民政府应于3月31日前公布上一年度报告。
      </p>
      <form method="get" action="/admin/reports" class="form filter-form">
        <SelectField
          name="year"
          label="年度"
          value={String(props.year)}
          options={props.years.map((y) => ({ value: String(y), label: `${y}年` }))}
        />
        <button type="submit" class="button">
          查看
        </button>
      </form>
      {props.items.length === 0 ? (
        <p>您没有可编制年度报告的单位。</p>
      ) : (
        <table class="data-table">
          <caption>{props.year}年度报告</caption>
          <thead>
            <tr>
              <th scope="col">单位</th>
              <th scope="col">状态</th>
              <th scope="col">操作</th>
            </tr>
          </thead>
          <tbody>
            {props.items.map(({ org, draft }) => (
              <tr>
                <td>
                  {'　'.repeat(org.depth)}
                  {org.name}
                  {org.parentId === null ? `（${REPORT_TEXT.districtWide}）` : ''}
                </td>
                <td>{draft?.submittedAt ? '已提交发布' : draft ? '草稿已保存' : '尚未编制'}</td>
                <td>
                  <a href={`/admin/reports/${org.code}/${props.year}`}>{draft ? '编辑' : '编制'}</a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
