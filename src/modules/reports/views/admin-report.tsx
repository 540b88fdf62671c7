import type { FieldIssue } from '../../../platform/errors.ts';
import { Csrf, ErrorSummary } from '../../../platform/web/components.tsx';
import { TextArea, TextField } from '../../../platform/web/fields.tsx';
import type { Org } from '../../orgs/index.ts';
import { describeProblem, type AssembledReport } from '../domain/assembly.ts';
import { FIGURE_FIELDS, MAX_SECTION_CHARACTERS, SECTION_FIELDS, type AnnualReportDraft } from '../domain/report.ts';
import { reportBodyHtml } from '../domain/report-html.ts';
import { REPORT_TEXT } from '../strings.ts';

/** What the form shows: the values as typed (after a refused save) or as saved. */
export type ReportFormValues = Record<string, string>;

/** The values of a saved report as the form shows them. */
export function formValuesOf(report: AssembledReport): ReportFormValues {
  const { figures } = report.table2;
  return {
    licensing: String(figures.licensing),
    penalties: String(figures.penalties),
    enforcement: String(figures.enforcement),
    feesWan: figures.feesWan,
    ...report.sections,
  };
}

/**
 * One unit's report for one year: the figures and sections it writes, the computed tables with the
 * result of table 三's checks, submission for publication, and the report as it will be published.
 */
export function AdminReport(props: {
  org: Org;
  draft: AnnualReportDraft | undefined;
  report: AssembledReport;
  values: ReportFormValues;
  issues: FieldIssue[];
  message?: string | undefined;
  csrfToken: string;
}) {
  const { org, report } = props;
  const base = `/admin/reports/${org.code}/${report.year}`;
  const documents = report.table2.documents;
  return (
    <section>
      <p>
        <a href={`/admin/reports?year=${report.year}`}>返回年度报告列表</a>
      </p>
      <h1>{report.title}</h1>
      {report.isDistrictWide ? (
        <p>本报告为全区报告：表三、表四统计全区各受理机关的申请，表二统计全区发布的文件。</p>
      ) : null}
      <ErrorSummary issues={props.issues} message={props.message} />
      {report.problems.length === 0 ? (
        <p class="notice notice-success">
          勾稽关系核对通过：本年新收 + 上年结转 = 办理结果总计 + 结转下年度（各列均相符）。
        </p>
      ) : (
        <div class="notice notice-warning" role="alert">
          <p>勾稽关系核对未通过，报告不能发布：</p>
          <ul>
            {report.problems.map((p) => (
              <li>{describeProblem(p)}</li>
            ))}
          </ul>
        </div>
      )}
      {props.draft?.submittedAt ? (
        <p class="notice">
          已于 {props.draft.submittedAt.slice(0, 10)} 提交发布。
          {props.draft.documentId ? <a href={`/admin/documents/${props.draft.documentId}`}>查看发布流程</a> : null}
        </p>
      ) : null}

      <form method="post" action={base} class="form">
        <Csrf token={props.csrfToken} />
        <h2>二、主动公开政府信息情况（需填写部分）</h2>
        <p class="hint">
          规章：本年制发 {documents.regulations.issued} 件、废止 {documents.regulations.repealed} 件、现行有效{' '}
          {documents.regulations.inForce} 件；行政规范性文件：本年制发 {documents.normative.issued} 件、废止{' '}
          {documents.normative.repealed} 件、现行有效 {documents.normative.inForce}{' '}
          件（根据已发布的政府信息统计，如有出入请在“信息发布”中更正文件的有效性）。
        </p>
        {FIGURE_FIELDS.map(({ key, label }) => (
          <TextField
            name={key}
            label={label}
            value={props.values[key]}
            inputmode="numeric"
            maxlength={12}
            issues={props.issues}
          />
        ))}
        <TextField
          name="feesWan"
          label="行政事业性收费本年收费金额（单位：万元）"
          value={props.values.feesWan}
          maxlength={16}
          hint="最多保留四位小数；没有的填0。"
          issues={props.issues}
        />
        {SECTION_FIELDS.map(({ key, label }) => (
          <TextArea
            name={key}
            label={label}
            value={props.values[key]}
            rows={8}
            maxlength={MAX_SECTION_CHARACTERS}
            hint="每段一行，发布时按段落排版。"
            issues={props.issues}
            wide
          />
        ))}
        <button type="submit" class="button">
          保存草稿
        </button>
      </form>

      <form method="post" action={`${base}/submit`} class="form">
        <Csrf token={props.csrfToken} />
        <h2>提交发布</h2>
        <p>
          提交前系统将核对表三的勾稽关系；核对通过后，报告作为“年度报告”体裁的政府信息连同 Word、Excel
          文件提交本单位审核人员，审核发布后在“政府信息公开年报”栏目公开。已发布过的报告再次提交时，审核发布后取代原版本。
        </p>
        <TextField
          name="changeNote"
          label="更新说明（再次发布时必填）"
          maxlength={500}
          value={props.values.changeNote ?? ''}
          issues={props.issues}
        />
        <button type="submit" class="button button-primary">
          核对并提交发布
        </button>
      </form>

      <h2>预览</h2>
      <p>
        <a href={`${base}/report.docx`}>下载 Word 文件</a>　<a href={`${base}/report.xlsx`}>下载 Excel 表格</a>
      </p>
      <article class="document-body report-preview" dangerouslySetInnerHTML={{ __html: reportBodyHtml(report) }} />
      <p class="hint">{REPORT_TEXT.editTitle(org.name, report.year)}：以上为按当前数据生成的报告，提交时重新统计。</p>
    </section>
  );
}
