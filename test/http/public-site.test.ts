import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePdf } from '../../src/demo/files.ts';
import { addAttachment } from '../../src/modules/documents/commands/add-attachment.ts';
import { createDraft } from '../../src/modules/documents/commands/create-draft.ts';
import { createNewEdition } from '../../src/modules/documents/commands/create-new-edition.ts';
import { publishEdition } from '../../src/modules/documents/commands/publish-edition.ts';
import { rejectEdition } from '../../src/modules/documents/commands/reject-edition.ts';
import { scheduleEdition } from '../../src/modules/documents/commands/schedule-edition.ts';
import { submitEdition } from '../../src/modules/documents/commands/submit-edition.ts';
import { updateDraft } from '../../src/modules/documents/commands/update-draft.ts';
import { withdrawEdition } from '../../src/modules/documents/commands/withdraw-edition.ts';
import type { Attachment } from '../../src/modules/documents/ports.ts';
import { createTestApp, createTestServer, type TestApp } from '../app.ts';
import { DIALECTS } from '../databases.ts';
import { publishedDocument, sampleContent, seedFixture, type Fixture } from '../fixtures.ts';
import { apiError, signedIn } from './http-kit.ts';

const PUBLIC_URL = 'https://gk.example.gov.cn';

/** Published documents the public must find, each with a title no other document shares. */
const PUBLISHED = {
  eduNotice: {
    org: 'edu',
    title: '测试区教育局关于春季学期开学工作的通知',
    topic: '科技、教育',
    genre: '通知',
    docNumber: '测教发[2026]3号',
    fieldCode: null,
  },
  civRelief: {
    org: 'civ',
    title: '测试区民政局关于调整临时救助标准的通知',
    topic: '民政、扶贫、救灾',
    genre: '通知',
    docNumber: '测民发（2026）5号',
    fieldCode: '20',
  },
  villageBudget: {
    org: 'vil',
    title: '乙村2026年村级财务收支公开',
    topic: '财政、金融、审计',
    genre: '统计信息',
    docNumber: null,
    fieldCode: '04',
  },
  guide: {
    org: 'edu',
    title: '测试区教育局政府信息公开指南（2026年版）',
    topic: '综合政务',
    genre: '公开指南',
    docNumber: null,
    fieldCode: null,
  },
  rules: {
    org: 'edu',
    title: '测试区教育局政府信息公开保密审查制度',
    topic: '综合政务',
    genre: '公开制度',
    docNumber: null,
    fieldCode: null,
  },
  annualReport: {
    org: 'edu',
    title: '测试区教育局2025年政府信息公开工作年度报告',
    topic: '综合政务',
    genre: '年度报告',
    docNumber: null,
    fieldCode: null,
  },
} as const;
type PublishedKey = keyof typeof PUBLISHED;
const { org: _eduOrg, ...eduNoticeContent } = PUBLISHED.eduNotice;

/** Editions that exist but are not public, in every unpublished state. */
const HIDDEN_STATES = ['draft', 'submitted', 'rejected', 'scheduled'] as const;
type HiddenState = (typeof HIDDEN_STATES)[number];
const hiddenTitle = (state: HiddenState) => `尚未公开的内部文稿（${state}）`;

const WITHDRAWAL_REASON = '该通知内容有误，已重新印发。';
const NEXT_EDITION_TITLE = '测试区教育局关于春季学期开学工作的通知（修订稿，尚未审核）';

