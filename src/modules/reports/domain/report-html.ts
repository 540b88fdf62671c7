import { escapeHtml, plainTextToHtml } from '../../../platform/html-text.ts';
import { ANNUAL_REPORT_SECTIONS, TABLE2, TABLE3 } from '../../../reference/annual-report.ts';
import type { AppealKind, Table3Column } from '../../requests/index.ts';
import type { AssembledReport } from './assembly.ts';

/**
 * The report as the HTML body of the document published in 公开年报 and of the staff preview: the
 * six sections under the format's titles (国办公开办函〔2021〕30号), tables laid out as the format
 * prints them. Only tags and attributes the rich-text sanitiser keeps are used, and every text is
 * escaped, so what staff preview is exactly what the public page shows.
 */
export function reportBodyHtml(report: AssembledReport): string {
  const [one, two, three, four, five, six] = ANNUAL_REPORT_SECTIONS;
  const scope = report.isDistrictWide ? '全区各行政机关' : report.unitName;
  return [
    `<p>本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）第五十条和国办公开办函〔2021〕30号规定的格式编制，反映${escapeHtml(scope)}${report.year}年政府信息公开工作情况，所列数据统计期限为${report.year}年1月1日至12月31日。表二中的规章和行政规范性文件件数、表三和表四由政府信息公开平台根据已发布的政府信息和依申请公开办理记录统计。</p>`,
    `<h2>${one}</h2>`,
    plainTextToHtml(report.sections.overview),
    `<h2>${two}</h2>`,
    table2Html(report),
    `<h2>${three}</h2>`,
    table3Html(report),
    `<h2>${four}</h2>`,
    table4Html(report),
    `<h2>${five}</h2>`,
    plainTextToHtml(report.sections.problems),
    `<h2>${six}</h2>`,
    plainTextToHtml(report.sections.other),
  ].join('\n');
}

/** Table 二's cells in the format's order: per block, per row, the values of its columns after 信息内容. */
export function table2Values(report: AssembledReport): string[][][] {
  const { documents, figures } = report.table2;
  const issuance = (row: { issued: number; repealed: number; inForce: number }) =>
    [row.issued, row.repealed, row.inForce].map(String);
  return [
    [issuance(documents.regulations), issuance(documents.normative)],
    [[String(figures.licensing)]],
    [[String(figures.penalties)], [String(figures.enforcement)]],
    [[figures.feesWan]],
  ];
}

function table2Html(report: AssembledReport): string {
  const values = table2Values(report);
  const rows: string[] = [];
  TABLE2.blocks.forEach((block, b) => {
    const span = (columns: number) => (columns > 1 ? ` colspan="${columns}"` : '');
    // Each block spans the widest block's four columns; a block of one value spans the last three.
    rows.push(`<tr><th colspan="4" scope="colgroup">${escapeHtml(block.basis)}</th></tr>`);
    rows.push(
      `<tr>${block.columns
        .map((c, i) => `<th scope="col"${i === 1 ? span(5 - block.columns.length) : ''}>${escapeHtml(c)}</th>`)
        .join('')}</tr>`,
    );
    block.rows.forEach((label, r) => {
      const cells = values[b]![r]!;
      rows.push(
        `<tr><th scope="row">${escapeHtml(label)}</th>${cells
          .map((v) => `<td${cells.length === 1 ? span(3) : ''}>${escapeHtml(v)}</td>`)
          .join('')}</tr>`,
      );
    });
  });
  return `<table><tbody>${rows.join('')}</tbody></table>`;
}

const TABLE3_COLUMN_ORDER: Table3Column[] = [
  'natural',
  'business',
  'research',
  'nonprofit',
  'legal_service',
  'other',
  'total',
];

/** Table 三's rows with their printed label and indent (the label's last part, as the format prints it). */
export function table3Rows(): { id: string; label: string; depth: number }[] {
  return TABLE3.rows.map((row) => {
    const parts = row.label.split('/');
    return { id: row.id, label: parts.at(-1)!, depth: row.id.split('.').length - 1 };
  });
}

/** The heading rows of table 三 that group the results (三、本年度办理结果 and its (三)–(六)). */
export function table3GroupHeading(id: string): string | undefined {
  if (id === '3.1') return '三、本年度办理结果';
  const group = TABLE3.rows.find((row) => row.id === id);
  if (!group || id.split('.').length !== 3 || !id.endsWith('.1')) return undefined;
  return group.label.split('/')[0];
}

function table3Html(report: AssembledReport): string {
  const head = [
    '<tr><th rowspan="3" scope="col">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</th><th colspan="7" scope="colgroup">申请人情况</th></tr>',
    '<tr><th rowspan="2" scope="col">自然人</th><th colspan="5" scope="colgroup">法人或其他组织</th><th rowspan="2" scope="col">总计</th></tr>',
    `<tr>${TABLE3.columns
      .slice(1, 6)
      .map((c) => `<th scope="col">${escapeHtml(c.split('/').at(-1)!)}</th>`)
      .join('')}</tr>`,
  ];
  const body: string[] = [];
  for (const row of table3Rows()) {
    const group = table3GroupHeading(row.id);
    if (group) body.push(`<tr><th colspan="8" scope="colgroup">${escapeHtml(group)}</th></tr>`);
    const cells = TABLE3_COLUMN_ORDER.map((c) => `<td>${report.table3.cells[row.id]?.[c] ?? 0}</td>`).join('');
    body.push(`<tr><th scope="row">${escapeHtml(row.label)}</th>${cells}</tr>`);
  }
  return `<table><thead>${head.join('')}</thead><tbody>${body.join('')}</tbody></table>`;
}

/** Table 四's three groups in the format's order, with the group's heading. */
export const TABLE4_GROUPS: { kind: AppealKind; label: string }[] = [
  { kind: 'reconsideration', label: '行政复议' },
  { kind: 'suit', label: '行政诉讼·未经复议直接起诉' },
  { kind: 'suit_after_reconsideration', label: '行政诉讼·复议后起诉' },
];
export const TABLE4_RESULTS = [
  ['upheld', '结果维持'],
  ['corrected', '结果纠正'],
  ['other', '其他结果'],
  ['pending', '尚未审结'],
  ['total', '总计'],
] as const;

function table4Html(report: AssembledReport): string {
  const head = [
    '<tr><th colspan="5" rowspan="2" scope="colgroup">行政复议</th><th colspan="10" scope="colgroup">行政诉讼</th></tr>',
    '<tr><th colspan="5" scope="colgroup">未经复议直接起诉</th><th colspan="5" scope="colgroup">复议后起诉</th></tr>',
    `<tr>${TABLE4_GROUPS.flatMap(() => TABLE4_RESULTS.map(([, label]) => `<th scope="col">${label}</th>`)).join('')}</tr>`,
  ];
  const cells = TABLE4_GROUPS.flatMap(({ kind }) =>
    TABLE4_RESULTS.map(([key]) => `<td>${report.table4[kind][key]}</td>`),
  ).join('');
  return `<table><thead>${head.join('')}</thead><tbody><tr>${cells}</tr></tbody></table>`;
}
