import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestServer, type TestApp } from '../app.ts';
import { DIALECTS } from '../databases.ts';
import { sampleContent } from '../fixtures.ts';
import { BAD_INPUT_APP_OPTIONS, badInputClient, createFirstDraft, seedBadInput, UNKNOWN_ID } from './bad-input-kit.ts';
import { apiError, HAN, tokenFor } from './http-kit.ts';

/** Unknown records, wrong query strings, action bodies and workflow steps on the JSON API: a 4xx in Chinese, never a 500. */
describe.each(DIALECTS)('bad input on $name', (dialect) => {
  let app: TestApp;
  let server: FastifyInstance;
  let token: string;
  let eduId: string;
  let editionId: string;
  const { auth, createDraft } = badInputClient(() => ({ server, token, editionId }));

  beforeAll(async () => {
    app = await createTestApp(dialect, BAD_INPUT_APP_OPTIONS);
    ({ token, eduId } = await seedBadInput(app));
    server = await createTestServer(app);
    editionId = await createFirstDraft(server, token, eduId);
  });
  afterAll(async () => {
    await server?.close();
    await app?.cleanup();
  });

  describe('JSON API', () => {
    it.each([
      { method: 'GET', url: `/api/v1/documents/${UNKNOWN_ID}` },
      { method: 'GET', url: '/api/v1/orgs/nosuchunit' },
      { method: 'GET', url: `/api/v1/staff/editions/${UNKNOWN_ID}` },
      { method: 'PATCH', url: `/api/v1/staff/editions/${UNKNOWN_ID}`, payload: sampleContent() },
      { method: 'DELETE', url: `/api/v1/staff/editions/${UNKNOWN_ID}` },
      { method: 'POST', url: `/api/v1/staff/editions/${UNKNOWN_ID}/submit`, payload: {} },
      { method: 'POST', url: `/api/v1/staff/editions/${UNKNOWN_ID}/publish`, payload: {} },
      { method: 'POST', url: `/api/v1/staff/editions/${UNKNOWN_ID}/withdraw`, payload: { reason: '测试' } },
      { method: 'POST', url: `/api/v1/staff/documents/${UNKNOWN_ID}/editions` },
      { method: 'GET', url: '/api/v1/no-such-endpoint' },
    ] as const)('answers $method $url with a 404 JSON error', async ({ method, url, ...rest }) => {
      const payload = 'payload' in rest ? rest.payload : undefined;
      const response = await server.inject({ method, url, headers: auth(), ...(payload ? { payload } : {}) });
      expect(response.statusCode).toBe(404);
      expect(apiError(response)).toMatchObject({ code: 'not_found' });
    });

    it.each([
      { query: 'pageSize=abc', field: 'pageSize' },
      { query: 'pageSize=0', field: 'pageSize' },
      { query: 'pageSize=1000', field: 'pageSize' },
      { query: 'page=abc', field: 'page' },
      { query: 'page=-1', field: 'page' },
      { query: 'page=1.5', field: 'page' },
      { query: 'field=abc', field: 'field' },
      { query: 'q=a&q=b', field: 'q' },
    ])('answers GET /api/v1/documents?$query with 400 naming $field', async ({ query, field }) => {
      const response = await server.inject({ method: 'GET', url: `/api/v1/documents?${query}` });
      expect(response.statusCode).toBe(400);
      const error = apiError(response);
      expect(error.code).toBe('validation_failed');
      expect(error.fields!.map((f) => f.field)).toEqual([field]);
      expect(error.fields![0]!.message).toMatch(HAN);
    });

    it.each([
      { url: '/api/v1/staff/documents?state=bogus', field: 'state' },
      { url: '/api/v1/staff/documents?mine=yes', field: 'mine' },
      { url: '/api/v1/staff/editions/not-an-id', field: 'id' },
      { url: '/api/v1/documents/not-an-id', field: 'id' },
    ])('answers GET $url with 400 naming $field', async ({ url, field }) => {
      const response = await server.inject({ method: 'GET', url, headers: auth() });
      expect(response.statusCode).toBe(400);
      const error = apiError(response);
      expect(error.code).toBe('validation_failed');
      expect(error.fields!.map((f) => f.field)).toEqual([field]);
    });

    it.each([
      { action: 'schedule', payload: { at: 'tomorrow' }, field: 'at' },
      { action: 'schedule', payload: {}, field: 'at' },
      { action: 'reject', payload: {}, field: 'reason' },
      { action: 'withdraw', payload: { reason: 42 }, field: 'reason' },
      { action: 'force-publish', payload: { reason: 'x'.repeat(1001) }, field: 'reason' },
    ])('answers /$action with $payload by 400 naming $field', async ({ action, payload, field }) => {
      const response = await server.inject({
        method: 'POST',
        url: `/api/v1/staff/editions/${editionId}/${action}`,
        headers: auth(),
        payload,
      });
      expect(response.statusCode).toBe(400);
      const error = apiError(response);
      expect(error.code).toBe('validation_failed');
      expect(error.fields!.map((f) => f.field)).toEqual([field]);
    });

    it('answers a step the workflow does not allow from here with 409 invalid_transition in Chinese', async () => {
      const response = await server.inject({
        method: 'POST',
        url: `/api/v1/staff/editions/${editionId}/withdraw`,
        headers: { authorization: `Bearer ${await tokenFor(app, 'edu.reviewer')}` },
        payload: { reason: '撤回草稿' },
      });
      expect(response.statusCode).toBe(409);
      const error = apiError(response);
      expect(error.code).toBe('invalid_transition');
      expect(error.message).toContain('草稿');
    });

    it('refuses to submit a body with an identity number (422) and says what it found', async () => {
      const created = await createDraft({
        ...sampleContent({ bodyHtml: '<p>联系人身份证号：11010519491231002X。</p>' }),
        orgId: eduId,
      });
      const response = await server.inject({
        method: 'POST',
        url: `/api/v1/staff/editions/${created.json<{ editionId: string }>().editionId}/submit`,
        headers: auth(),
        payload: {},
      });
      expect(response.statusCode).toBe(422);
      expect(apiError(response).code).toBe('sensitive_data_found');
      expect(JSON.stringify(response.json())).toContain('id_card');
      expect(response.body).not.toContain('11010519491231002X');
    });
  });
});