/** The public site and the public JSON API: what anybody may read, and nothing more. */
describe.each(DIALECTS)('public site and public API on $name', (dialect) => {
  let app: TestApp;
  let server: FastifyInstance;
  let fixture: Fixture;
  const documentIds = new Map<PublishedKey, string>();
  const hidden = new Map<HiddenState, { documentId: string; attachment: Attachment }>();
  let eduAttachment: Attachment;
  let withdrawnId: string;
  let nextEditionAttachment: Attachment;
  const deps = () => ({ uow: app.uow, clock: app.clock, sanitiser: app.sanitiser });
  const attach = (editionId: string, fileName: string) =>
    addAttachment({
      ...deps(),
      actor: fixture.staff('edu.editor'),
      files: app.files,
      sniff: app.sniff,
      maxBytes: app.config.maxUploadBytes,
      editionId,
      fileName,
      content: { bytes: makePdf(fileName) },
    });

  beforeAll(async () => {
    app = await createTestApp(dialect, { now: '2026-03-02T02:00:00Z', env: { GONGKAI_PUBLIC_URL: PUBLIC_URL } });
    fixture = await seedFixture(app, [
      { role: 'editor', org: 'edu' },
      { role: 'reviewer', org: 'edu' },
      { role: 'editor', org: 'civ' },
      { role: 'reviewer', org: 'civ' },
      { role: 'editor', org: 'town' },
      { role: 'reviewer', org: 'town' },
    ]);
    const staffOf = (org: string) => (org === 'vil' ? 'town' : org);

    for (const [key, doc] of Object.entries(PUBLISHED) as [PublishedKey, (typeof PUBLISHED)[PublishedKey]][]) {
      const { org, ...content } = doc;
      const unit = staffOf(org);
      if (key === 'eduNotice') {
        // Published with an attachment: the attachment goes on the draft before review.
        const { edition } = await createDraft({
          ...deps(),
          actor: fixture.staff('edu.editor'),
          orgId: fixture.orgs.get('edu')!.id,
          input: sampleContent(content),
        });
        eduAttachment = await attach(edition.id, '开学工作安排.pdf');
        await submitEdition({ ...deps(), actor: fixture.staff('edu.editor'), editionId: edition.id });
        await publishEdition({ ...deps(), actor: fixture.staff('edu.reviewer'), editionId: edition.id });
        documentIds.set(key, edition.documentId);
        continue;
      }
      const edition = await publishedDocument(app, fixture, {
        org,
        editor: `${unit}.editor`,
        reviewer: `${unit}.reviewer`,
        content,
      });
      documentIds.set(key, edition.documentId);
    }

    for (const state of HIDDEN_STATES) {
      const { edition } = await createDraft({
        ...deps(),
        actor: fixture.staff('edu.editor'),
        orgId: fixture.orgs.get('edu')!.id,
        input: sampleContent({ title: hiddenTitle(state), docNumber: null }),
      });
      const attachment = await attach(edition.id, `内部材料-${state}.pdf`);
      if (state !== 'draft') {
        await submitEdition({ ...deps(), actor: fixture.staff('edu.editor'), editionId: edition.id });
      }
      if (state === 'rejected') {
        await rejectEdition({
          ...deps(),
          actor: fixture.staff('edu.reviewer'),
          editionId: edition.id,
          reason: '请补充依据。',
        });
      }
      if (state === 'scheduled') {
        await scheduleEdition({
          ...deps(),
          actor: fixture.staff('edu.reviewer'),
          editionId: edition.id,
          at: new Date('2026-03-09T01:00:00Z'),
        });
      }
      expect((await app.stores.documents.getEdition(edition.id))!.state).toBe(state);
      hidden.set(state, { documentId: edition.documentId, attachment });
    }

    const withdrawn = await publishedDocument(app, fixture, {
      org: 'edu',
      editor: 'edu.editor',
      reviewer: 'edu.reviewer',
      content: { title: '测试区教育局关于寒假安全教育的通知', docNumber: '测教发〔2026〕1号' },
    });
    await withdrawEdition({
      ...deps(),
      actor: fixture.staff('edu.reviewer'),
      editionId: withdrawn.id,
      reason: WITHDRAWAL_REASON,
    });
    withdrawnId = withdrawn.documentId;

    // A second edition in preparation: the public keeps seeing the first.
    const next = await createNewEdition({
      ...deps(),
      actor: fixture.staff('edu.editor'),
      documentId: documentIds.get('eduNotice')!,
    });
    await updateDraft({
      ...deps(),
      actor: fixture.staff('edu.editor'),
      editionId: next.id,
      input: sampleContent({ ...eduNoticeContent, title: NEXT_EDITION_TITLE, changeNote: '修订开学时间' }),
    });
    nextEditionAttachment = await attach(next.id, '修订稿附件.pdf');

    server = await createTestServer(app);
  });
  afterAll(async () => {
    await server?.close();
    await app?.cleanup();
  });

  const get = (url: string, cookies?: Record<string, string>) =>
    server.inject({ method: 'GET', url, ...(cookies ? { cookies } : {}) });

  describe('pages', () => {
    it.each([
      { url: '/', shows: ['政府信息公开', PUBLISHED.eduNotice.title], hides: [] },
      { url: '/xxgk/', shows: ['法定主动公开内容', PUBLISHED.civRelief.title], hides: [] },
      { url: '/xxgk/fdzdgknr', shows: [PUBLISHED.eduNotice.title, PUBLISHED.villageBudget.title], hides: [] },
      { url: '/xxgk/gkzn', shows: [PUBLISHED.guide.title], hides: [PUBLISHED.rules.title, PUBLISHED.eduNotice.title] },
      { url: '/xxgk/gkzd', shows: [PUBLISHED.rules.title], hides: [PUBLISHED.guide.title, PUBLISHED.eduNotice.title] },
      {
        url: '/xxgk/gknb',
        shows: [PUBLISHED.annualReport.title],
        hides: [PUBLISHED.guide.title, PUBLISHED.eduNotice.title],
      },
      { url: '/xxgk/ysqgk', shows: ['依申请公开'], hides: [] },
    ])('$url answers 200 with an HTML page in Chinese listing what belongs there', async ({ url, shows, hides }) => {
      const response = await get(url);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expect(response.body.startsWith('<!doctype html>')).toBe(true);
      expect(response.body).toMatch(/<html[^>]*lang="zh-CN"/);
      for (const text of shows) expect(response.body).toContain(text);
      for (const text of hides) expect(response.body).not.toContain(text);
    });

    it.each([
      {
        filter: 'org=civ',
        shows: ['civRelief'],
        hides: ['eduNotice', 'villageBudget'],
      },
      {
        filter: 'org=town',
        shows: ['villageBudget'],
        hides: ['eduNotice', 'civRelief'],
      },
      { filter: 'field=20', shows: ['civRelief'], hides: ['eduNotice', 'villageBudget'] },
      {
        filter: `topic=${encodeURIComponent('科技、教育')}`,
        shows: ['eduNotice'],
        hides: ['civRelief', 'guide'],
      },
      { filter: `q=${encodeURIComponent('临时救助')}`, shows: ['civRelief'], hides: ['eduNotice', 'villageBudget'] },
      {
        filter: `q=${encodeURIComponent('测教发〔2026〕3号')}`,
        shows: ['eduNotice'],
        hides: ['civRelief', 'guide'],
      },
      {
        filter: `org=edu&q=${encodeURIComponent('年度报告')}`,
        shows: ['annualReport'],
        hides: ['eduNotice', 'civRelief'],
      },
    ] as { filter: string; shows: PublishedKey[]; hides: PublishedKey[] }[])(
      '/xxgk/fdzdgknr?$filter lists only the matching documents',
      async ({ filter, shows, hides }) => {
        const response = await get(`/xxgk/fdzdgknr?${filter}`);
        expect(response.statusCode).toBe(200);
        for (const key of shows) expect(response.body).toContain(PUBLISHED[key].title);
        for (const key of hides) expect(response.body).not.toContain(PUBLISHED[key].title);
      },
    );

    it.each([
      { url: '/xxgk/fdzdgknr?org=nosuchunit', message: '没有找到该发布机构' },
      { url: '/xxgk/fdzdgknr?field=99', message: '没有找到该试点领域' },
      { url: '/xxgk/doc/0000000000000000', message: '您访问的内容不存在或尚未公开' },
      { url: '/xxgk/doc/not-an-id', message: '您访问的内容不存在或尚未公开' },
      { url: '/xxgk/files/0000000000000000', message: '您访问的内容不存在或尚未公开' },
      { url: '/xxgk/no-such-page', message: '您访问的内容不存在或尚未公开' },
    ])('$url is a 404 page that says so in Chinese', async ({ url, message }) => {
      const response = await get(url);
      expect(response.statusCode).toBe(404);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expect(response.body).toContain(message);
    });

    it('shows a document page with its metadata, normalised 文号, body and attachment link', async () => {
      const id = documentIds.get('eduNotice')!;
      const response = await get(`/xxgk/doc/${id}`);
      expect(response.statusCode).toBe(200);
      expect(response.body).toContain(PUBLISHED.eduNotice.title);
      expect(response.body).toContain('测教发〔2026〕3号');
      expect(response.body).toContain('edu/2026-00001');
      expect(response.body).toContain('现将有关事项通知如下。');
      expect(response.body).toContain(`/xxgk/files/${eduAttachment.id}/`);
      // The second edition being prepared stays out of sight.
      expect(response.body).not.toContain(NEXT_EDITION_TITLE);
    });

    it.each(['', '/%E5%BC%80%E5%AD%A6%E5%B7%A5%E4%BD%9C%E5%AE%89%E6%8E%92.pdf'])(
      'serves a published attachment at /xxgk/files/<id>%s as a download of the same bytes',
      async (suffix) => {
        const response = await get(`/xxgk/files/${eduAttachment.id}${suffix}`);
        expect(response.statusCode).toBe(200);
        expect(response.headers['content-type']).toBe('application/pdf');
        expect(response.headers['content-disposition']).toMatch(/^attachment; filename\*=UTF-8''/);
        expect(response.headers['x-content-type-options']).toBe('nosniff');
        expect(response.rawPayload.equals(makePdf('开学工作安排.pdf'))).toBe(true);
      },
    );

    it('shows a withdrawn document with the withdrawal notice and its reason', async () => {
      const response = await get(`/xxgk/doc/${withdrawnId}`);
      expect(response.statusCode).toBe(200);
      expect(response.body).toContain('该信息已撤回');
      expect(response.body).toContain('撤回原因');
      expect(response.body).toContain(WITHDRAWAL_REASON);
      const api = await get(`/api/v1/documents/${withdrawnId}`);
      expect(api.json()).toMatchObject({ state: 'withdrawn', withdrawal: { reason: WITHDRAWAL_REASON } });
    });
  });

  describe('unpublished editions', () => {
    it.each(HIDDEN_STATES)('a %s edition has no public page and is listed nowhere', async (state) => {
      const { documentId } = hidden.get(state)!;
      const title = hiddenTitle(state);

      const page = await get(`/xxgk/doc/${documentId}`);
      expect(page.statusCode).toBe(404);
      expect(page.body).toContain('您访问的内容不存在或尚未公开');
      expect(page.body).not.toContain(title);

      for (const url of ['/', '/xxgk/', '/xxgk/fdzdgknr', '/xxgk/fdzdgknr?org=edu']) {
        const list = await get(url);
        expect(list.statusCode).toBe(200);
        expect(list.body, url).toContain(PUBLISHED.eduNotice.title);
        expect(list.body, url).not.toContain(title);
        expect(list.body, url).not.toContain(documentId);
      }
      // Searching for its exact title finds nothing (the search box repeats what was typed).
      const search = await get(`/xxgk/fdzdgknr?q=${encodeURIComponent(title)}`);
      expect(search.body).toContain('暂无信息');
      expect(search.body).not.toContain(`/xxgk/doc/${documentId}`);

      const apiList = await get(`/api/v1/documents?pageSize=100`);
      expect(apiList.json<{ items: { id: string }[] }>().items.map((item) => item.id)).not.toContain(documentId);
      const apiSearch = await get(`/api/v1/documents?q=${encodeURIComponent(title)}`);
      expect(apiSearch.json()).toEqual({ items: [], total: 0 });

      const apiDetail = await get(`/api/v1/documents/${documentId}`);
      expect(apiDetail.statusCode).toBe(404);
      expect(apiError(apiDetail).code).toBe('not_found');
    });

    it.each(HIDDEN_STATES)('the attachment of a %s edition cannot be downloaded', async (state) => {
      const { attachment } = hidden.get(state)!;
      for (const url of [`/xxgk/files/${attachment.id}`, `/xxgk/files/${attachment.id}/x.pdf`]) {
        const response = await get(url);
        expect(response.statusCode, url).toBe(404);
        expect(response.headers['content-type']).toMatch(/^text\/html/);
      }
    });

    it('keeps the next edition of a published document and its attachment private until it is published', async () => {
      const id = documentIds.get('eduNotice')!;
      const detail = await get(`/api/v1/documents/${id}`);
      expect(detail.json()).toMatchObject({ title: PUBLISHED.eduNotice.title, version: '1.0' });
      expect(JSON.stringify(detail.json())).not.toContain(NEXT_EDITION_TITLE);
      expect((await get(`/xxgk/files/${nextEditionAttachment.id}`)).statusCode).toBe(404);
    });

    it('keeps drafts off the public pages and downloads also for a signed-in editor of the unit', async () => {
      const jar = await signedIn(server, 'edu.editor');
      // The editor does see them in the back office, so the session is a real one.
      const backOffice = await get('/admin/documents', jar);
      expect(backOffice.statusCode).toBe(200);
      expect(backOffice.body).toContain(hiddenTitle('draft'));
      for (const url of ['/', '/xxgk/', '/xxgk/fdzdgknr', '/xxgk/fdzdgknr?org=edu']) {
        const response = await get(url, jar);
        expect(response.statusCode).toBe(200);
        for (const state of HIDDEN_STATES) expect(response.body, url).not.toContain(hiddenTitle(state));
        expect(response.body, url).not.toContain(NEXT_EDITION_TITLE);
        expect(response.body, url).toContain(PUBLISHED.eduNotice.title);
      }
      expect((await get(`/xxgk/files/${hidden.get('draft')!.attachment.id}`, jar)).statusCode).toBe(404);
    });
  });

  describe('JSON API', () => {
    it('lists published documents as { items, total } with the absolute address of each public page', async () => {
      const response = await get('/api/v1/documents?pageSize=100');
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      const body = response.json<{
        items: { id: string; title: string; url: string; state: string }[];
        total: number;
      }>();
      expect(body.total).toBe(Object.keys(PUBLISHED).length);
      expect(body.items.map((item) => item.title).sort()).toEqual(
        Object.values(PUBLISHED)
          .map((doc) => doc.title)
          .sort(),
      );
      for (const item of body.items) {
        expect(item.url).toBe(`${PUBLIC_URL}/xxgk/doc/${item.id}`);
        expect(item.state).toBe('published');
        expect((await get(new URL(item.url).pathname)).statusCode).toBe(200);
      }
    });

    it.each([
      { filter: 'org=civ', titles: ['civRelief'] },
      { filter: 'org=town', titles: ['villageBudget'] },
      { filter: 'field=04', titles: ['villageBudget'] },
      { filter: `genre=${encodeURIComponent('公开指南')}`, titles: ['guide'] },
      { filter: `topic=${encodeURIComponent('科技、教育')}`, titles: ['eduNotice'] },
      { filter: `q=${encodeURIComponent('民政局')}`, titles: ['civRelief'] },
      { filter: 'org=nosuchunit', titles: [] },
    ] as { filter: string; titles: PublishedKey[] }[])('filters the list with ?$filter', async ({ filter, titles }) => {
      const response = await get(`/api/v1/documents?${filter}`);
      expect(response.statusCode).toBe(200);
      const body = response.json<{ items: { title: string }[]; total: number }>();
      expect(body.items.map((item) => item.title).sort()).toEqual(titles.map((key) => PUBLISHED[key].title).sort());
      expect(body.total).toBe(titles.length);
    });

    it('pages the list with page and pageSize while total stays the whole count', async () => {
      const first = (await get('/api/v1/documents?pageSize=2&page=1')).json<{
        items: { id: string }[];
        total: number;
      }>();
      const second = (await get('/api/v1/documents?pageSize=2&page=2')).json<{
        items: { id: string }[];
        total: number;
      }>();
      expect(first.items).toHaveLength(2);
      expect(second.items).toHaveLength(2);
      expect(first.total).toBe(Object.keys(PUBLISHED).length);
      expect(second.items.map((i) => i.id)).not.toContain(first.items[0]!.id);
    });

    it('returns one document with body, attachments (absolute URLs) and history', async () => {
      const id = documentIds.get('eduNotice')!;
      const response = await get(`/api/v1/documents/${id}`);
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({
        id,
        indexNumber: 'edu/2026-00001',
        title: PUBLISHED.eduNotice.title,
        docNumber: '测教发〔2026〕3号',
        issuer: '测试区教育局',
        org: { code: 'edu', name: '测试区教育局' },
        url: `${PUBLIC_URL}/xxgk/doc/${id}`,
        state: 'published',
        withdrawal: null,
        attachments: [
          {
            id: eduAttachment.id,
            fileName: '开学工作安排.pdf',
            mediaType: 'application/pdf',
            url: `${PUBLIC_URL}/xxgk/files/${eduAttachment.id}/${encodeURIComponent('开学工作安排.pdf')}`,
          },
        ],
        history: [{ version: '1.0', changeNote: '首次发布' }],
      });
      expect(response.json<{ bodyHtml: string }>().bodyHtml).toContain('现将有关事项通知如下。');
      const civ = (await get(`/api/v1/documents/${documentIds.get('civRelief')!}`)).json<unknown>();
      expect(civ).toMatchObject({ docNumber: '测民发〔2026〕5号', field: { code: '20', name: '社会救助' } });
    });

    it('lists every unit in /api/v1/orgs and finds one by code', async () => {
      const response = await get('/api/v1/orgs');
      expect(response.statusCode).toBe(200);
      const body = response.json<{ items: { code: string; name: string }[]; total: number }>();
      expect(body.total).toBe(6);
      expect(body.items.map((org) => org.code).sort()).toEqual(['civ', 'dist', 'edu', 'school', 'town', 'vil']);
      expect(body.items[0]).toMatchObject({ code: 'dist', name: '测试区人民政府' });
      const one = await get('/api/v1/orgs/vil');
      expect(one.json()).toMatchObject({ code: 'vil', name: '甲镇乙村村民委员会' });
      const missing = await get('/api/v1/orgs/nosuchunit');
      expect(missing.statusCode).toBe(404);
      expect(apiError(missing).code).toBe('not_found');
    });

    it('answers /healthz with 200 { status: ok } while the database is reachable', async () => {
      const response = await get('/healthz');
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({ status: 'ok' });
    });

    it('describes itself in an OpenAPI 3.1 document with the public and staff paths and bearer security', async () => {
      const response = await get('/api/v1/openapi.json');
      expect(response.statusCode).toBe(200);
      const doc = response.json<{
        openapi: string;
        paths: Record<string, Record<string, { security?: unknown; parameters?: { name: string }[] }>>;
        components: { securitySchemes: Record<string, { type: string; scheme: string }> };
      }>();
      expect(doc.openapi).toBe('3.1.0');
      expect(Object.keys(doc.paths)).toEqual(
        expect.arrayContaining([
          '/api/v1/documents',
          '/api/v1/documents/{id}',
          '/api/v1/orgs',
          '/api/v1/orgs/{code}',
          '/api/v1/staff/documents',
          '/api/v1/staff/editions/{id}',
          '/api/v1/staff/editions/{id}/publish',
          '/api/v1/staff/editions/{id}/attachments',
        ]),
      );
      expect(doc.components.securitySchemes.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer' });
      expect(doc.paths['/api/v1/staff/documents']!.post!.security).toEqual([{ bearerAuth: [] }]);
      expect(doc.paths['/api/v1/documents']!.get!.security).toBeUndefined();
      expect(doc.paths['/api/v1/documents']!.get!.parameters!.map((p) => p.name)).toEqual(
        expect.arrayContaining(['org', 'field', 'topic', 'q', 'page', 'pageSize']),
      );
    });
  });

  describe('security headers', () => {
    it.each(['/', '/xxgk/fdzdgknr', '/admin/login', '/api/v1/documents', '/xxgk/doc/0000000000000000'])(
      '%s carries a strict content security policy and nosniff',
      async (url) => {
        const response = await get(url);
        const csp = String(response.headers['content-security-policy']);
        expect(csp).toContain("default-src 'self'");
        expect(csp).toContain("script-src 'self'");
        expect(csp).toContain("frame-ancestors 'none'");
        expect(csp).not.toContain('unsafe-inline');
        expect(response.headers['x-content-type-options']).toBe('nosniff');
        expect(response.headers['referrer-policy']).toBe('same-origin');
        // Served from an https public address: browsers are told to stay on https.
        expect(response.headers['strict-transport-security']).toMatch(/max-age=\d+/);
      },
    );
  });
});
