import type ExcelJS from 'exceljs';
import type { Sheet } from '../../modules/catalog/domain/sheet.ts';

/** Column widths (in characters) for the catalog layout. */
const WIDTHS = [6, 14, 18, 36, 40, 20, 18, 24, 10, 10, 10, 10, 10];

/**
 * Writes worksheets as an .xlsx file: a one-cell first row is a title merged across the table, the
 * header follows, the rest is data, wrapped, with borders, as catalogs are printed.
 */
export async function writeWorkbook(sheets: Sheet[]): Promise<Buffer> {
  const workbook = new (await exceljs()).Workbook();
  workbook.creator = 'Gongkai';
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(safeSheetName(sheet.name), { views: [{ state: 'frozen', ySplit: 2 }] });
    const width = Math.max(...sheet.rows.map((r) => r.length));
    sheet.rows.forEach((row, i) => {
      const added = worksheet.addRow(row);
      added.alignment = { wrapText: true, vertical: 'top' };
      // A lone first cell is the sheet's title, merged across the table.
      if (i === 0 && row.length === 1) {
        worksheet.mergeCells(1, 1, 1, width);
        added.font = { bold: true, size: 14 };
        added.alignment = { horizontal: 'center' };
      } else {
        added.eachCell((cell) => {
          cell.border = {
            top: { style: 'thin' },
            bottom: { style: 'thin' },
            left: { style: 'thin' },
            right: { style: 'thin' },
          };
        });
        if (i === 1 || (i === 0 && row.length > 1)) added.font = { bold: true };
      }
    });
    worksheet.columns.forEach((column, i) => {
      column.width = WIDTHS[i] ?? 12;
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * Reads every worksheet as text cells. A cell inside a merged range reads as the merged value (local
 * catalogs merge 一级事项 down its rows). Returns undefined when the bytes are not an .xlsx file.
 */
export async function readWorkbook(bytes: Buffer): Promise<Sheet[] | undefined> {
  const workbook = new (await exceljs()).Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return undefined;
  }
  const sheets: Sheet[] = [];
  workbook.eachSheet((worksheet) => {
    const rows: string[][] = [];
    for (let r = 1; r <= worksheet.rowCount; r++) {
      const row = worksheet.getRow(r);
      const cells: string[] = [];
      for (let c = 1; c <= worksheet.columnCount; c++) {
        const cell = row.getCell(c);
        const source = cell.isMerged ? cell.master : cell;
        cells.push(cellText(source));
      }
      rows.push(cells);
    }
    sheets.push({ name: worksheet.name, rows });
  });
  return sheets;
}

function cellText(cell: ExcelJS.Cell): string {
  try {
    return (cell.text ?? '').replace(/\r\n/g, '\n');
  } catch {
    return '';
  }
}

/** exceljs, loaded when a workbook is first written or read (it is tens of megabytes). */
export async function exceljs(): Promise<typeof ExcelJS> {
  return (await import('exceljs')).default;
}

/** Sheet names: at most 31 characters, none of : \ / ? * [ ]. */
function safeSheetName(name: string): string {
  return name.replace(/[:\\/?*[\]]/g, '-').slice(0, 31) || 'Sheet';
}
