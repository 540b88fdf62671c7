import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/app/server.ts';
import { ELDER_COOKIE, FLASH_COOKIE } from '../../src/platform/http/context.ts';
import { createTestApp, type TestApp } from '../app.ts';
import { DIALECTS } from '../databases.ts';
import { publishedDocument } from '../fixtures.ts';
import { throughServer } from './http-kit.ts';
import { PUBLIC_SITE_APP_OPTIONS, seedPublicSite, type PublicSiteWorld } from './public-site-kit.ts';

/**
 * The page cache's front door: a kept page is answered before Fastify builds a request, with the
 * same headers as the route group sends; concurrent misses render once; a change re-renders a page
 * when next asked for and keeps its ETag when it came out the same.
 */
describe.each(DIALECTS)('page cache front door on $name', (dialect) => {
  let app: TestApp;
  let world: PublicSiteWorld;
  let server: FastifyInstance;

  beforeAll(async () => {
    app = await createTestApp(dialect, PUBLIC_SITE_APP_OPTIONS);
    world = await seedPublicSite(app);
    server = await buildServer(app, { logger: false });
  });
  afterAll(async () => {
    await server?.close();
    await app?.cleanup();
  });

  const get = (url: string, headers: Record<string, string> = {}, method: 'GET' | 'HEAD' = 'GET') =>
    throughServer(server, { method, url, headers });
  const stats = () => server.pageCache.stats();
  const docUrl = () => `/xxgk/doc/${world.documentIds.get('eduNotice')!}`;
  /** Header names and values but the date, which is the time of the answer. */
  const headersOf = (response: { headers: Record<string, unknown> }) =>
    Object.fromEntries(Object.entries(response.headers).filter(([name]) => name !== 'date'));

  it('answers a kept page at the front door with exactly the headers of the rendered answer', async () => {
    const cases = [
      { url: '/xxgk/fdzdgknr?org=civ', headers: {} as Record<string, string> },
      { url: '/xxgk/', headers: { 'accept-encoding': 'br' } },
      { url: docUrl(), headers: { 'accept-encoding': 'gzip' } },
    ];
    for (const { url, headers } of cases) {
      const before = stats();
      const rendered = await get(url, headers);
      expect(stats().frontHits, url).toBe(before.frontHits);
      const kept = await get(url, headers);
      expect(stats().frontHits, url).toBe(before.frontHits + 1);
      expect(kept.statusCode).toBe(200);
      expect(kept.rawPayload.equals(rendered.rawPayload), url).toBe(true);
      expect(headersOf(kept), url).toEqual(headersOf(rendered));
      // Helmet's headers are among them, as the route group sent them.
      for (const name of ['content-security-policy', 'x-frame-options', 'x-content-type-options', 'referrer-policy']) {
        expect(kept.headers[name], `${url} ${name}`).toBeDefined();
      }
    }
  });

  it('answers HEAD and conditional requests at the front door', async () => {
    const page = await get(docUrl());
    const before = stats();
    const head = await get(docUrl(), {}, 'HEAD');
    expect(head.statusCode).toBe(200);
    expect(head.body).toBe('');
    expect(head.headers['content-length']).toBe(String(page.rawPayload.length));
    expect(head.headers.etag).toBe(page.headers.etag);
    const revalidated = await get(docUrl(), { 'if-none-match': page.headers.etag as string });
    expect(revalidated.statusCode).toBe(304);
    expect(revalidated.body).toBe('');
    expect(revalidated.headers['content-security-policy']).toBe(page.headers['content-security-policy']);
    expect(stats().frontHits).toBe(before.frontHits + 2);
  });

  it('keeps large-print pages apart from plain ones, both answered at the front door', async () => {
    const plain = await get('/xxgk/');
    const elder = await get('/xxgk/', { cookie: `${ELDER_COOKIE}=1` });
    expect(elder.body).not.toBe(plain.body);
    const before = stats();
    expect((await get('/xxgk/', { cookie: `${ELDER_COOKIE}=1` })).body).toBe(elder.body);
    expect((await get('/xxgk/')).body).toBe(plain.body);
    expect(stats().frontHits).toBe(before.frontHits + 2);
  });

  it('leaves requests with a session or flash cookie, or a body, to the route group', async () => {
    await get('/xxgk/');
    const cases: { cookie?: string; body?: string }[] = [
      { cookie: 'gk_session=not-a-session' },
      { cookie: `${FLASH_COOKIE}=x` },
      { body: 'x=1' },
    ];
    for (const { cookie, body } of cases) {
      const before = stats();
      const response = await throughServer(server, {
        method: 'GET',
        url: '/xxgk/',
        headers: cookie ? { cookie } : {},
        ...(body ? { payload: body } : {}),
      });
      expect(response.statusCode, JSON.stringify({ cookie, body })).toBe(200);
      expect(stats().frontHits, JSON.stringify({ cookie, body })).toBe(before.frontHits);
    }
  });

  it('leaves refused and unknown targets to the router, answered as Fastify answers them', async () => {
    await get('/xxgk/');
    const before = stats();
    for (const url of ['/xxgk/%2e%2e/admin', '/xxgk//', '/xxgk/%2F', '/no/such/page', '/xxgk/doc/none', '/%78xgk/']) {
      const routed = await server.inject({ method: 'GET', url });
      const answered = await get(url);
      expect(answered.statusCode, url).toBe(routed.statusCode);
      expect(answered.body, url).toBe(routed.body);
    }
    // `/%78xgk/` is `/xxgk/` in its canonical form: the same kept page.
    expect(stats().frontHits).toBe(before.frontHits + 1);
  });

  it('renders a missed page once however many ask for it at the same time', async () => {
    const url = '/xxgk/fdzdgknr?org=edu&page=1&pageSize=10';
    const before = stats();
    const answers = await Promise.all(Array.from({ length: 20 }, () => get(url)));
    expect(new Set(answers.map((a) => a.statusCode))).toEqual(new Set([200]));
    expect(new Set(answers.map((a) => a.body)).size).toBe(1);
    expect(stats().misses).toBe(before.misses + 1);
    expect(stats().stored).toBe(before.stored + 1);
    expect(stats().waited).toBe(before.waited + 19);
  });

  it('re-renders a page after a change; one that came out the same keeps its ETag, so a browser gets 304', async () => {
    const url = '/xxgk/fdzdgknr?org=vil';
    const page = await get(url);
    await get('/xxgk/');
    const before = stats();
    // A publication by another unit: the village's list is unchanged, the column's newest list is not.
    await publishedDocument(app, world.fixture, {
      org: 'civ',
      editor: 'civ.editor',
      reviewer: 'civ.reviewer',
      content: { title: '测试区民政局关于缓存重新生成检验的通知' },
    });
    const again = await get(url, { 'if-none-match': page.headers.etag as string });
    expect(again.statusCode).toBe(304);
    expect(stats().frontHits).toBe(before.frontHits);
    expect(stats().renderedSame).toBe(before.renderedSame + 1);
    // Kept again at the new version: the next requests are answered at the front door.
    expect((await get(url)).headers['last-modified']).toBe(page.headers['last-modified']);
    expect(stats().frontHits).toBe(before.frontHits + 1);
    const column = await get('/xxgk/');
    expect(column.body).toContain('测试区民政局关于缓存重新生成检验的通知');
  });
});
