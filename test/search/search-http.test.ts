import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestServer, type TestApp } from '../app.ts';
import { DIALECTS } from '../databases.ts';
import { publishedDocument, seedFixture } from '../fixtures.ts';

/** The search page and `GET /api/v1/search` over real HTTP handling, on each database. */
describe.each(DIALECTS)('search over HTTP on $name', (dialect) => {
  let app: TestApp;
  let server: FastifyInstance;
  let documentId = '';

  beforeAll(async () => {
    app = await createTestApp(dialect);
    const fixture = await seedFixture(app, [
      { role: 'editor', org: 'civ' },
      { role: 'reviewer', org: 'civ' },
    ]);
    const edition = await publishedDocument(app, fixture, {
      org: 'civ',
      editor: 'civ.editor',
      reviewer: 'civ.reviewer',
      content: {
        title: '关于提高城乡<script>低保</script>标准的通知',
        docNumber: '测民发[2026]7号',
        fieldCode: '20',
        bodyHtml: '<p>各镇（街道）：</p><p>自2026年1月起，城乡居民最低生活保障（低保）标准每人每月提高50元。</p>',
      },
    });
    documentId = edition.documentId;
    server = await createTestServer(app);
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    await app?.cleanup();
  });

  it('sends the home page search box to /search', async () => {
    const home = await server.inject({ method: 'GET', url: '/' });
    expect(home.body).toContain('action="/search"');
  });

  it('shows hits with escaped, marked titles and snippets, without JavaScript', async () => {
    const response = await server.inject({ method: 'GET', url: `/search?q=${encodeURIComponent('低保')}&org=civ` });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('共找到 1 条公开信息');
    expect(response.body).toContain(`href="/xxgk/doc/${documentId}"`);
    expect(response.body).toContain('&lt;script&gt;<mark>低保</mark>&lt;/script&gt;');
    expect(response.body).not.toContain('<script>低保');
    expect(response.body).toContain('（<mark>低保</mark>）');
    const none = await server.inject({ method: 'GET', url: `/search?q=${encodeURIComponent('低保')}&org=edu` });
    expect(none.body).toContain('没有找到');
    const empty = await server.inject({ method: 'GET', url: '/search' });
    expect(empty.statusCode).toBe(200);
    expect(empty.body).toContain('name="q"');
  });

  it.each([
    ['保', '请至少输入两个字'],
    ['，。！？', '只有标点'],
    ['政'.repeat(500), '检索词过长'],
  ])('answers %j on the page in Chinese with 400', async (q, message) => {
    const response = await server.inject({ method: 'GET', url: `/search?q=${encodeURIComponent(q)}` });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain(message);
    expect(response.body).toContain('role="alert"');
  });

  it('answers the API with { items, total, totalExact } and 文号 in any bracket form', async () => {
    for (const q of ['测民发〔2026〕7号', '测民发[2026]7号', '测民发(2026)7号']) {
      const response = await server.inject({ method: 'GET', url: `/api/v1/search?q=${encodeURIComponent(q)}` });
      expect(response.statusCode).toBe(200);
      const body = response.json<{ items: { id: string; docNumber: string; field: string }[]; total: number }>();
      expect(body.total).toBe(1);
      expect(body.items[0]).toMatchObject({ id: documentId, docNumber: '测民发〔2026〕7号', field: '20' });
    }
    const filtered = await server.inject({
      method: 'GET',
      url: `/api/v1/search?q=${encodeURIComponent('低保')}&field=24`,
    });
    expect(filtered.json()).toEqual({ items: [], total: 0, totalExact: true, facets: { units: [], fields: [] } });
  });

  it.each([
    [`q=${encodeURIComponent('，。')}`, 'q'],
    [`q=${encodeURIComponent('保')}`, 'q'],
    [`q=${encodeURIComponent('政'.repeat(500))}`, 'q'],
    [`q=${encodeURIComponent('低保')}&org=nowhere`, 'org'],
    [`q=${encodeURIComponent('低保')}&from=2026-13-01`, 'from'],
    [`q=${encodeURIComponent('低保')}&pageSize=999`, 'pageSize'],
    [`q=${encodeURIComponent('低保')}&sort=random`, 'sort'],
  ])('refuses %s on the API with a stable code and the field', async (query, field) => {
    const response = await server.inject({ method: 'GET', url: `/api/v1/search?${query}` });
    expect(response.statusCode).toBe(400);
    const body = response.json<{ code: string; message: string; fields: { field: string; message: string }[] }>();
    expect(body.code).toBe('validation_failed');
    expect(body.fields.map((f) => f.field)).toContain(field);
    expect(body.fields.every((f) => /\p{Script=Han}/u.test(f.message))).toBe(true);
  });

  it('lists the search in the OpenAPI document', async () => {
    const doc = (await server.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json<{
      paths: Record<string, { get?: { parameters?: { name: string }[] } }>;
    }>();
    expect(doc.paths['/api/v1/search']!.get!.parameters!.map((p) => p.name)).toEqual(
      expect.arrayContaining(['q', 'org', 'field', 'genre', 'from', 'to', 'sort', 'page', 'pageSize']),
    );
  });
});
