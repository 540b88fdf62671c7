import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/app/server.ts';
import { createTestApp, type TestApp } from '../app.ts';
import { DIALECTS } from '../databases.ts';
import { signedIn, throughServer } from './http-kit.ts';
import { PUBLIC_SITE_APP_OPTIONS, seedPublicSite } from './public-site-kit.ts';

type Line = { level: number; msg: string; status?: number; method?: string; url?: string; route?: string };

/** One log line per request; successful public reads at debug, so a spike costs little at info. */
describe.each(DIALECTS)('request logging on $name', (dialect) => {
  let app: TestApp;
  let server: FastifyInstance;
  const lines: Line[] = [];

  beforeAll(async () => {
    app = await createTestApp(dialect, {
      ...PUBLIC_SITE_APP_OPTIONS,
      env: { ...PUBLIC_SITE_APP_OPTIONS.env, LOG_LEVEL: 'debug' },
    });
    await seedPublicSite(app);
    server = await buildServer(app, { logStream: { write: (line) => lines.push(JSON.parse(line) as Line) } });
    await server.ready();
  });
  afterAll(async () => {
    await server?.close();
    await app?.cleanup();
  });

  /** The lines about requests (Fastify's own would say "incoming request" and "request completed"). */
  async function logged(send: () => Promise<{ statusCode: number }>): Promise<Line[]> {
    const from = lines.length;
    await send();
    return lines.slice(from).filter((line) => /request/.test(line.msg));
  }

  it('writes one line at debug for a successful public page, cached or not, and for a stylesheet', async () => {
    for (const url of ['/xxgk/', '/xxgk/', '/static/site.css']) {
      const written = await logged(() => server.inject({ method: 'GET', url }));
      expect(written, url).toEqual([expect.objectContaining({ level: 20, msg: 'request', status: 200, url })]);
    }
    expect(lines.some((line) => line.msg === 'incoming request' || line.msg === 'request completed')).toBe(false);
  });

  it('writes one line at debug for a page answered at the page cache front door', async () => {
    await throughServer(server, { method: 'GET', url: '/xxgk/gkzn' });
    const hits = server.pageCache.stats().frontHits;
    const written = await logged(() => throughServer(server, { method: 'GET', url: '/xxgk/gkzn' }));
    expect(server.pageCache.stats().frontHits).toBe(hits + 1);
    expect(written).toEqual([
      expect.objectContaining({ level: 20, msg: 'request', status: 200, url: '/xxgk/gkzn', route: 'page cache' }),
    ]);
  });

  it('writes errors, writes and staff pages at info', async () => {
    const missing = await logged(() => server.inject({ method: 'GET', url: '/no/such/page' }));
    expect(missing).toEqual([expect.objectContaining({ level: 30, status: 404 })]);
    const post = await logged(() => server.inject({ method: 'POST', url: '/ysqgk/track', payload: {} }));
    expect(post).toEqual([expect.objectContaining({ level: 30, method: 'POST' })]);
    const jar = await signedIn(server, 'edu.editor');
    const staff = await logged(() => server.inject({ method: 'GET', url: '/xxgk/', cookies: jar }));
    expect(staff).toEqual([expect.objectContaining({ level: 30, status: 200, route: '/xxgk/' })]);
  });
});
