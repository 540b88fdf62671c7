import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePdf } from '../../src/demo/files.ts';
import type { Attachment } from '../../src/modules/documents/ports.ts';
import { createTestApp, createTestServer, type TestApp } from '../app.ts';
import { DIALECTS } from '../databases.ts';
import {
  getter,
  NEXT_EDITION_TITLE,
  PUBLIC_SITE_APP_OPTIONS,
  PUBLISHED,
  seedPublicSite,
  WITHDRAWAL_REASON,
  type PublishedKey,
} from './public-site-kit.ts';

/** The public site's pages, what each lists and shows, and the security headers it sends. */
describe.each(DIALECTS)('public site and public API on $name', (dialect) => {
  let app: TestApp;
  let server: FastifyInstance;
  let documentIds: Map<PublishedKey, string>;
  let eduAttachment: Attachment;
  let withdrawnId: string;

  beforeAll(async () => {
    app = await createTestApp(dialect, PUBLIC_SITE_APP_OPTIONS);
    ({ documentIds, eduAttachment, withdrawnId } = await seedPublicSite(app));
    server = await createTestServer(app);
  });
  afterAll(async () => {
    await server?.close();
    await app?.cleanup();
  });

  const get = getter(() => server);

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
