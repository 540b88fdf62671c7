import type { FastifyInstance } from 'fastify';
import Parser from 'rss-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestServer, type TestApp } from '../app.ts';
import { DIALECTS } from '../databases.ts';
import {
  getter,
  HIDDEN_STATES,
  hiddenTitle,
  NEXT_EDITION_TITLE,
  PUBLIC_SITE_APP_OPTIONS,
  PUBLIC_URL,
  PUBLISHED,
  seedPublicSite,
  type PublishedKey,
} from './public-site-kit.ts';

const WITHDRAWN_TITLE = '测试区教育局关于寒假安全教育的通知';
const NEVER_IN_A_FEED = [WITHDRAWN_TITLE, NEXT_EDITION_TITLE, ...HIDDEN_STATES.map(hiddenTitle)];
const ALL_PUBLISHED = Object.keys(PUBLISHED) as PublishedKey[];

/**
 * The column's feeds (RSS 2.0 and Atom) and what crawlers read (robots.txt, the sitemaps): only
 * published information, each item linked to its page at the public address, with its dates;
 * read back with rss-parser, as a feed reader would.
 */
describe.each(DIALECTS)('feeds and sitemaps on $name', (dialect) => {
  let app: TestApp;
  let server: FastifyInstance;
  let documentIds: Map<PublishedKey, string>;
  let withdrawnId: string;
  let hiddenIds: string[];
  const parser = new Parser();

  beforeAll(async () => {
    app = await createTestApp(dialect, PUBLIC_SITE_APP_OPTIONS);
    const world = await seedPublicSite(app);
    ({ documentIds, withdrawnId } = world);
    hiddenIds = [...world.hidden.values()].map((h) => h.documentId);
    server = await createTestServer(app);
  });
  afterAll(async () => {
    await server?.close();
    await app?.cleanup();
  });

  const get = getter(() => server);
  const pageOf = (key: PublishedKey) => `${PUBLIC_URL}/xxgk/doc/${documentIds.get(key)!}`;
  /** When the document's live edition was published, as the store has it. */
  const publishedAt = async (key: PublishedKey) => {
    const editions = await app.stores.documents.editionsOf(documentIds.get(key)!);
    return new Date(editions.find((e) => e.state === 'published')!.publishedAt!).toISOString();
  };

  describe.each([
    { format: 'RSS', path: '/xxgk/rss.xml', type: 'application/rss+xml; charset=utf-8' },
    { format: 'Atom', path: '/xxgk/atom.xml', type: 'application/atom+xml; charset=utf-8' },
  ])('$format', ({ path, type }) => {
    it.each([
      { query: '', title: '法定主动公开内容', expected: ALL_PUBLISHED },
      { query: '?org=edu', title: '测试区教育局', expected: ['eduNotice', 'guide', 'rules', 'annualReport'] },
      { query: '?field=20', title: '社会救助', expected: ['civRelief'] },
      { query: '?topic=财政、金融、审计', title: '财政、金融、审计', expected: ['villageBudget'] },
    ] as { query: string; title: string; expected: PublishedKey[] }[])(
      'lists published information only$query, each linked to its page with its date',
      async ({ query, title, expected }) => {
        const response = await get(`${path}${encodeURI(query)}`);
        expect(response.statusCode).toBe(200);
        expect(response.headers['content-type']).toBe(type);
        const feed = await parser.parseString(response.body);
        expect(feed.title).toContain(title);
        expect(feed.link).toBe(
          `${PUBLIC_URL}/xxgk/fdzdgknr${query ? `?${new URLSearchParams(query).toString()}` : ''}`,
        );
        expect(feed.items.map((item) => item.link).toSorted()).toEqual(expected.map(pageOf).toSorted());
        for (const key of expected) {
          const item = feed.items.find((i) => i.link === pageOf(key))!;
          expect(item.title).toBe(PUBLISHED[key].title);
          expect(item.isoDate).toBe(await publishedAt(key));
          expect(item.guid ?? item.id).toBe(pageOf(key));
        }
        for (const title of NEVER_IN_A_FEED) expect(response.body).not.toContain(title);
      },
    );

    it('answers 304 to a reader that has the current feed, and 404 for a unit that does not exist', async () => {
      const first = await get(path);
      const again = await server.inject({
        method: 'GET',
        url: path,
        headers: { 'if-none-match': String(first.headers.etag) },
      });
      expect(first.headers['last-modified']).toBeDefined();
      expect(again.statusCode).toBe(304);
      const missing = await get(`${path}?org=nosuchunit`);
      expect(missing.statusCode).toBe(404);
      expect(missing.body).toContain('没有找到该发布机构');
    });
  });

  it.each([
    { query: '?genre=公开指南', title: '公开指南', link: '/xxgk/gkzn', expected: ['guide'] },
    { query: '?org=edu&genre=年度报告', title: '测试区教育局年度报告', link: '/xxgk/gknb', expected: ['annualReport'] },
    { query: '?org=civ&genre=通知', title: '测试区民政局通知', link: '/xxgk/fdzdgknr', expected: ['civRelief'] },
  ] as { query: string; title: string; link: string; expected: PublishedKey[] }[])(
    'gives one genre its own feed$query, linked to its list',
    async ({ query, title, link, expected }) => {
      const feed = await parser.parseString((await get(`/xxgk/atom.xml${encodeURI(query)}`)).body);
      expect(feed.title).toMatch(new RegExp(`^${title} - `));
      expect(feed.link).toBe(`${PUBLIC_URL}${link}`);
      expect(feed.items.map((item) => item.link).toSorted()).toEqual(expected.map(pageOf).toSorted());
    },
  );

  it('refuses a genre that does not exist, in Chinese', async () => {
    const response = await get(`/xxgk/rss.xml?genre=${encodeURIComponent('小说')}`);
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('没有这种体裁的信息。');
  });

  it('links the feeds from the pages they follow', async () => {
    const list = await get('/xxgk/fdzdgknr?org=edu');
    expect(list.body).toContain(
      '<link rel="alternate" type="application/rss+xml" title="测试区教育局（RSS）" href="/xxgk/rss.xml?org=edu"/>',
    );
    expect(list.body).toContain(
      '<link rel="alternate" type="application/atom+xml" title="测试区教育局（Atom）" href="/xxgk/atom.xml?org=edu"/>',
    );
    for (const url of ['/', '/xxgk/']) {
      expect((await get(url)).body).toContain('href="/xxgk/rss.xml"');
    }
    const genre = (name: string) => encodeURIComponent(name).replace(/%20/g, '+');
    expect((await get('/xxgk/zcjd')).body).toContain(`href="/xxgk/atom.xml?genre=${genre('政策解读')}"`);
    expect((await get('/xxgk/zcjd?org=edu')).body).toContain(
      `title="测试区教育局政策解读（RSS）" href="/xxgk/rss.xml?org=edu&amp;genre=${genre('政策解读')}"`,
    );
    expect((await get('/xxgk/hygq')).body).toContain(`href="/xxgk/rss.xml?genre=${genre('回应关切')}"`);
  });

  it('tells crawlers what to leave alone and where the sitemap is', async () => {
    const robots = await get('/robots.txt');
    expect(robots.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(robots.body).toContain('Disallow: /admin/\n');
    expect(robots.body).toContain('Disallow: /search\n');
    expect(robots.body).toContain(`Sitemap: ${PUBLIC_URL}/sitemap.xml\n`);
  });

  it('lists every published document in the sitemaps, and nothing unpublished', async () => {
    const index = await get('/sitemap.xml');
    expect(index.headers['content-type']).toBe('application/xml; charset=utf-8');
    const sitemaps = [...index.body.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
    // Seven documents: one part.
    expect(sitemaps).toEqual([`${PUBLIC_URL}/sitemaps/pages.xml`, `${PUBLIC_URL}/sitemaps/documents.xml`]);
    const pages = await get('/sitemaps/pages.xml');
    expect(pages.body).toContain(`<loc>${PUBLIC_URL}/xxgk/fdzdgknr?field=20</loc>`);
    expect(pages.body).toContain(`<loc>${PUBLIC_URL}/xxgk/fdzdgknr?org=edu</loc>`);
    expect(pages.body).toContain(`<loc>${PUBLIC_URL}/xxgk/fdzdgknr?org=vil</loc>`);
    const documents = (await get('/sitemaps/documents.xml')).body;
    const listed = [...documents.matchAll(/<loc>[^<]+\/xxgk\/doc\/(\w+)<\/loc><lastmod>(\d{4}-\d\d-\d\d)<\/lastmod>/g)];
    expect(listed.map((m) => m[1]).toSorted()).toEqual([...documentIds.values()].toSorted());
    for (const id of [withdrawnId, ...hiddenIds]) expect(documents).not.toContain(id);
    expect(listed.every((m) => m[2] === '2026-03-02')).toBe(true);
  });

  it('gives the part of the documents whose ids begin with its characters, and refuses an odd part', async () => {
    const id = documentIds.get('civRelief')!;
    const part = await get(`/sitemaps/documents.xml?part=${id.slice(0, 2)}`);
    expect(part.statusCode).toBe(200);
    expect(part.body).toContain(`/xxgk/doc/${id}<`);
    const ids = [...part.body.matchAll(/\/xxgk\/doc\/(\w+)</g)].map((m) => m[1]!);
    expect(ids.every((other) => other.startsWith(id.slice(0, 2)))).toBe(true);
    for (const [odd, message] of [
      ['..%2F', '部分编号格式不正确'],
      ['ABC', '部分编号格式不正确'],
      ['ilou', '部分编号格式不正确'],
      ['%00', '无效的空字符'],
    ]) {
      const response = await get(`/sitemaps/documents.xml?part=${odd}`);
      expect(response.statusCode).toBe(400);
      expect(response.body).toContain(message);
    }
  });
});
