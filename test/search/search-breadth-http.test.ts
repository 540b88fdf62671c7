import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestServer, markAsDemo, type TestApp } from '../app.ts';
import { DIALECTS } from '../databases.ts';
import { addAttachment } from '../../src/modules/documents/commands/add-attachment.ts';
import { createDraft } from '../../src/modules/documents/commands/create-draft.ts';
import { publishEdition } from '../../src/modules/documents/commands/publish-edition.ts';
import { submitEdition } from '../../src/modules/documents/commands/submit-edition.ts';
import { publishedDocument, sampleContent, seedFixture, type Fixture } from '../fixtures.ts';
import { docxWith } from './attachment-fixtures.ts';
import { csrfFieldOf, keepCookies, signedIn, type CookieJar } from '../http/http-kit.ts';

type ApiHit = { id: string; kind: string; url: string; matchedAttachment: string | null; validity: string };
type ApiFacets = {
  units: { org: string; name: string; count: number }[];
  fields: { field: string | null; name: string | null; count: number }[];
} | null;

/** The search page's and API's filters and facets, and the synonyms page, over HTTP on each database. */
describe.each(DIALECTS)('search breadth over HTTP on $name', (dialect) => {
  let app: TestApp;
  let server: FastifyInstance;
  const ids = new Map<string, string>();
  let fixture: Fixture;

  beforeAll(async () => {
    app = await createTestApp(dialect);
    await markAsDemo(app);
    fixture = await seedFixture(app, [
      { role: 'editor', org: 'civ' },
      { role: 'reviewer', org: 'civ' },
      { role: 'editor', org: 'edu' },
      { role: 'reviewer', org: 'edu' },
      { role: 'district_admin', org: 'dist' },
    ]);
    const docs = [
      ['civ-valid', 'civ', { title: '城乡医疗保障待遇调整通知', fieldCode: '20', topic: '劳动、人事、监察' }],
      ['edu-expired', 'edu', { title: '学生医疗保障旧办法', validity: '失效', validityOn: '2025-12-31' }],
      ['edu-valid', 'edu', { title: '学生医疗保障新办法' }],
    ] as const;
    for (const [key, org, content] of docs) {
      const edition = await publishedDocument(app, fixture, {
        org,
        editor: `${org}.editor`,
        reviewer: `${org}.reviewer`,
        content: { docNumber: null, bodyHtml: '<p>正文。</p>', ...content },
      });
      ids.set(key, edition.documentId);
    }
    server = await createTestServer(app);
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    await app?.cleanup();
  });

  const api = async (query: string) => {
    const response = await server.inject({ method: 'GET', url: `/api/v1/search?${query}` });
    return {
      status: response.statusCode,
      body: response.json<{ items: ApiHit[]; total: number; facets: ApiFacets }>(),
    };
  };

  it.each([
    ['validity=失效', ['edu-expired']],
    ['validity=有效', ['civ-valid', 'edu-valid']],
    [`topic=${encodeURIComponent('劳动、人事、监察')}`, ['civ-valid']],
    ['kind=catalog', []],
    ['kind=document&org=edu', ['edu-expired', 'edu-valid']],
  ])('GET /api/v1/search with %s', async (filter, expected) => {
    const { status, body } = await api(`q=${encodeURIComponent('医疗保障')}&${filter}`);
    expect(status).toBe(200);
    expect(body.items.map((hit) => hit.id).sort()).toEqual(expected.map((key) => ids.get(key)).sort());
    for (const hit of body.items) {
      expect(hit.kind).toBe('document');
      expect(hit.url).toMatch(/\/xxgk\/doc\/[^/]+$/);
      expect(hit.matchedAttachment).toBeNull();
    }
  });

  it('answers facets per unit (by code) and field in the API', async () => {
    const { body } = await api(`q=${encodeURIComponent('医疗保障')}`);
    expect(body.facets).toEqual({
      units: [
        { org: 'edu', name: '测试区教育局', count: 2 },
        { org: 'civ', name: '测试区民政局', count: 1 },
      ],
      fields: [
        { field: '24', name: '义务教育', count: 2 },
        { field: '20', name: '社会救助', count: 1 },
      ],
    });
  });

  it.each([
    ['validity=过期', 'validation_failed'],
    ['topic=不存在', 'validation_failed'],
    ['kind=everything', 'validation_failed'],
  ])('refuses %s with a stable code and a Chinese message', async (filter, code) => {
    const { status, body } = await api(`q=${encodeURIComponent('医疗保障')}&${filter}`);
    expect(status).toBe(400);
    expect(body).toMatchObject({ code, message: expect.stringMatching(/[\u4e00-\u9fff]/) as unknown });
  });

  it('lists the new parameters in the OpenAPI document', async () => {
    const doc = (await server.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json<{
      paths: Record<string, { get?: { parameters?: { name: string }[] } }>;
    }>();
    const names = doc.paths['/api/v1/search']!.get!.parameters!.map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining(['validity', 'topic', 'kind']));
  });

  it('shows the filters as select boxes and the facets as links that narrow the search, without JavaScript', async () => {
    const page = await server.inject({
      method: 'GET',
      url: `/search?q=${encodeURIComponent('医疗保障')}&validity=有效`,
    });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<select id="search-validity" name="validity">');
    expect(page.body).toContain('<option value="有效" selected="">有效</option>');
    expect(page.body).toContain('<select id="search-topic" name="topic">');
    expect(page.body).toContain('<select id="search-kind" name="kind">');
    expect(page.body).toContain('<nav class="search-facets" aria-label="按发布单位和领域缩小检索范围">');
    const unitLink = `/search?q=${encodeURIComponent('医疗保障')}&amp;org=edu&amp;validity=${encodeURIComponent('有效')}`;
    expect(page.body).toContain(`href="${unitLink}"`);
    expect(page.body).toContain('（1条）');
    const narrowed = await server.inject({ method: 'GET', url: unitLink.replace(/&amp;/g, '&') });
    expect(narrowed.body).toContain('共找到 1 条公开信息');
    const refused = await server.inject({ method: 'GET', url: `/search?q=${encodeURIComponent('医疗保障')}&topic=x` });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('没有这个主题分类');
  });

  it('shows a document found by its attachment once the text is read, through the cached search page', async () => {
    const civ = { uow: app.uow, clock: app.clock, sanitiser: app.sanitiser };
    const { edition } = await createDraft({
      ...civ,
      actor: fixture.staff('civ.editor'),
      orgId: fixture.orgs.get('civ')!.id,
      input: sampleContent({ title: '关于临时救助的通知', docNumber: null, bodyHtml: '<p>见附件。</p>' }),
    });
    await addAttachment({
      ...civ,
      actor: fixture.staff('civ.editor'),
      files: app.files,
      sniff: app.sniff,
      maxBytes: 1024 * 1024,
      editionId: edition.id,
      fileName: '救助标准.docx',
      content: { bytes: await docxWith(['临时救助标准为每人每次五百元']) },
    });
    await submitEdition({ ...civ, actor: fixture.staff('civ.editor'), editionId: edition.id });
    await publishEdition({ ...civ, actor: fixture.staff('civ.reviewer'), editionId: edition.id });
    const url = `/search?q=${encodeURIComponent('每人每次五百元')}`;
    const before = await server.inject({ method: 'GET', url });
    expect(before.body).toContain('没有找到');
    while ((await app.jobs.runner.runDue()) > 0);
    const after = await server.inject({ method: 'GET', url });
    expect(after.body).toContain('共找到 1 条公开信息');
    expect(after.body).toContain('命中附件《救助标准.docx》');
    expect(after.body).toContain(`href="/xxgk/doc/${edition.documentId}"`);
  });

  describe('the synonyms page', () => {
    let office: CookieJar;
    const postSynonyms = async (jar: CookieJar, groups: string) => {
      const page = await server.inject({ method: 'GET', url: '/admin/search/synonyms', cookies: jar });
      return server.inject({
        method: 'POST',
        url: '/admin/search/synonyms',
        cookies: jar,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ _csrf: csrfFieldOf(page.body), groups }).toString(),
      });
    };

    beforeAll(async () => {
      office = await signedIn(server, 'dist.district_admin');
    });

    it('is in the district office menu and not in an editor’s', async () => {
      const home = await server.inject({ method: 'GET', url: '/admin/', cookies: office });
      expect(home.body).toContain('href="/admin/search/synonyms"');
      const editor = await signedIn(server, 'civ.editor');
      const refused = await server.inject({ method: 'GET', url: '/admin/search/synonyms', cookies: editor });
      expect(refused.statusCode).toBe(403);
      expect((await postSynonyms(office, '')).statusCode).toBe(303);
      const editorPage = await server.inject({ method: 'GET', url: '/admin/', cookies: editor });
      expect(editorPage.body).not.toContain('href="/admin/search/synonyms"');
    });

    it('saves the groups, and the public search (cached pages too) uses them at once', async () => {
      const before = await server.inject({ method: 'GET', url: `/search?q=${encodeURIComponent('医保')}` });
      expect(before.body).toContain('没有找到');
      const saved = await postSynonyms(office, '医保 = 医疗保障\r\n社保 = 社会保险');
      expect(saved.statusCode).toBe(303);
      const next = await server.inject({
        method: 'GET',
        url: String(saved.headers.location),
        cookies: keepCookies(saved, office),
      });
      expect(next.body).toContain('检索同义词已保存');
      expect(next.body).toContain('医保 = 医疗保障\n社保 = 社会保险');
      const after = await server.inject({ method: 'GET', url: `/search?q=${encodeURIComponent('医保')}` });
      expect(after.body).toContain('共找到 3 条公开信息');
      expect(after.body).toContain('<mark>医疗保障</mark>');
    });

    it.each([
      ['医保', '第1行只有一个词'],
      ['医保 = 医疗保障\n保 = 保障', '第2行：“保”不能用于检索'],
      ['x'.repeat(20_001), '同义词表过长'],
    ])('answers %s with the form and a Chinese message, keeping the saved list', async (groups, message) => {
      const response = await postSynonyms(office, groups);
      expect(response.statusCode).toBe(400);
      expect(response.body).toContain(message);
      expect(await app.stores.synonyms.list()).toEqual([
        ['医保', '医疗保障'],
        ['社保', '社会保险'],
      ]);
    });
  });
});
