import { describe, expect, it } from 'vitest';
import { docxWith, pdfWith, xlsxWith } from '../../../test/search/attachment-fixtures.ts';
import { MAX_EXTRACTED_CHARACTERS } from './extract-text.ts';
import { createWorkerTextExtractor } from './worker-text-extractor.ts';

const PDF = 'application/pdf';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('attachment text extraction in a worker thread', () => {
  it.each([
    ['PDF', PDF, () => pdfWith('城乡居民医疗保障待遇调整方案'), '城乡居民医疗保障待遇调整方案'],
    ['DOCX', DOCX, () => docxWith(['第一段：社会保险', '第二段：缴费基数']), '第一段：社会保险\n第二段：缴费基数'],
    [
      'XLSX',
      XLSX,
      () =>
        xlsxWith('名册', [
          ['社区', '户数'],
          ['青石社区', 128],
        ]),
      '名册\n社区 户数\n青石社区 128',
    ],
  ])('reads the text of a %s file', async (_kind, mediaType, make, text) => {
    const extractor = createWorkerTextExtractor();
    try {
      expect(await extractor.extract({ bytes: await make(), mediaType })).toBe(text);
    } finally {
      await extractor.close();
    }
  });

  it.each([
    ['a corrupt PDF', PDF, () => Promise.resolve(Buffer.from('%PDF-1.4 not really'))],
    ['an encrypted PDF', PDF, () => pdfWith('机密', { userPassword: 'secret-1234' })],
    ['a corrupt DOCX', DOCX, () => Promise.resolve(Buffer.from('PK\u0003\u0004 broken'))],
    ['a corrupt XLSX', XLSX, () => Promise.resolve(Buffer.from('not a workbook'))],
  ])('refuses %s with an error, and the next file is read', async (_kind, mediaType, make) => {
    const extractor = createWorkerTextExtractor();
    try {
      await expect(extractor.extract({ bytes: await make(), mediaType })).rejects.toThrow();
      expect(await extractor.extract({ bytes: await docxWith(['仍可读取']), mediaType: DOCX })).toBe('仍可读取');
    } finally {
      await extractor.close();
    }
  });

  it('gives up on a file that takes longer than the limit', async () => {
    const extractor = createWorkerTextExtractor({ timeoutMs: 1 });
    try {
      await expect(extractor.extract({ bytes: await pdfWith('很慢'), mediaType: PDF })).rejects.toThrow(
        /took longer than 1 ms/,
      );
    } finally {
      await extractor.close();
    }
  });

  it(`keeps at most ${MAX_EXTRACTED_CHARACTERS} characters of a file`, async () => {
    const extractor = createWorkerTextExtractor();
    try {
      const long = '政务公开'.repeat(MAX_EXTRACTED_CHARACTERS / 4 + 500);
      const text = await extractor.extract({ bytes: await docxWith([long]), mediaType: DOCX });
      expect([...text]).toHaveLength(MAX_EXTRACTED_CHARACTERS);
    } finally {
      await extractor.close();
    }
  });
});
