import type { Letter } from '../../modules/requests/index.ts';

/** Official letters are set in 仿宋 on Chinese Windows and WPS; Noto Sans CJK where those are absent. */
const FONT = { eastAsia: '仿宋', ascii: 'Times New Roman', hAnsi: 'Times New Roman' };

/** The reply letter as a Word document the agency can print, seal and file. */
export async function renderLetterDocx(letter: Letter): Promise<Buffer> {
  // Loaded when first needed: letters are rare beside page views.
  const { AlignmentType, Document, Packer, Paragraph, TextRun } = await import('docx');
  const line = (
    text: string,
    options: { size?: number; align?: (typeof AlignmentType)[keyof typeof AlignmentType]; indent?: boolean } = {},
  ) =>
    new Paragraph({
      alignment: options.align ?? AlignmentType.JUSTIFIED,
      indent: options.indent === false ? undefined : { firstLine: 640 },
      spacing: { line: 560, lineRule: 'exact' },
      children: [new TextRun({ text, font: FONT, size: (options.size ?? 16) * 2 })],
    });
  const [history, heading, standard, ...rest] = letter.paragraphs;
  const document = new Document({
    creator: letter.agencyName,
    title: letter.title,
    description: letter.reference,
    sections: [
      {
        properties: { page: { margin: { top: 2098, bottom: 1984, left: 1588, right: 1474 } } },
        children: [
          line(letter.agencyName, { size: 22, align: AlignmentType.CENTER, indent: false }),
          line(letter.title, { size: 22, align: AlignmentType.CENTER, indent: false }),
          line(letter.reference, { size: 14, align: AlignmentType.CENTER, indent: false }),
          line(letter.addressee, { indent: false }),
          ...[history, heading, standard].filter((p): p is string => Boolean(p)).map((p) => line(p)),
          ...(letter.withheld.length > 0
            ? [
                line('不予公开的内容及理由：'),
                ...letter.withheld.map((w, i) => line(`${i + 1}. ${w.part}：${w.reason}`)),
              ]
            : []),
          ...rest.map((p) => line(p)),
          line(letter.sealLine, { align: AlignmentType.RIGHT, indent: false }),
          line(letter.dateLine, { align: AlignmentType.RIGHT, indent: false }),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
