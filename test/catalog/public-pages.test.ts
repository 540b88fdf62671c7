import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readWorkbook } from '../../src/adapters/xlsx/workbook.ts';
import { approveCatalog } from '../../src/modules/catalog/commands/approve-catalog.ts';
import { importCatalogTemplate } from '../../src/modules/catalog/commands/import-catalog-template.ts';
import { addNegativeItem } from '../../src/modules/catalog/commands/manage-negative-list.ts';
import { removeCatalogEntry } from '../../src/modules/catalog/commands/remove-catalog-entry.ts';
import { saveCatalogEntry } from '../../src/modules/catalog/commands/save-catalog-entry.ts';
import { startCatalogVersion } from '../../src/modules/catalog/commands/start-catalog-version.ts';
import { submitCatalog } from '../../src/modules/catalog/commands/submit-catalog.ts';
import type { CatalogEntry } from '../../src/modules/catalog/domain/entry.ts';
import { sheetsToEntries } from '../../src/modules/catalog/domain/sheet.ts';
import { sameContent } from '../../src/modules/catalog/domain/version.ts';
import { createDraft } from '../../src/modules/documents/commands/create-draft.ts';
import { publishEdition } from '../../src/modules/documents/commands/publish-edition.ts';
import { submitEdition } from '../../src/modules/documents/commands/submit-edition.ts';
import { PILOT_FIELDS } from '../../src/reference/pilot-fields.ts';
import { createTestApp, createTestServer, type TestApp } from '../app.ts';
import { DIALECTS } from '../databases.ts';
import { sampleContent, seedFixture, type Fixture } from '../fixtures.ts';

const TOWN = '测试区甲镇人民政府';
const FILED_TITLE = '甲镇2026年3月城乡低保对象名单公示';

/** The cells of the table rows in `html` that contain `marker`, as text with tags removed. */
function rowCells(html: string, marker: string): string[][] {
  return [...html.matchAll(/<tr>([\s\S]*?)<\/tr>/g)]
    .map((m) => m[1]!)
    .filter((row) => row.includes(marker))
    .map((row) => [...row.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => c[1]!.replace(/<[^>]+>/g, '')));
}

/** The part of a page from the element with this id to the end of its section. */
function sectionOf(html: string, id: string): string {
  const start = html.indexOf(`id="${id}"`);
  expect(start, `section #${id}`).toBeGreaterThan(-1);
  return html.slice(start, html.indexOf('</section>', start));
}

