import { reportGrids, type AssembledReport } from '../../modules/reports/index.ts';
import { writeWorkbook } from '../xlsx/workbook.ts';

const SHEET_NAMES = ['表二 主动公开', '表三 申请情况', '表四 复议诉讼'];

/** The report's three tables as a workbook: one sheet each, its official title in the first row. */
export async function renderReportXlsx(report: AssembledReport): Promise<Buffer> {
  return writeWorkbook(
    reportGrids(report).map((grid, i) => ({
      name: SHEET_NAMES[i]!,
      rows: [[`${report.title}　${grid.title}`], ...grid.header, ...grid.rows],
    })),
  );
}
