import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Attachment } from '../../src/modules/documents/ports.ts';
import { createTestApp, createTestServer, type TestApp } from '../app.ts';
import { DIALECTS } from '../databases.ts';
import { apiError } from './http-kit.ts';
import {
  getter,
  PUBLIC_SITE_APP_OPTIONS,
  PUBLIC_URL,
  PUBLISHED,
  seedPublicSite,
  type PublishedKey,
} from './public-site-kit.ts';

/** The public JSON API: published documents, units, health and the OpenAPI document. */
describe.each(DIALECTS)('public site and public API on $name', (dialect) => {
  let app: TestApp;
  let server: FastifyInstance;
  let documentIds: Map<PublishedKey, string>;
  let eduAttachment: Attachment;

  beforeAll(async () => {
    app = await createTestApp(dialect, PUBLIC_SITE_APP_OPTIONS);
    ({ documentIds, eduAttachment } = await seedPublicSite(app));
    server = await createTestServer(app);
  });
  afterAll(async () => {
    await server?.close();
    await app?.cleanup();
  });

  const get = getter(() => server);

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
});
