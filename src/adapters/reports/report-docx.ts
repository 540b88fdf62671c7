import { ANNUAL_REPORT_SECTIONS } from '../../reference/annual-report.ts';
import { reportGrids, type AssembledReport } from '../../modules/reports/index.ts';

/** Reports are set in 仿宋 where Chinese Windows and WPS have it; the reader's CJK font elsewhere. */
const FONT = { eastAsia: '仿宋', ascii: 'Times New Roman', hAnsi: 'Times New Roman' };
const HEADING_FONT = { eastAsia: '黑体', ascii: 'Times New Roman', hAnsi: 'Times New Roman' };

/** The annual report as a Word document: the six sections under the format's titles, tables as tables. */
export async function renderReportDocx(report: AssembledReport): Promise<Buffer> {
  // Loaded when first needed: reports are rare beside page views.
  const { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } =
    await import('docx');
  const paragraph = (text: string, options: { bold?: boolean; center?: boolean; size?: number } = {}) =>
    new Paragraph({
      alignment: options.center ? AlignmentType.CENTER : AlignmentType.JUSTIFIED,
      indent: options.center ? undefined : { firstLine: 640 },
      spacing: { line: 560, lineRule: 'exact' },
      children: [new TextRun({ text, font: FONT, bold: options.bold, size: (options.size ?? 16) * 2 })],
    });
  const heading = (text: string) =>
    new Paragraph({
      heading: HeadingLevel.HEADING_2,
      spacing: { before: 240, after: 120 },
      children: [new TextRun({ text, font: HEADING_FONT, size: 32 })],
    });
  const text = (body: string) =>
    body
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '')
      .map((line) => paragraph(line));
  const cell = (value: string, bold = false) =>
    new TableCell({
      children: [new Paragraph({ children: [new TextRun({ text: value, font: FONT, bold, size: 21 })] })],
    });
  const [table2, table3, table4] = reportGrids(report).map(
    (grid) =>
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        rows: [
          ...grid.header.map((row) => new TableRow({ tableHeader: true, children: row.map((v) => cell(v, true)) })),
          ...grid.rows.map((row) => {
            const width = Math.max(...grid.rows.map((r) => r.length), ...grid.header.map((r) => r.length));
            // A block's one-cell heading row spans the table.
            return new TableRow({
              children:
                row.length === 1
                  ? [
                      new TableCell({
                        columnSpan: width,
                        children: [
                          new Paragraph({
                            children: [new TextRun({ text: row[0]!, font: FONT, bold: true, size: 21 })],
                          }),
                        ],
                      }),
                    ]
                  : row.map((v) => cell(v)),
            });
          }),
        ],
      }),
  );
  const [one, two, three, four, five, six] = ANNUAL_REPORT_SECTIONS;
  const document = new Document({
    creator: report.unitName,
    title: report.title,
    sections: [
      {
        properties: { page: { margin: { top: 2098, bottom: 1984, left: 1588, right: 1474 } } },
        children: [
          paragraph(report.title, { bold: true, center: true, size: 22 }),
          paragraph(
            `本报告根据《中华人民共和国政府信息公开条例》第五十条和国办公开办函〔2021〕30号规定的格式编制，所列数据统计期限为${report.year}年1月1日至12月31日。`,
          ),
          heading(one!),
          ...text(report.sections.overview),
          heading(two!),
          table2!,
          heading(three!),
          table3!,
          heading(four!),
          table4!,
          heading(five!),
          ...text(report.sections.problems),
          heading(six!),
          ...text(report.sections.other),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
