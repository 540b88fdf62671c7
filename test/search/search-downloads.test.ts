import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportSearchResults } from '../../src/modules/search/queries/export-search-results.ts';
import { createTestApp, createTestServer, type TestApp } from '../app.ts';
import { DIALECTS } from '../databases.ts';
import { publishedDocument, seedFixture } from '../fixtures.ts';

/** No validity or topic filter is used by these searches. */
const NO_VOCABULARY = { validities: [], topics: [] };
const HEADER = ['标题', '文号', '索引号', '发布机构', '发布日期', '有效性', '体裁', '领域', '链接'];

/** A CSV body as records of fields (RFC 4180 quoting), for checking what a spreadsheet would read. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ',') {
      record.push(field);
      field = '';
    } else if (!quoted && c === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    } else {
      field += c;
    }
  }
  return records;
}

async function xlsxRows(bytes: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    const cells: string[] = [];
    for (let c = 1; c <= HEADER.length; c++) cells.push(row.getCell(c).text);
    rows.push(cells);
  });
  return rows;
}

/** The CSV/XLSX downloads of a search's result set, page routes and API, on each database. */
describe.each(DIALECTS)('result set downloads on $name', (dialect) => {
  let app: TestApp;
  let server: FastifyInstance;
  const ids: string[] = [];
  const batchIds: string[] = [];

  beforeAll(async () => {
    app = await createTestApp(dialect);
    const fixture = await seedFixture(app, [
      { role: 'editor', org: 'civ' },
      { role: 'reviewer', org: 'civ' },
      { role: 'editor', org: 'edu' },
      { role: 'reviewer', org: 'edu' },
    ]);
    const documents = [
      { org: 'civ', title: '=HYPERLINK("http://evil.example","低保标准调整说明")', docNumber: '测民发[2026]7号' },
      { org: 'civ', title: '关于低保对象认定的通知，含"引号"', docNumber: null },
      { org: 'edu', title: '+低保家庭子女入学资助办法', docNumber: '测教发[2026]9号' },
    ];
    for (const [i, d] of documents.entries()) {
      app.clock.set(`2026-03-0${i + 2}T02:00:00Z`);
      const edition = await publishedDocument(app, fixture, {
        org: d.org,
        editor: `${d.org}.editor`,
        reviewer: `${d.org}.reviewer`,
        content: { title: d.title, docNumber: d.docNumber, fieldCode: '20', genre: '通知', bodyHtml: '<p>低保</p>' },
      });
      ids.push(edition.documentId);
    }
    // Twelve more, newest first in date order, for the batch and bound cases.
    for (let i = 0; i < 12; i++) {
      app.clock.set(`2026-02-${String(20 - i).padStart(2, '0')}T02:00:00Z`);
      const edition = await publishedDocument(app, fixture, {
        org: 'edu',
        editor: 'edu.editor',
        reviewer: 'edu.reviewer',
        content: { title: `分批读取测试第${i + 1}号`, docNumber: null, writtenOn: '2026-01-05' },
      });
      batchIds.push(edition.documentId);
    }
    app.clock.set('2026-03-04T02:00:00Z');
    server = await createTestServer(app);
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    await app?.cleanup();
  });

  it('downloads the results as UTF-8 CSV with BOM, formula-safe, under a Chinese file name', async () => {
    const response = await server.inject({
      method: 'GET',
      url: `/search/results.csv?q=${encodeURIComponent('低保')}&sort=date`,
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="search-results-2026-03-04.csv"; filename*=UTF-8''${encodeURIComponent('检索结果_低保_2026-03-04.csv')}`,
    );
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const records = parseCsv(response.body.slice(1));
    expect(records[0]).toEqual(HEADER);
    expect(records.slice(1).map((r) => r[0])).toEqual([
      "'+低保家庭子女入学资助办法",
      '关于低保对象认定的通知，含"引号"',
      `'=HYPERLINK("http://evil.example","低保标准调整说明")`,
    ]);
    expect(records[1]).toEqual([
      "'+低保家庭子女入学资助办法",
      '测教发〔2026〕9号',
      expect.any(String),
      '测试区教育局',
      '2026-03-04',
      '有效',
      '通知',
      '社会救助',
      `${app.config.publicUrl}/xxgk/doc/${ids[2]}`,
    ]);
    expect(records).toHaveLength(4);
  });

  it('takes the page filters: a unit narrows the file as it narrows the page', async () => {
    const page = await server.inject({ method: 'GET', url: `/search?q=${encodeURIComponent('低保')}&org=civ` });
    expect(page.body).toContain(`href="/search/results.xlsx?q=${encodeURIComponent('低保')}&amp;org=civ"`);
    expect(page.body).toContain(`href="/search/results.csv?q=${encodeURIComponent('低保')}&amp;org=civ"`);
    const response = await server.inject({
      method: 'GET',
      url: `/search/results.csv?q=${encodeURIComponent('低保')}&org=civ`,
    });
    const records = parseCsv(response.body.slice(1));
    expect(records.slice(1).map((r) => r[3])).toEqual(['测试区民政局', '测试区民政局']);
  });

  it('downloads the same rows as an .xlsx workbook, cells as text', async () => {
    const response = await server.inject({
      method: 'GET',
      url: `/search/results.xlsx?q=${encodeURIComponent('低保')}&sort=date`,
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(response.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('检索结果_低保_2026-03-04.xlsx')}`,
    );
    const rows = await xlsxRows(response.rawPayload);
    expect(rows[0]).toEqual(HEADER);
    expect(rows.slice(1).map((r) => r[0])).toEqual([
      '+低保家庭子女入学资助办法',
      '关于低保对象认定的通知，含"引号"',
      '=HYPERLINK("http://evil.example","低保标准调整说明")',
    ]);
    expect(rows[1]![8]).toBe(`${app.config.publicUrl}/xxgk/doc/${ids[2]}`);
  });

  it('answers the API equivalent with the file, and its bad parameters with a Chinese error code', async () => {
    const csv = await server.inject({
      method: 'GET',
      url: `/api/v1/search/export?format=csv&q=${encodeURIComponent('低保')}&org=edu`,
    });
    expect(csv.statusCode).toBe(200);
    expect(parseCsv(csv.body.slice(1))).toHaveLength(2);
    const xlsx = await server.inject({
      method: 'GET',
      url: `/api/v1/search/export?format=xlsx&q=${encodeURIComponent('低保')}`,
    });
    expect((await xlsxRows(xlsx.rawPayload)).length).toBe(4);
    for (const query of [
      'format=pdf&q=%E4%BD%8E%E4%BF%9D',
      'q=%E4%BD%8E%E4%BF%9D',
      'format=csv&q=%E4%BD%8E',
      'format=csv&q=ab&org=nowhere',
    ]) {
      const response = await server.inject({ method: 'GET', url: `/api/v1/search/export?${query}` });
      expect(response.statusCode, query).toBe(400);
      expect(response.json<{ code: string; message: string }>().code).toBe('validation_failed');
    }
    const openApi = (await server.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json<{
      paths: Record<string, { get: { responses: Record<string, { content: Record<string, unknown> }> } }>;
    }>();
    expect(Object.keys(openApi.paths['/api/v1/search/export']!.get.responses['200']!.content)).toEqual([
      'text/csv; charset=utf-8',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ]);
  });

  it.each([
    ['/search/results.csv?q=%E4%BD%8E', '请至少输入两个字'],
    ['/search/results.xlsx?q=ab&from=2026-13-01', '日期格式'],
    ['/search/results.csv?q=ab&sort=oldest', '无效选项'],
    ['/search/results.csv', '请至少输入两个字'],
  ])('answers %s with a Chinese 400 page, never a file', async (url, message) => {
    const response = await server.inject({ method: 'GET', url });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('text/html');
    expect(response.headers['content-disposition']).toBeUndefined();
    expect(response.body).toContain(message);
  });

  it('is never stored in the shared page cache', async () => {
    const before = server.pageCache.stats().stored;
    await server.inject({ method: 'GET', url: `/search/results.csv?q=${encodeURIComponent('低保')}` });
    await server.inject({ method: 'GET', url: `/search/results.xlsx?q=${encodeURIComponent('低保')}` });
    expect(server.pageCache.stats().stored).toBe(before);
  });

  it.each([
    { maxRows: 5, batchRows: 2, rows: 5, truncated: true },
    { maxRows: 12, batchRows: 5, rows: 12, truncated: false },
    { maxRows: 13, batchRows: 4, rows: 12, truncated: false },
    { maxRows: 11, batchRows: 50, rows: 11, truncated: true },
  ])(
    'reads 12 hits in batches of $batchRows, keeps at most $maxRows and says when it cut',
    async ({ maxRows, batchRows, rows, truncated }) => {
      const index = app.stores.searchIndex;
      const asked: number[] = [];
      const counted = {
        ...index,
        search: async (criteria: Parameters<typeof index.search>[0]) => {
          asked.push(criteria.limit);
          return index.search(criteria);
        },
      };
      const result = await exportSearchResults(
        { index: counted, orgs: app.stores.orgs, synonyms: app.stores.synonyms, vocabulary: NO_VOCABULARY },
        { q: '分批读取', sort: 'date' },
        { publicUrl: '', maxRows, batchRows },
      );
      const seen: string[] = [];
      for await (const batch of result.batches) {
        expect(batch.length).toBeLessThanOrEqual(batchRows);
        seen.push(...batch.map((row) => row[8]!));
      }
      expect(seen).toEqual(batchIds.slice(0, rows).map((id) => `/xxgk/doc/${id}`));
      expect(asked.every((limit) => limit <= batchRows)).toBe(true);
      const ending = result.ending();
      expect(ending).toMatchObject({ rows, truncated });
      if (truncated) expect(ending.note).toContain(`共找到 12 条公开信息，本文件只含按当前排序的前 ${maxRows} 条`);
      else expect(ending.note).toBeUndefined();
    },
  );
});