/** The standard catalogs in the 政府信息公开 column, as the public reads them with JavaScript off. */
describe.each(DIALECTS)('public standard catalog pages on $name', (dialect) => {
  let app: TestApp;
  let server: FastifyInstance;
  let fixture: Fixture;
  let townId: string;
  let firstVersion: CatalogEntry[];
  let filedDocumentId: string;
  const deps = () => ({ uow: app.uow, clock: app.clock, sanitiser: app.sanitiser });
  const get = (url: string) => server.inject({ method: 'GET', url });

  /** Drafts, submits and has the district office approve the town's catalog version. */
  const publishVersion = async (versionId: string) => {
    await submitCatalog({ ...deps(), actor: fixture.staff('town.editor'), versionId });
    await approveCatalog({ ...deps(), actor: fixture.staff('dist.district_admin'), versionId });
  };

  beforeAll(async () => {
    app = await createTestApp(dialect, { now: '2026-03-02T02:00:00Z' });
    fixture = await seedFixture(app, [
      { role: 'editor', org: 'town' },
      { role: 'reviewer', org: 'town' },
      { role: 'district_admin', org: 'dist' },
    ]);
    townId = fixture.orgs.get('town')!.id;
    const editor = fixture.staff('town.editor');
    const version = await startCatalogVersion({ ...deps(), actor: editor, orgId: townId });
    await importCatalogTemplate({ ...deps(), actor: editor, versionId: version.id, fieldCode: '20' });
    await publishVersion(version.id);
    firstVersion = await app.stores.catalogs.entriesOf(version.id);

    // One published document filed under the second entry, and a draft that must not count.
    app.clock.set('2026-03-10T02:00:00Z');
    const filed = { catalogEntryKey: firstVersion[1]!.key, formedOn: '2026-03-09', fieldCode: '20', docNumber: null };
    const { edition } = await createDraft({
      ...deps(),
      actor: editor,
      orgId: townId,
      input: sampleContent({ ...filed, title: FILED_TITLE }),
    });
    await submitEdition({ ...deps(), actor: editor, editionId: edition.id });
    await publishEdition({ ...deps(), actor: fixture.staff('town.reviewer'), editionId: edition.id });
    filedDocumentId = edition.documentId;
    await createDraft({
      ...deps(),
      actor: editor,
      orgId: townId,
      input: sampleContent({ ...filed, title: '尚未发布的低保名单草稿' }),
    });
    server = await createTestServer(app);
  });
  afterAll(async () => {
    await server?.close();
    await app.cleanup();
  });

  it('lists 标准目录 among the sub-columns of 政府信息公开', async () => {
    const column = await get('/xxgk/');
    expect(column.body).toContain('<a class="card" href="/xxgk/bzml">标准目录</a>');
  });

  it('marks on the overview which unit has published a catalog for which field', async () => {
    const page = await get('/xxgk/bzml');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<a href="/xxgk/bzml" aria-current="page">标准目录</a>');

    const [town] = rowCells(page.body, 'href="/xxgk/bzml/town"');
    // 单位, 版本, 发布日期, then the 26 fields in order: only 20 社会救助 is published.
    expect(town!.slice(0, 3)).toEqual([TOWN, '第1版', '2026-03-02']);
    const marks = town!.slice(3);
    expect(marks).toHaveLength(PILOT_FIELDS.length);
    expect(marks.map((cell, i) => (cell.includes('已发布') ? PILOT_FIELDS[i]!.code : null)).filter(Boolean)).toEqual([
      '20',
    ]);

    // Departments and towns are listed whether or not they have published; other units only when they have.
    expect(rowCells(page.body, '测试区教育局')[0]!.slice(0, 3)).toEqual(['测试区教育局', '尚未发布', '']);
    expect(page.body).not.toContain('甲镇乙村村民委员会');
    expect(page.body).not.toContain('测试区第一小学');
    // The phone list names the fields the unit covers.
    expect(page.body).toMatch(/<a href="\/xxgk\/bzml\/town">测试区甲镇人民政府<\/a>[\s\S]*?社会救助<\/span>/);
  });

  it('shows a unit’s catalog in the published layout, each entry with its documents and a link to it', async () => {
    const page = await get('/xxgk/bzml/town');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`<h1>${TOWN}基层政务公开标准目录</h1>`);
    expect(page.body).toContain('第1版');
    expect(page.body).toContain('<a class="button" href="/xxgk/bzml/town.xlsx"');
    expect(page.body).toContain('下载目录（Excel）');
    expect(page.body).toContain('<h2 id="field-20">社会救助');

    for (const entry of firstVersion) {
      expect(page.body).toContain(`href="/xxgk/bzml/town/${entry.key}"`);
    }
    const rows = rowCells(page.body, 'href="/xxgk/bzml/town/');
    expect(rows).toHaveLength(12);
    expect(rows.map((cells) => cells[0])).toEqual(Array.from({ length: 12 }, (_, i) => String(i + 1)));
    // The first row holds every column; later rows of the same 一级事项 sit under its merged cell.
    const first = firstVersion[0]!;
    expect(rows[0]!.slice(1, 11)).toEqual([
      first.itemL1,
      first.itemL2,
      first.contentElements.join(''),
      '【行政法规】《中华人民共和国政府信息公开条例》',
      '信息形成或者变更之日起10个工作日内',
      first.publisher,
      '政府网站、公开查阅点、政务服务中心',
      '全社会',
      '主动',
      '县级、乡级',
    ]);
    expect(page.body).toContain(first.contentElements.join('<br/>'));
    // The published document counts under its entry; the draft does not.
    expect(rows.map((cells) => cells.at(-1)!.replace(/，.*/, ''))).toEqual(
      firstVersion.map((_, i) => (i === 1 ? '1条' : '0条')),
    );
    expect(page.body).not.toContain('与上一版本相比的变化');
    expect(page.body).not.toContain('不予公开事项清单');
  });

  it('shows an entry’s elements and the documents filed under it, page by page', async () => {
    const entry = firstVersion[1]!;
    const page = await get(`/xxgk/bzml/town/${entry.key}`);
    expect(page.statusCode).toBe(200);
    for (const label of ['所属领域', '一级事项', '二级事项', '公开内容(要素)', '公开依据', '公开时限', '公开主体']) {
      expect(page.body).toContain(`<th scope="row">${label}</th>`);
    }
    for (const label of ['公开渠道和载体', '公开对象', '公开方式', '公开层级']) {
      expect(page.body).toContain(`<th scope="row">${label}</th>`);
    }
    expect(page.body).toContain('<td>社会救助</td>');
    expect(page.body).toContain(`<a href="/xxgk/doc/${filedDocumentId}">${FILED_TITLE}</a>`);
    expect(page.body).toContain('本事项下已公开的政府信息（1条）');
    expect(page.body).not.toContain('尚未发布的低保名单草稿');

    const second = await get(`/xxgk/bzml/town/${entry.key}?page=2`);
    expect(second.statusCode).toBe(200);
    expect(second.body).not.toContain(FILED_TITLE);
    const empty = await get(`/xxgk/bzml/town/${firstVersion[0]!.key}`);
    expect(empty.body).toContain('本事项下已公开的政府信息（0条）');
    expect(empty.body).toContain('暂无信息。');
  });

  it('downloads the catalog as an XLSX file that reads back to the same entries', async () => {
    const download = await get('/xxgk/bzml/town.xlsx');
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(download.headers['content-disposition']).toContain('attachment;');
    expect(download.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent(`${TOWN}标准目录.xlsx`)}`,
    );
    const sheets = await readWorkbook(download.rawPayload);
    expect(sheets!.map((s) => s.name)).toEqual(['20 社会救助']);
    const { entries, issues } = sheetsToEntries(sheets!, []);
    expect(issues).toEqual([]);
    expect(entries).toHaveLength(firstVersion.length);
    entries.forEach((entry, i) => expect(sameContent(entry, firstVersion[i]!)).toBe(true));
  });

  it('reads a unit’s catalog through the open API: every entry with its elements and filed documents', async () => {
    const response = await server.inject({
      method: 'GET',
      url: '/api/v1/catalogs/town',
      headers: { origin: 'https://other.example.cn' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['access-control-allow-origin']).toBe('*');
    const catalog = response.json<{
      org: { code: string; name: string };
      version: number;
      current: boolean;
      entries: { key: string; fieldName: string; itemL2: string; timeLimit: string; documentCount: number }[];
      url: string;
    }>();
    expect(catalog).toMatchObject({ org: { code: 'town', name: TOWN }, version: 1, current: true });
    expect(catalog.url).toMatch(/\/xxgk\/bzml\/town$/);
    expect(catalog.entries.map((e) => e.key)).toEqual(firstVersion.map((e) => e.key));
    expect(catalog.entries.map((e) => e.itemL2)).toEqual(firstVersion.map((e) => e.itemL2));
    expect(catalog.entries.every((e) => e.fieldName === '社会救助' && e.timeLimit !== '')).toBe(true);
    // The published document counts; the draft does not.
    expect(catalog.entries.map((e) => e.documentCount)).toEqual(firstVersion.map((_, i) => (i === 1 ? 1 : 0)));

    const missing = await get('/api/v1/catalogs/edu');
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ code: 'not_found' });
    expect((await get('/api/v1/catalogs/town?version=abc')).statusCode).toBe(400);
  });

  it('shows a new version’s changes against the one before, keeps the old version readable and drafts out of sight', async () => {
    const editor = fixture.staff('town.editor');
    const next = await startCatalogVersion({ ...deps(), actor: editor, orgId: townId });
    const [toChange, toRemove] = await app.stores.catalogs.entriesOf(next.id);
    await saveCatalogEntry({
      ...deps(),
      actor: editor,
      versionId: next.id,
      entryId: toChange!.id,
      content: { ...toChange!, mode: { proactive: true, onRequest: true } },
    });
    await removeCatalogEntry({ ...deps(), actor: editor, entryId: toRemove!.id });
    await saveCatalogEntry({
      ...deps(),
      actor: editor,
      versionId: next.id,
      content: { ...toChange!, itemL1: '临时救助', itemL2: '救助资金发放', contentElements: ['救助对象', '救助金额'] },
    });
    await addNegativeItem({
      ...deps(),
      actor: editor,
      versionId: next.id,
      item: '低保对象的家庭财产明细',
      legalBasis: [
        { kind: '行政法规', title: '《中华人民共和国政府信息公开条例》', docNumber: null, article: '第十五条' },
      ],
      note: '涉及个人隐私',
    });

    // Until the district office approves it, the public sees the first version only.
    const whileDrafting = await get('/xxgk/bzml/town');
    expect(whileDrafting.body).not.toContain('救助资金发放');
    expect(whileDrafting.body).not.toContain('低保对象的家庭财产明细');

    app.clock.set('2026-04-01T02:00:00Z');
    await publishVersion(next.id);

    const page = await get('/xxgk/bzml/town');
    expect(page.body).toContain('第2版');
    const changes = sectionOf(page.body, 'changes');
    expect(changes).toContain('与上一版本相比的变化');
    expect(changes).toContain('与第1版相比：新增1项，删除1项，调整1项，未变10项。');
    expect(changes).toContain('临时救助：救助资金发放');
    expect(changes).toContain(`社会救助：${toRemove!.itemL1}：${toRemove!.itemL2}`);
    expect(rowCells(changes, '<th scope="row">公开方式</th>')).toEqual([['公开方式', '主动', '主动、依申请']]);
    const negative = sectionOf(page.body, 'negative-list');
    expect(negative).toContain('低保对象的家庭财产明细');
    expect(negative).toContain('【行政法规】《中华人民共和国政府信息公开条例》第十五条');
    expect(sectionOf(page.body, 'history')).toContain('<a href="/xxgk/bzml/town?version=1">第1版</a>');

    const overview = await get('/xxgk/bzml');
    expect(rowCells(overview.body, 'href="/xxgk/bzml/town"')[0]!.slice(0, 3)).toEqual([TOWN, '第2版', '2026-04-01']);

    // The superseded version stays readable, says so, and downloads as itself.
    const old = await get('/xxgk/bzml/town?version=1');
    expect(old.statusCode).toBe(200);
    expect(old.body).toContain('您正在查看已被取代的第1版目录，仅供查阅。');
    expect(rowCells(old.body, 'href="/xxgk/bzml/town/')).toHaveLength(12);
    expect(old.body).toContain(`href="/xxgk/bzml/town/${toRemove!.key}?version=1"`);
    expect(old.body).not.toContain('与上一版本相比的变化');
    expect(old.body).toContain('href="/xxgk/bzml/town.xlsx?version=1"');
    const removedEntry = await get(`/xxgk/bzml/town/${toRemove!.key}?version=1`);
    expect(removedEntry.statusCode).toBe(200);
    const oldDownload = await get('/xxgk/bzml/town.xlsx?version=1');
    expect(oldDownload.headers['content-disposition']).toContain(encodeURIComponent(`${TOWN}标准目录（第1版）.xlsx`));
    const oldSheets = sheetsToEntries((await readWorkbook(oldDownload.rawPayload))!, []);
    expect(oldSheets.entries).toHaveLength(12);
  });

  it.each([
    { url: '/xxgk/bzml/nosuch', message: '您访问的内容不存在或尚未公开。' },
    { url: '/xxgk/bzml/edu', message: '该单位尚未发布标准目录。' },
    { url: '/xxgk/bzml/edu.xlsx', message: '该单位尚未发布标准目录。' },
    { url: '/xxgk/bzml/town?version=9', message: '该单位尚未发布标准目录。' },
    { url: '/xxgk/bzml/town/0000000000000000', message: '该单位的标准目录中没有这一事项。' },
    { url: '/xxgk/bzml/x', message: '您访问的内容不存在或尚未公开。' },
    { url: '/xxgk/bzml/town?version=abc', message: '您访问的内容不存在或尚未公开。' },
    { url: '/xxgk/bzml/town/NOT-A-KEY', message: '您访问的内容不存在或尚未公开。' },
    { url: '/xxgk/bzml/town/0000000000000000?page=0', message: '您访问的内容不存在或尚未公开。' },
  ])('answers $url with the 404 page in Chinese', async ({ url, message }) => {
    const page = await get(url);
    expect(page.statusCode).toBe(404);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('<h1>页面不存在</h1>');
    expect(page.body).toContain(`<p role="alert">${message}</p>`);
  });
});
