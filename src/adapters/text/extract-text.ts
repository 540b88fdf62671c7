// The readers load when first needed (they are tens of megabytes, and only the text job uses them).

/** Characters kept of one file's text: enough to find it by any passage of a long annex. */
export const MAX_EXTRACTED_CHARACTERS = 100_000;
/** Pages of a PDF read, and cells of a workbook. */
const MAX_PDF_PAGES = 300;
const MAX_CELLS = 200_000;

const PDF = 'application/pdf';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The media types whose text is extracted; other attachments (images) have none. */
export const EXTRACTABLE_TYPES: readonly string[] = [PDF, DOCX, XLSX];

/**
 * The plain text of a PDF (unpdf, pdf.js), DOCX (mammoth) or XLSX (exceljs), cut to
 * MAX_EXTRACTED_CHARACTERS. Runs in the text worker, never on the request thread.
 * @throws Error for a file that cannot be read (corrupt, encrypted, not what it says it is).
 */
export async function extractFileText(bytes: Uint8Array, mediaType: string): Promise<string> {
  const text =
    mediaType === PDF
      ? await pdfText(bytes)
      : mediaType === DOCX
        ? await docxText(bytes)
        : mediaType === XLSX
          ? await xlsxText(bytes)
          : '';
  return cut(
    text
      .replace(/[ \t\u3000]+/g, ' ')
      .replace(/\s*\n\s*/g, '\n')
      .trim(),
  );
}

function cut(text: string): string {
  const chars = [...text];
  return chars.length <= MAX_EXTRACTED_CHARACTERS ? text : chars.slice(0, MAX_EXTRACTED_CHARACTERS).join('');
}

async function pdfText(bytes: Uint8Array): Promise<string> {
  // verbosity 0: pdf.js would otherwise print font warnings of every odd file to the console.
  const { extractText, getDocumentProxy } = await import('unpdf');
  const pdf = await getDocumentProxy(bytes, { verbosity: 0, isEvalSupported: false });
  try {
    if (pdf.numPages > MAX_PDF_PAGES) {
      const pages: string[] = [];
      for (let number = 1; number <= MAX_PDF_PAGES; number++) {
        const content = await (await pdf.getPage(number)).getTextContent();
        pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(''));
      }
      return pages.join('\n');
    }
    const { text } = await extractText(pdf, { mergePages: true });
    return text;
  } finally {
    await pdf.destroy();
  }
}

async function docxText(bytes: Uint8Array): Promise<string> {
  const { default: mammoth } = await import('mammoth');
  const result = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
  return result.value;
}

async function xlsxText(bytes: Uint8Array): Promise<string> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const lines: string[] = [];
  let cells = 0;
  for (const sheet of workbook.worksheets) {
    lines.push(sheet.name);
    sheet.eachRow((row) => {
      if (cells > MAX_CELLS) return;
      const values: string[] = [];
      row.eachCell((cell) => {
        cells++;
        const text = cell.text;
        if (text) values.push(text);
      });
      if (values.length > 0) lines.push(values.join(' '));
    });
  }
  return lines.join('\n');
}
