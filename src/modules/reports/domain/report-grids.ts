import { ANNUAL_REPORT_SECTIONS, TABLE2, TABLE3 } from '../../../reference/annual-report.ts';
import type { AssembledReport } from './assembly.ts';
import { table2Values, table3Rows, TABLE4_GROUPS, TABLE4_RESULTS } from './report-html.ts';

/** A table of the report as a grid of text, under its official title, for the Word and Excel copies. */
export type ReportGrid = { title: string; header: string[][]; rows: string[][] };

/**
 * Tables 二, 三 and 四 as grids, in the format's order and wording (国办公开办函〔2021〕30号): merged
 * headings are spelled out in each cell they cover, so a spreadsheet reads without merges.
 */
export function reportGrids(report: AssembledReport): ReportGrid[] {
  const values = table2Values(report);
  const table2: ReportGrid = {
    title: TABLE2.title,
    header: [],
    rows: TABLE2.blocks.flatMap((block, b) => [
      [block.basis],
      block.columns,
      ...block.rows.map((label, r) => [label, ...values[b]![r]!]),
    ]),
  };
  const table3: ReportGrid = {
    title: TABLE3.title,
    header: [['申请人情况', ...TABLE3.columns.map((c) => c.replace('/', '：'))]],
    rows: table3Rows().map((row) => [
      TABLE3.rows.find((r) => r.id === row.id)!.label.replace('/', ' '),
      ...(['natural', 'business', 'research', 'nonprofit', 'legal_service', 'other', 'total'] as const).map((c) =>
        String(report.table3.cells[row.id]?.[c] ?? 0),
      ),
    ]),
  };
  const table4: ReportGrid = {
    title: ANNUAL_REPORT_SECTIONS[3]!,
    header: [TABLE4_GROUPS.flatMap(({ label }) => TABLE4_RESULTS.map(([, result]) => `${label}：${result}`))],
    rows: [TABLE4_GROUPS.flatMap(({ kind }) => TABLE4_RESULTS.map(([key]) => String(report.table4[kind][key])))],
  };
  return [table2, table3, table4];
}
