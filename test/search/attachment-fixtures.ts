import { Document, Packer, Paragraph } from 'docx';
import ExcelJS from 'exceljs';
import PDFDocument from 'pdfkit';
import { fontRuns } from '../../src/adapters/letters/cjk-font.ts';

/** A one-page PDF with Chinese text set in Noto Sans SC; with a user password it is encrypted. */
export async function pdfWith(text: string, options: { userPassword?: string } = {}): Promise<Buffer> {
  const doc = new PDFDocument(options.userPassword ? { userPassword: options.userPassword } : {});
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise((resolve) => doc.on('end', resolve));
  const runs = fontRuns(text);
  runs.forEach((run, i) => doc.font(run.file).text(run.text, { continued: i < runs.length - 1 }));
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

/** A Word document of one paragraph per line. */
export async function docxWith(lines: string[]): Promise<Buffer> {
  const document = new Document({ sections: [{ children: lines.map((line) => new Paragraph(line)) }] });
  return Packer.toBuffer(document);
}

/** A workbook with one sheet of rows. */
export async function xlsxWith(sheetName: string, rows: (string | number)[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  rows.forEach((row) => sheet.addRow(row));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
