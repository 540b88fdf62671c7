import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestServer, type TestApp } from '../app.ts';
import { DIALECTS } from '../databases.ts';
import { seedStaffApi, STAFF_API_APP_OPTIONS, staffApiClient, type StaffEdition } from './staff-api-kit.ts';

const XSS_BODY =
  '<p>正文第一段。</p><script>alert(1)</script><img src=x onerror=alert(1)><a href="javascript:alert(1)">x</a>';

/** Rich text through the staff API: stored and served without scripts, event handlers or javascript: links. */
describe.each(DIALECTS)('staff API on $name', (dialect) => {
  let app: TestApp;
  let server: FastifyInstance;
  let tokens: Record<string, string>;
  let eduId: string;
  const { call, draft, act } = staffApiClient(() => ({ server, tokens, eduId }));

  beforeAll(async () => {
    app = await createTestApp(dialect, STAFF_API_APP_OPTIONS);
    ({ tokens, eduId } = await seedStaffApi(app));
    server = await createTestServer(app);
  });
  afterAll(async () => {
    await server?.close();
    await app?.cleanup();
  });

  describe('rich text', () => {
    it('stores and serves a body without scripts, event handlers or javascript: links', async () => {
      const created = await draft('edu.editor', { title: '含有危险标签的正文', bodyHtml: XSS_BODY });
      const stored = (await app.stores.documents.getEdition(created.editionId))!.content.bodyHtml;
      const staffRead = (
        await call('GET', `/api/v1/staff/editions/${created.editionId}`, 'edu.editor')
      ).json<StaffEdition>();
      for (const html of [created.bodyHtml, stored, staffRead.bodyHtml]) {
        expect(html).toContain('<p>正文第一段。</p>');
        expect(html).not.toMatch(/<script/i);
        expect(html).not.toMatch(/onerror/i);
        expect(html).not.toMatch(/javascript:/i);
        expect(html).not.toContain('alert(1)');
      }

      await act(created.editionId, 'submit', 'edu.editor');
      await act(created.editionId, 'publish', 'edu.reviewer');
      const page = await server.inject({ method: 'GET', url: `/xxgk/doc/${created.documentId}` });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('正文第一段。');
      for (const body of [page.body, (await call('GET', `/api/v1/documents/${created.documentId}`, undefined)).body]) {
        expect(body).not.toMatch(/<script/i);
        expect(body).not.toMatch(/onerror/i);
        expect(body).not.toMatch(/javascript:/i);
        expect(body).not.toContain('alert(1)');
      }
    });
  });
});
