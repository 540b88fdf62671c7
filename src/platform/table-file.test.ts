import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { csvField, csvRecord, neutraliseFormula, openCsvTable } from './table-file.ts';
import { attachmentDisposition, safeFileName } from './http/download.ts';

describe('CSV fields', () => {
  it.each([
    ['关于低保标准的通知', '关于低保标准的通知'],
    ['=1+1', "'=1+1"],
    ['+86 10 1234', "'+86 10 1234"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=cmd', "'\t=cmd"],
    ['a=b', 'a=b'],
    ['2026-03-02', '2026-03-02'],
    ['', ''],
  ])('neutralises %j as %j', (value, expected) => {
    expect(neutraliseFormula(value)).toBe(expected);
  });

  it.each([
    ['甲,乙', '"甲,乙"'],
    ['说"明"', '"说""明"""'],
    ['两\r\n行', '"两\r\n行"'],
    [' 前空格', '" 前空格"'],
    ['=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
    ['普通', '普通'],
  ])('quotes %j as %j', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it('ends records with CRLF and writes the BOM once, before the first record', async () => {
    expect(csvRecord(['a', 'b'])).toBe('a,b\r\n');
    const output = new PassThrough();
    const chunks: Buffer[] = [];
    output.on('data', (chunk: Buffer) => chunks.push(chunk));
    const table = openCsvTable(output);
    await table.row(['标题', '文号']);
    await table.row(['甲', '']);
    await table.end();
    expect(Buffer.concat(chunks).toString('utf8')).toBe('\uFEFF标题,文号\r\n甲,\r\n');
  });
});

describe('download file names', () => {
  it.each([
    [
      '检索结果_低保_2026-03-02.csv',
      'a.csv',
      `attachment; filename="a.csv"; filename*=UTF-8''${encodeURIComponent('检索结果_低保_2026-03-02.csv')}`,
    ],
    ["it's (1)*.zip", 'it s.zip', `attachment; filename="it_s.zip"; filename*=UTF-8''it%27s%20%281%29%2A.zip`],
  ])('names %j for every client', (name, fallback, expected) => {
    expect(attachmentDisposition(name, fallback)).toBe(expected);
  });

  it.each([
    ['低保/标准:2026?', '低保_标准_2026_'],
    ['  a \n b ', 'a b'],
    ['..\\..\\etc', '__.._etc'],
    ['', '_'],
    ['长'.repeat(50), '长'.repeat(40)],
  ])('makes %j a safe file name', (text, expected) => {
    expect(safeFileName(text)).toBe(expected);
  });
});
