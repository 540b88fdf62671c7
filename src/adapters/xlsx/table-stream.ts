import type ExcelJS from 'exceljs';
import type { OpenTable, TableWriter } from '../../platform/table-file.ts';
import { finished } from '../../platform/streams.ts';
import { exceljs } from './workbook.ts';

/**
 * An .xlsx table written with exceljs's streaming WorkbookWriter: each row is serialised to XML
 * when it is committed, so no row objects pile up. exceljs 4.4 still packs the workbook's ZIP
 * (JSZip) only when the workbook is committed, so the sheet's XML (about 0.4 KB a row) waits in
 * memory until the end and the bytes leave in one go: callers bound the rows. Cells are plain
 * strings (inline, no shared-string table), never formulas; the header row is bold and frozen.
 */
export const openXlsxTable: OpenTable = (output, layout): TableWriter => {
  let opened: Promise<{ workbook: ExcelJS.stream.xlsx.WorkbookWriter; sheet: ExcelJS.Worksheet }> | undefined;
  const open = () =>
    (opened ??= exceljs().then((lib) => {
      const workbook = new lib.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
      workbook.creator = 'Gongkai';
      const sheet = workbook.addWorksheet(layout.sheetName.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
      sheet.columns = layout.widths.map((width) => ({ width }));
      return { workbook, sheet };
    }));
  let rows = 0;
  return {
    async row(cells) {
      const { sheet } = await open();
      const row = sheet.addRow([...cells]);
      if (rows === 0) row.font = { bold: true };
      row.commit();
      rows++;
    },
    async end() {
      const { workbook, sheet } = await open();
      sheet.commit();
      await workbook.commit();
      await finished(output);
    },
  };
};
