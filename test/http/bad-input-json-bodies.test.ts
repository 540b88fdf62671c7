import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestServer, type TestApp } from '../app.ts';
import { DIALECTS } from '../databases.ts';
import { sampleContent } from '../fixtures.ts';
import {
  BAD_INPUT_APP_OPTIONS,
  badInputClient,
  createFirstDraft,
  seedBadInput,
  DOC_NUMBER_MESSAGE,
  UNKNOWN_ID,
} from './bad-input-kit.ts';
import { apiError, HAN } from './http-kit.ts';

/** Wrong JSON bodies and fields from people and programs: always a 4xx with a stable code and a Chinese message, never a 500. */
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
    it('accepts an action whose body fields are all optional with no body at all', async () => {
      const created = await createDraft({ ...sampleContent({ title: '无请求体提交测试' }), orgId: eduId });
      const id = created.json<{ editionId: string }>().editionId;
      const response = await server.inject({
        method: 'POST',
        url: `/api/v1/staff/editions/${id}/submit`,
        headers: auth(),
      });
      expect(response.statusCode).toBe(200);
      expect(response.json<{ state: string }>().state).toBe('submitted');
    });

    it('answers a JSON body over the 4 MB limit with 413 body_too_large, not an upload message', async () => {
      const response = await createDraft({
        ...sampleContent(),
        orgId: eduId,
        bodyHtml: `<p>${'字'.repeat(1_500_000)}</p>`,
      });
      expect(response.statusCode).toBe(413);
      expect(apiError(response).code).toBe('body_too_large');
      expect(apiError(response).message).toContain('提交的内容过大');
    });

    it.each([
      { name: 'cut-off JSON', body: '{"title": "关于', type: 'application/json' },
      { name: 'not JSON at all', body: 'title=abc', type: 'application/json' },
      { name: 'a trailing brace', body: '{"title": "x"}}', type: 'application/json' },
      { name: 'an empty JSON body', body: '', type: 'application/json' },
      { name: 'no body at all', body: undefined, type: undefined },
    ])('answers $name with 400 malformed_json', async ({ body, type }) => {
      const response = await server.inject({
        method: 'POST',
        url: '/api/v1/staff/documents',
        headers: { ...auth(), ...(type ? { 'content-type': type } : {}) },
        ...(body !== undefined ? { payload: body } : {}),
      });
      expect(response.statusCode).toBe(400);
      expect(apiError(response).code).toBe('malformed_json');
    });

    it.each([
      { type: 'application/xml', body: '<title>abc</title>', status: 415, code: 'unsupported_media_type' },
      { type: 'text/plain', body: 'title=abc', status: 400, code: 'validation_failed' },
      { type: 'application/x-www-form-urlencoded', body: 'title=abc', status: 400, code: 'validation_failed' },
    ])('answers a $type body with $status $code', async ({ type, body, status, code }) => {
      const response = await server.inject({
        method: 'POST',
        url: '/api/v1/staff/documents',
        headers: { ...auth(), 'content-type': type },
        payload: body,
      });
      expect(response.statusCode).toBe(status);
      expect(apiError(response).code).toBe(code);
    });

    it.each(['abc', '示教发2026年3号', '测教发〔2026〕', '〔2026〕3号', '测教发〔2099〕3号', '测教发〔2026〕0号'])(
      'refuses the 文号 %j with 400 validation_failed on docNumber',
      async (docNumber) => {
        const response = await createDraft({ ...sampleContent({ docNumber }), orgId: eduId });
        expect(response.statusCode).toBe(400);
        const error = apiError(response);
        expect(error.code).toBe('validation_failed');
        expect(error.fields).toHaveLength(1);
        expect(error.fields![0]!.field).toBe('docNumber');
        expect(error.fields![0]!.message).toContain(DOC_NUMBER_MESSAGE);
        expect(error.fields![0]!.message).toContain('〔2026〕');
      },
    );

    it.each([
      '测教发[2026]3号',
      '测教发(2026)3号',
      '测教发（2026）3号',
      '测教发【2026】3号',
      ' 测教发 [ 2026 ] 03 号 ',
    ])('normalises the 文号 %j to 测教发〔2026〕3号', async (docNumber) => {
      const response = await createDraft({ ...sampleContent({ docNumber }), orgId: eduId });
      expect(response.statusCode, response.body).toBe(201);
      const { editionId: id, docNumber: saved } = response.json<{ editionId: string; docNumber: string }>();
      expect(saved).toBe('测教发〔2026〕3号');
      expect((await app.stores.documents.getEdition(id))!.content.docNumber).toBe('测教发〔2026〕3号');
    });

    it('lists every missing required field, each with a Chinese message', async () => {
      const response = await createDraft({});
      expect(response.statusCode).toBe(400);
      const error = apiError(response);
      expect(error.code).toBe('validation_failed');
      expect(error.fields!.map((f) => f.field).sort()).toEqual(['bodyHtml', 'genre', 'orgId', 'title', 'topic']);
      for (const field of error.fields!) expect(field.message).toMatch(HAN);
    });

    it('lists every empty or unknown value the rules refuse, each by field', async () => {
      const response = await createDraft({
        orgId: eduId,
        title: '   ',
        issuer: '',
        topic: '不存在的主题',
        genre: '',
        bodyHtml: '<script>x</script>',
        writtenOn: '2026-02-30',
        fieldCode: '99',
      });
      expect(response.statusCode).toBe(400);
      const error = apiError(response);
      expect(error.fields!.map((f) => f.field).sort()).toEqual([
        'bodyHtml',
        'fieldCode',
        'genre',
        'title',
        'topic',
        'writtenOn',
      ]);
      for (const field of error.fields!) expect(field.message).toMatch(HAN);
    });

    it.each([
      { name: 'a number for the title', patch: { title: 123 }, field: 'title' },
      { name: 'text for a boolean', patch: { isNormative: 'yes' }, field: 'isNormative' },
      { name: 'an object for keywords', patch: { keywords: { a: 1 } }, field: 'keywords' },
      { name: 'a title too long to store', patch: { title: '长'.repeat(301) }, field: 'title' },
      { name: 'a unit that does not exist', patch: { orgId: UNKNOWN_ID }, field: 'orgId' },
    ])('refuses $name with 400 naming the field', async ({ patch, field }) => {
      const response = await createDraft({ ...sampleContent(), orgId: eduId, ...patch });
      expect(response.statusCode).toBe(400);
      const error = apiError(response);
      expect(error.code).toBe('validation_failed');
      expect(error.fields!.map((f) => f.field)).toContain(field);
    });

    it.each([
      { name: 'a JSON array', body: [] },
      { name: 'a JSON string', body: '"标题"' },
      { name: 'JSON null', body: 'null' },
    ])('refuses $name as a request body with a 4xx', async ({ body }) => {
      const response = await server.inject({
        method: 'POST',
        url: '/api/v1/staff/documents',
        headers: { ...auth(), 'content-type': 'application/json' },
        payload: typeof body === 'string' ? body : JSON.stringify(body),
      });
      expect(response.statusCode).toBe(400);
      expect(['validation_failed', 'malformed_json']).toContain(apiError(response).code);
    });
  });
});
