import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestServer, type TestApp } from '../app.ts';
import { DIALECTS } from '../databases.ts';
import { sampleContent, type Fixture } from '../fixtures.ts';
import { apiError } from './http-kit.ts';
import { seedStaffApi, STAFF_API_APP_OPTIONS, staffApiClient, type StaffEdition } from './staff-api-kit.ts';

/** The staff API keeps every member of staff within their own units: other units' editions are out of reach. */
describe.each(DIALECTS)('staff API on $name', (dialect) => {
  let app: TestApp;
  let server: FastifyInstance;
  let fixture: Fixture;
  let tokens: Record<string, string>;
  let eduId: string;
  const { call, draft, act, submitted } = staffApiClient(() => ({ server, tokens, eduId }));

  beforeAll(async () => {
    app = await createTestApp(dialect, STAFF_API_APP_OPTIONS);
    ({ fixture, tokens, eduId } = await seedStaffApi(app));
    server = await createTestServer(app);
  });
  afterAll(async () => {
    await server?.close();
    await app?.cleanup();
  });

  describe('units', () => {
    it.each([
      { action: 'read it', method: 'GET', path: '', payload: undefined },
      { action: 'edit it', method: 'PATCH', path: '', payload: sampleContent({ title: '越权修改' }) },
      { action: 'submit it', method: 'POST', path: '/submit', payload: {} },
      { action: 'delete it', method: 'DELETE', path: '', payload: undefined },
    ] as const)(
      'an editor of another unit cannot $action: 404, and the edition is unchanged',
      async ({ method, path, payload }) => {
        const edition = await draft('edu.editor', { title: '教育局的草稿' });
        const response = await call(
          method,
          `/api/v1/staff/editions/${edition.editionId}${path}`,
          'civ.editor',
          payload,
        );
        expect([403, 404]).toContain(response.statusCode);
        expect(['not_found', 'out_of_scope', 'forbidden']).toContain(apiError(response).code);
        const after = await app.stores.documents.getEdition(edition.editionId);
        expect(after).toMatchObject({ state: 'draft', content: { title: '教育局的草稿' } });
      },
    );

    it.each([
      { action: 'publish', payload: {} },
      { action: 'reject', payload: { reason: '越权退回' } },
      { action: 'schedule', payload: { at: '2026-03-05T09:00:00+08:00' } },
    ])('a reviewer of another unit cannot $action an edition: 404 and nothing changes', async ({ action, payload }) => {
      const edition = await submitted();
      const response = await act(edition.editionId, action, 'civ.reviewer', payload);
      expect([403, 404]).toContain(response.statusCode);
      expect((await app.stores.documents.getEdition(edition.editionId))!.state).toBe('submitted');
    });

    it('does not create a draft in another unit, and does not list that unit’s documents', async () => {
      const response = await call('POST', '/api/v1/staff/documents', 'civ.editor', {
        ...sampleContent(),
        orgId: eduId,
      });
      expect([403, 404]).toContain(response.statusCode);
      const edu = await draft('edu.editor', { title: '只在教育局可见的草稿' });
      const listed = await call('GET', '/api/v1/staff/documents?pageSize=100', 'civ.editor');
      expect(listed.statusCode).toBe(200);
      expect(listed.json<{ items: StaffEdition[] }>().items.map((i) => i.editionId)).not.toContain(edu.editionId);
      const own = await draft('civ.editor', { title: '民政局草稿' }, fixture.orgs.get('civ')!.id);
      const civList = await call('GET', '/api/v1/staff/documents?pageSize=100', 'civ.editor');
      expect(civList.json<{ items: StaffEdition[] }>().items.map((i) => i.editionId)).toContain(own.editionId);
    });

    it.each([
      { org: 'edu', includesOwn: true },
      { org: 'dist', includesOwn: true },
      { org: 'civ', includesOwn: false },
      { org: 'nosuchunit', includesOwn: false },
    ])('filters the staff list by ?org=$org within the reader’s units', async ({ org, includesOwn }) => {
      const own = await draft('edu.editor', { title: `按单位筛选的草稿（${org}）` });
      const response = await call('GET', `/api/v1/staff/documents?org=${org}&pageSize=100`, 'edu.editor');
      expect(response.statusCode).toBe(200);
      const { items, total } = response.json<{ items: StaffEdition[]; total: number }>();
      expect(items.map((i) => i.editionId).includes(own.editionId)).toBe(includesOwn);
      if (!includesOwn) expect({ items, total }).toEqual({ items: [], total: 0 });
    });

    it('does not start a new edition of another unit’s document', async () => {
      const edition = await submitted();
      await act(edition.editionId, 'publish', 'edu.reviewer');
      const response = await call('POST', `/api/v1/staff/documents/${edition.documentId}/editions`, 'civ.editor');
      expect([403, 404]).toContain(response.statusCode);
      expect(await app.stores.documents.editionsOf(edition.documentId)).toHaveLength(1);
    });
  });
});
