import type { Letter } from '../../modules/requests/index.ts';
import { fontRuns } from './cjk-font.ts';

const MM = 72 / 25.4;

/**
 * The reply letter as an A4 PDF (GB/T 9704 margins, roughly), its Chinese text in Noto Sans SC
 * embedded as subsets, so any reader shows it and text extraction (LibreOffice, pdftotext) reads it.
 */
export async function renderLetterPdf(letter: Letter): Promise<Buffer> {
  // Loaded when first needed: letters are rare beside page views.
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 37 * MM, bottom: 35 * MM, left: 28 * MM, right: 26 * MM },
    info: { Title: letter.title, Author: letter.agencyName, Subject: letter.reference },
    lang: 'zh-CN',
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  /** One paragraph in as many font runs as its characters need. */
  const write = (text: string, options: PDFKit.Mixins.TextOptions & { size?: number } = {}) => {
    const { size = 14, ...rest } = options;
    doc.fontSize(size);
    const runs = fontRuns(text);
    runs.forEach((run, i) => {
      doc.font(run.file).text(run.text, { ...rest, continued: i < runs.length - 1, lineGap: 6 });
    });
  };

  /**
   * One line centred or set right, placed run by run: pdfkit aligns each continued run on its own,
   * so a line in several font files is measured whole and placed by hand.
   */
  const line = (text: string, align: 'center' | 'right', size: number) => {
    const runs = fontRuns(text);
    doc.fontSize(size);
    const widths = runs.map((run) => doc.font(run.file).widthOfString(run.text));
    const total = widths.reduce((a, b) => a + b, 0);
    const left = doc.page.margins.left;
    const room = doc.page.width - left - doc.page.margins.right;
    let x = align === 'center' ? left + (room - total) / 2 : left + room - total;
    const y = doc.y;
    runs.forEach((run, i) => {
      doc.font(run.file).text(run.text, x, y, { lineBreak: false });
      x += widths[i]!;
    });
    doc.x = left;
    doc.y = y + doc.currentLineHeight(true) + 6;
  };

  line(letter.agencyName, 'center', 20);
  line(letter.title, 'center', 20);
  doc.moveDown(0.5);
  line(letter.reference, 'center', 12);
  doc.moveDown();
  write(letter.addressee);
  const [history, heading, standard, ...rest] = letter.paragraphs;
  for (const paragraph of [history, heading, standard]) if (paragraph) write(`　　${paragraph}`);
  if (letter.withheld.length > 0) {
    write('　　不予公开的内容及理由：');
    letter.withheld.forEach((w, i) => write(`　　${i + 1}. ${w.part}：${w.reason}`));
  }
  for (const paragraph of rest) write(`　　${paragraph}`);
  doc.moveDown(2);
  line(letter.sealLine, 'right', 14);
  line(letter.dateLine, 'right', 14);
  doc.end();
  return done;
}
