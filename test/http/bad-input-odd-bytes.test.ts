import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestServer, type TestApp } from '../app.ts';
import { DIALECTS } from '../databases.ts';
import { sampleContent } from '../fixtures.ts';
import { BAD_INPUT_APP_OPTIONS, badInputClient, createFirstDraft, seedBadInput } from './bad-input-kit.ts';
import { apiError, csrfFieldOf, HAN, signedIn } from './http-kit.ts';

/** Odd bytes (NUL characters) and broken bodies, on every database: a 4xx in Chinese, never a 500. */
describe.each(DIALECTS)('bad input on $name', (dialect) => {
  let app: TestApp;
  let server: FastifyInstance;
  let token: string;
  let eduId: string;
  let editionId: string;
  const { auth } = badInputClient(() => ({ server, token, editionId }));

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

  describe('odd bytes and broken bodies', () => {
    it.each([
      { name: 'a search with a NUL character', method: 'GET', url: '/api/v1/documents?q=a%00b', field: 'q' },
      {
        name: 'a title with a NUL character',
        method: 'POST',
        url: '/api/v1/staff/documents',
        payload: { ...sampleContent({ title: '通知\u0000标题' }) },
        field: 'title',
      },
      {
        name: 'a keyword with a NUL character',
        method: 'POST',
        url: '/api/v1/staff/documents',
        payload: { ...sampleContent({ keywords: ['开学', '安\u0000全'] }) },
        field: 'keywords.1',
      },
    ] as const)(
      'answers $name with 400 validation_failed, on every database',
      async ({ method, url, field, ...rest }) => {
        const payload = 'payload' in rest ? { ...rest.payload, orgId: eduId } : undefined;
        const response = await server.inject({ method, url, headers: auth(), ...(payload ? { payload } : {}) });
        expect(response.statusCode).toBe(400);
        const error = apiError(response);
        expect(error.code).toBe('validation_failed');
        expect(error.fields).toEqual([{ field, message: expect.stringMatching(HAN) as unknown }]);
      },
    );

    it('answers a path with a NUL character with 400 path_invalid before routing, on every database', async () => {
      const response = await server.inject({ method: 'GET', url: '/api/v1/orgs/ed%00u', headers: auth() });
      expect(response.statusCode).toBe(400);
      expect(apiError(response).code).toBe('path_invalid');
    });

    it.each(['/xxgk/fdzdgknr?topic=%00', '/xxgk/fdzdgknr?q=%E6%95%99%00', '/xxgk/gkzn?q=%00', '/xxgk/doc/%00'])(
      'answers the public page %s with a 4xx page in Chinese, on every database',
      async (url) => {
        const response = await server.inject({ method: 'GET', url });
        expect(response.statusCode).toBeGreaterThanOrEqual(400);
        expect(response.statusCode).toBeLessThan(500);
        expect(/<p role="alert">([^<]*)<\/p>/.exec(response.body)?.[1]).toMatch(HAN);
      },
    );

    it('answers a sign-in with a NUL in the username with 400, on every database', async () => {
      const response = await server.inject({
        method: 'POST',
        url: '/admin/login',
        payload: { _csrf: 'x', username: 'edu.editor\u0000', password: 'x' },
      });
      expect(response.statusCode).toBe(400);
      expect(response.body).toContain('空字符');
    });

    it.each([
      {
        name: 'a cut-off body',
        body: (csrf: string) =>
          `--x\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrf}\r\n` +
          '--x\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF-1.4',
        type: 'multipart/form-data; boundary=x',
      },
      { name: 'no boundary', body: () => 'garbage', type: 'multipart/form-data' },
      {
        name: 'a boundary longer than allowed',
        body: () => 'x',
        type: `multipart/form-data; boundary=${'b'.repeat(300)}`,
      },
    ])('answers a multipart upload with $name by 400 form_broken, API and form alike', async ({ body, type }) => {
      const api = await server.inject({
        method: 'POST',
        url: `/api/v1/staff/editions/${editionId}/attachments`,
        headers: { ...auth(), 'content-type': type },
        payload: body('unused'),
      });
      expect(api.statusCode).toBe(400);
      expect(apiError(api).code).toBe('form_broken');
      const jar = await signedIn(server, 'edu.editor');
      const page = await server.inject({ method: 'GET', url: '/admin/', cookies: jar });
      const form = await server.inject({
        method: 'POST',
        url: `/admin/editions/${editionId}/attachments`,
        headers: { 'content-type': type },
        cookies: jar,
        payload: body(csrfFieldOf(page.body)),
      });
      expect(form.statusCode).toBe(400);
      expect(form.body).toContain('上传的表单数据不完整或格式不正确');
      expect(await app.stores.documents.attachmentsOf(editionId)).toHaveLength(0);
    });

    it.each([
      { target: '/xxgk/', location: '/xxgk/' },
      { target: '//evil.example/', location: '/' },
      { target: '/%0d%0aSet-Cookie:%20x=1', location: '/' },
      { target: '/xxgk/fdzdgknr?q=%E6%95%99%E8%82%B2', location: '/xxgk/fdzdgknr?q=%E6%95%99%E8%82%B2' },
      { target: encodeURIComponent('/xxgk/fdzdgknr?q=教育'), location: '/xxgk/fdzdgknr?q=%E6%95%99%E8%82%B2' },
    ])('sends the 适老化 switch back to $target only as a safe same-site Location', async ({ target, location }) => {
      const response = await server.inject({ method: 'GET', url: `/a11y?elder=1&return=${target}` });
      expect(response.statusCode).toBe(303);
      expect(response.headers.location).toBe(location);
    });
  });
});
