import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/adapters/db/database.ts';
import { createStores } from '../../src/adapters/db/stores.ts';
import { buildServer } from '../../src/app/server.ts';
import { withdrawEdition } from '../../src/modules/documents/commands/withdraw-edition.ts';
import { publishDueEditions } from '../../src/modules/documents/index.ts';
import { SETTING_KEYS } from '../../src/modules/site/domain/site-settings.ts';
import { createSiteSettingsCache } from '../../src/modules/site/queries/get-site-settings.ts';
import { createTestApp, type TestApp } from '../app.ts';
import { DIALECTS } from '../databases.ts';
import { POSTGRES_URL } from '../environment.ts';
import { publishedDocument } from '../fixtures.ts';
import { signedIn, throughServer } from './http-kit.ts';
import {
  hiddenTitle,
  PUBLIC_SITE_APP_OPTIONS,
  PUBLISHED,
  seedPublicSite,
  type PublicSiteWorld,
} from './public-site-kit.ts';

/**
 * The shared cache of public pages: anonymous visitors get cached pages until the content changes
 * through any instance on the database; staff and per-visitor pages never go through it.
 */
describe.each(DIALECTS)('public page cache on $name', (dialect) => {
  let app: TestApp;
  let world: PublicSiteWorld;
  let one: FastifyInstance;
  let two: FastifyInstance;
  let closeSecond: () => Promise<void>;

  beforeAll(async () => {
    app = await createTestApp(dialect, PUBLIC_SITE_APP_OPTIONS);
    world = await seedPublicSite(app);
    one = await buildServer(app, { logger: false });
    // A second instance: on PostgreSQL its own connection pool, stores and settings cache over the
    // same schema; on SQLite (one in-memory database) its own server, page cache and settings cache.
    let handle = app.database;
    if (dialect.name === 'postgres') {
      handle = openDatabase({ kind: 'postgres', url: POSTGRES_URL!, schema: app.database.schema! });
    }
    const { stores, uow } = createStores(handle, app.clock, app.jobs.senderFor);
    two = await buildServer(
      {
        ...app,
        database: handle,
        stores,
        uow,
        siteSettings: createSiteSettingsCache({ settings: stores.settings, clock: app.clock }),
      },
      { logger: false },
    );
    closeSecond = async () => {
      await two.close();
      if (handle !== app.database) await handle.close();
    };
  });
  afterAll(async () => {
    await closeSecond?.();
    await one?.close();
    await app?.cleanup();
  });

  // As the listening server receives requests: the page cache's front door first, then Fastify.
  const get = (server: FastifyInstance, url: string, headers: Record<string, string> = {}) =>
    throughServer(server, { method: 'GET', url, headers });
  const docUrl = () => `/xxgk/doc/${world.documentIds.get('eduNotice')!}`;

  it('answers a repeated anonymous GET from the cache, the same page with the same strong ETag', async () => {
    const first = await get(one, docUrl());
    expect(first.statusCode).toBe(200);
    const before = one.pageCache.stats();
    const second = await get(one, docUrl());
    expect(one.pageCache.stats().hits).toBe(before.hits + 1);
    // Answered at the front door, before Fastify built a request.
    expect(one.pageCache.stats().frontHits).toBe(before.frontHits + 1);
    // Served as kept: not rendered, hashed or compressed again.
    expect(one.pageCache.stats().stored).toBe(before.stored);
    expect(second.body).toBe(first.body);
    expect(second.headers.etag).toMatch(/^"[A-Za-z0-9_-]{32}"$/);
    expect(second.headers.etag).toBe(first.headers.etag);
    expect(second.headers['last-modified']).toBe(first.headers['last-modified']);
    expect(second.headers['cache-control']).toBe('public, max-age=0, must-revalidate');
    expect(second.headers['content-security-policy']).toBeDefined();
  });

  it('keys a page by its query in any order, not by the order typed', async () => {
    await get(one, '/xxgk/fdzdgknr?org=edu&page=1');
    const before = one.pageCache.stats();
    const swapped = await get(one, '/xxgk/fdzdgknr?page=1&org=edu');
    expect(swapped.statusCode).toBe(200);
    expect(one.pageCache.stats().hits).toBe(before.hits + 1);
  });

  it('answers 304 to a matching If-None-Match or If-Modified-Since, and the page to a stale one', async () => {
    const page = await get(one, docUrl());
    const etag = page.headers.etag as string;
    const matching = await get(one, docUrl(), { 'if-none-match': `"stale", ${etag}` });
    expect(matching.statusCode).toBe(304);
    expect(matching.body).toBe('');
    expect(matching.headers.etag).toBe(etag);
    const stale = await get(one, docUrl(), { 'if-none-match': '"stale"' });
    expect(stale.statusCode).toBe(200);
    expect(stale.body).toBe(page.body);
    const since = await get(one, docUrl(), { 'if-modified-since': page.headers['last-modified'] as string });
    expect(since.statusCode).toBe(304);
    const earlier = new Date(Date.parse(page.headers['last-modified'] as string) - 1000).toUTCString();
    expect((await get(one, docUrl(), { 'if-modified-since': earlier })).statusCode).toBe(200);
  });

  it('sends brotli or gzip as accepted, each decoding to the same HTML, cached or freshly rendered', async () => {
    for (const url of ['/xxgk/', '/xxgk/', docUrl()]) {
      const plain = await get(one, url);
      expect(plain.headers['content-encoding']).toBeUndefined();
      const br = await get(one, url, { 'accept-encoding': 'gzip, deflate, br' });
      expect(br.headers['content-encoding']).toBe('br');
      expect(br.headers.vary).toContain('Accept-Encoding');
      expect(brotliDecompressSync(br.rawPayload).toString('utf8')).toBe(plain.body);
      expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length);
      const gzip = await get(one, url, { 'accept-encoding': 'gzip;q=1, br;q=0' });
      expect(gzip.headers['content-encoding']).toBe('gzip');
      expect(gunzipSync(gzip.rawPayload).toString('utf8')).toBe(plain.body);
    }
  });

  it('shows a publication on the next anonymous request, on this instance and on the other', async () => {
    const title = '测试区教育局关于缓存失效检验的通知';
    for (const server of [one, two]) {
      expect((await get(server, '/xxgk/')).body).not.toContain(title);
      expect((await get(server, '/xxgk/')).body).not.toContain(title);
    }
    await publishedDocument(app, world.fixture, {
      org: 'edu',
      editor: 'edu.editor',
      reviewer: 'edu.reviewer',
      content: { title },
    });
    for (const server of [one, two]) {
      const list = await get(server, '/xxgk/');
      expect(list.body).toContain(title);
    }
  });

  it('shows a withdrawal on the next anonymous request, on both instances, page and list', async () => {
    const edition = await publishedDocument(app, world.fixture, {
      org: 'edu',
      editor: 'edu.editor',
      reviewer: 'edu.reviewer',
      content: { title: '测试区教育局关于即将撤回事项的通知' },
    });
    const url = `/xxgk/doc/${edition.documentId}`;
    for (const server of [one, two]) {
      expect((await get(server, url)).body).not.toContain('该信息已撤回');
      expect((await get(server, url)).body).not.toContain('该信息已撤回');
      expect((await get(server, '/xxgk/fdzdgknr?org=edu')).body).toContain(url);
    }
    await withdrawEdition({
      uow: app.uow,
      clock: app.clock,
      actor: world.fixture.staff('edu.reviewer'),
      editionId: edition.id,
      reason: '内容有误，撤回。',
    });
    for (const server of [one, two]) {
      const page = await get(server, url);
      expect(page.body).toContain('该信息已撤回');
      expect(page.body).toContain('内容有误，撤回。');
      expect((await get(server, '/xxgk/fdzdgknr?org=edu')).body).not.toContain(url);
    }
  });

  it('shows a site settings change made through the other instance on the next anonymous request', async () => {
    const name = '缓存检验区人民政府门户网站';
    for (const server of [one, two]) {
      expect((await get(server, '/')).body).not.toContain(name);
      expect((await get(server, '/')).body).not.toContain(name);
    }
    // Through the second instance's store, without telling the first instance's settings cache.
    const stores = createStores(app.database, app.clock, app.jobs.senderFor).stores;
    await stores.settings.set(SETTING_KEYS.siteName, name, app.clock.now());
    for (const server of [one, two]) {
      expect((await get(server, '/')).body).toContain(name);
      expect((await get(server, docUrl())).body).toContain(name);
    }
  });

  it('never answers a signed-in editor from the cache and never keeps what an editor was sent', async () => {
    const jar = await signedIn(one, 'edu.editor');
    // The editor asks first: nothing is stored for the anonymous visitor after.
    const url = '/xxgk/fdzdgknr?org=civ';
    const before = one.pageCache.stats();
    const asEditor = await throughServer(one, { method: 'GET', url, cookies: jar });
    expect(asEditor.statusCode).toBe(200);
    expect(asEditor.headers['cache-control']).toBe('private, no-cache');
    expect(one.pageCache.stats().stored).toBe(before.stored);
    expect(one.pageCache.stats().hits).toBe(before.hits);
    const anonymous = await get(one, url);
    expect(one.pageCache.stats().hits).toBe(before.hits);
    expect(one.pageCache.stats().stored).toBe(before.stored + 1);
    // Cached for the public now; the editor still gets a page rendered for them.
    expect((await get(one, url)).body).toBe(anonymous.body);
    const hits = one.pageCache.stats().hits;
    const again = await throughServer(one, { method: 'GET', url, cookies: jar });
    expect(again.statusCode).toBe(200);
    expect(one.pageCache.stats().hits).toBe(hits);
    expect(again.headers['cache-control']).toBe('private, no-cache');
  });

  it('never caches the application form, the back office or a download', async () => {
    const before = one.pageCache.stats();
    const forms = [await get(one, '/ysqgk/apply'), await get(one, '/ysqgk/apply')];
    const tokens = forms.map((form) => /name="_csrf" value="([^"]+)"/.exec(form.body)?.[1]);
    expect(tokens[0]).toBeTruthy();
    expect(tokens[1]).not.toBe(tokens[0]);
    for (const form of forms) expect(form.headers.etag).toBeUndefined();
    expect((await get(one, '/admin/login')).headers.etag).toBeUndefined();
    const file = await get(one, `/xxgk/files/${world.eduAttachment.id}`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['cache-control']).toBe('private, max-age=300');
    expect(one.pageCache.stats().stored).toBe(before.stored);
    expect(one.pageCache.stats().hits).toBe(before.hits);
  });

  it('links the stylesheet under a hashed name that browsers may keep for a year', async () => {
    const page = await get(one, '/');
    const href = /<link rel="stylesheet" href="(\/assets\/site\.[0-9a-f]{12}\.css)"/.exec(page.body)?.[1];
    expect(href).toBeDefined();
    const css = await get(one, href!, { 'accept-encoding': 'br' });
    expect(css.statusCode).toBe(200);
    expect(css.headers['content-type']).toMatch(/^text\/css/);
    expect(css.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const plain = await get(one, href!);
    expect(brotliDecompressSync(css.rawPayload).toString('utf8')).toBe(plain.body);
    expect(plain.body).toContain('{');
    expect((await get(one, '/assets/site.000000000000.css')).statusCode).toBe(404);
  });

  it('shows a scheduled publication on the next anonymous request once the job has published it', async () => {
    const { documentId } = world.hidden.get('scheduled')!;
    const url = `/xxgk/doc/${documentId}`;
    for (const server of [one, two]) {
      expect((await get(server, url)).statusCode).toBe(404);
      expect((await get(server, '/xxgk/fdzdgknr?org=edu')).body).not.toContain(hiddenTitle('scheduled'));
    }
    app.clock.set('2026-03-09T01:00:01Z');
    expect(await publishDueEditions({ stores: app.stores, uow: app.uow, clock: app.clock })).toHaveLength(1);
    for (const server of [one, two]) {
      const page = await get(server, url);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain(hiddenTitle('scheduled'));
      expect((await get(server, '/xxgk/fdzdgknr?org=edu')).body).toContain(hiddenTitle('scheduled'));
    }
  });

  it('still shows the published notice everywhere (the cache serves only current content)', async () => {
    for (const server of [one, two]) {
      expect((await get(server, '/xxgk/fdzdgknr?org=edu')).body).toContain(PUBLISHED.eduNotice.title);
    }
  });
});
