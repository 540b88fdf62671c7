import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePdf } from '../../src/demo/files.ts';
import { createTestApp, createTestServer, type TestApp } from '../app.ts';
import { DIALECTS } from '../databases.ts';
import { sampleContent } from '../fixtures.ts';
import {
  BAD_INPUT_APP_OPTIONS,
  createFirstDraft,
  DOC_NUMBER_MESSAGE,
  seedBadInput,
  UNKNOWN_ID,
  windowsExecutable,
} from './bad-input-kit.ts';
import { csrfFieldOf, HAN, keepCookies, multipart, signedIn, type CookieJar } from './http-kit.ts';

/** Wrong input typed into the back office's forms: the form again with every problem at its field, a Chinese page, never a 500. */
describe.each(DIALECTS)('bad input on $name', (dialect) => {
  let app: TestApp;
  let server: FastifyInstance;
  let token: string;
  let eduId: string;
  let editionId: string;

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

  describe('back-office forms', () => {
    let jar: CookieJar;
    let csrf: string;

    beforeAll(async () => {
      jar = await signedIn(server, 'edu.editor');
      const form = await server.inject({ method: 'GET', url: '/admin/documents/new', cookies: jar });
      expect(form.statusCode).toBe(200);
      csrf = csrfFieldOf(form.body);
    });

    const typed = () => ({
      orgId: eduId,
      title: '关于做好春季防汛工作的通知 <第二版>',
      docNumber: '示教发2026年3号',
      issuer: '测试区教育局办公室',
      writtenOn: '2026-02-27',
      publishedOn: '2026-03-02',
      topic: '农业、林业、水利',
      genre: '意见',
      fieldCode: '05',
      keywords: '防汛，安全',
      validity: '有效',
      validityOn: '2026-03-10',
      isNormative: 'on',
      bodyHtml: '各学校：\n请做好汛期安全工作 & 值班安排。',
    });

    const post = (fields: Record<string, string>) =>
      server.inject({ method: 'POST', url: '/admin/documents', cookies: jar, payload: { _csrf: csrf, ...fields } });

    /** The value attribute a text input was rendered with (decoded). */
    function inputValue(html: string, name: string): string | undefined {
      const tag = new RegExp(`<input[^>]*name="${name}"[^>]*>`).exec(html)?.[0];
      const raw = tag && /value="([^"]*)"/.exec(tag)?.[1];
      return raw === undefined ? undefined : decode(raw);
    }
    function selectedOption(html: string, name: string): string | undefined {
      const select = new RegExp(`<select[^>]*name="${name}"[^>]*>([\\s\\S]*?)</select>`).exec(html)?.[1];
      const raw = select && /<option[^>]*value="([^"]*)"[^>]*selected[^>]*>/.exec(select)?.[1];
      return raw === undefined ? undefined : decode(raw);
    }
    function decode(text: string): string {
      return text
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&#39;/g, "'")
        .replace(/&amp;/g, '&');
    }

    it('re-renders the new-document form with 400, the Chinese error at 文号, and everything typed kept', async () => {
      const values = typed();
      const response = await post(values);
      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      const fieldError = /<p class="field-error" id="docNumber-error">([^<]*)<\/p>/.exec(response.body)?.[1];
      expect(fieldError).toContain(DOC_NUMBER_MESSAGE);
      expect(response.body).toMatch(/<input[^>]*name="docNumber"[^>]*aria-describedby="docNumber-error"/);

      for (const name of ['title', 'docNumber', 'issuer', 'writtenOn', 'publishedOn', 'keywords', 'validityOn']) {
        expect(inputValue(response.body, name), name).toBe(values[name as keyof typeof values]);
      }
      for (const name of ['orgId', 'topic', 'genre', 'fieldCode', 'validity']) {
        expect(selectedOption(response.body, name), name).toBe(values[name as keyof typeof values]);
      }
      expect(response.body).toMatch(/<input[^>]*name="isNormative"[^>]*checked/);
      const textarea = /<textarea[^>]*name="bodyHtml"[^>]*>([\s\S]*?)<\/textarea>/.exec(response.body)?.[1];
      expect(decode(textarea ?? '').trim()).toBe(values.bodyHtml);
      // Nothing was saved.
      const list = await server.inject({ method: 'GET', url: '/admin/documents', cookies: jar });
      expect(list.body).not.toContain('关于做好春季防汛工作的通知');
    });

    it('lists every problem of a form at once, each next to its field', async () => {
      const response = await post({ ...typed(), title: '', docNumber: 'abc', writtenOn: '2026-13-01', bodyHtml: '' });
      expect(response.statusCode).toBe(400);
      for (const field of ['title', 'docNumber', 'writtenOn', 'bodyHtml']) {
        expect(response.body, field).toMatch(
          new RegExp(`<p class="field-error" id="${field}-error">[^<]*[\\u4e00-\\u9fa5]`),
        );
      }
      expect(response.body).toContain('class="error-summary"');
    });

    it('saves the same form once the 文号 is right, normalising its brackets', async () => {
      const response = await post({ ...typed(), docNumber: '测教发(2026)12号' });
      expect(response.statusCode).toBe(303);
      const documentId = /^\/admin\/documents\/([0-9a-z]{16})$/.exec(String(response.headers.location))?.[1];
      expect(documentId).toBeDefined();
      const [edition] = await app.stores.documents.editionsOf(documentId!);
      expect(edition!.content).toMatchObject({
        docNumber: '测教发〔2026〕12号',
        title: '关于做好春季防汛工作的通知 <第二版>',
      });
      expect(edition!.content.bodyHtml).toContain('值班安排');
    });

    it.each([
      { url: '/admin/documents?pageSize=abc', status: 400 },
      { url: '/admin/documents?state=bogus', status: 400 },
      { url: `/admin/documents/${UNKNOWN_ID}`, status: 404 },
      { url: '/admin/documents/not-an-id', status: 400 },
      { url: `/admin/editions/${UNKNOWN_ID}/edit`, status: 404 },
      { url: `/admin/attachments/${UNKNOWN_ID}`, status: 404 },
      { url: '/admin/audit?from=2026-13-01', status: 400 },
      { url: '/admin/audit?to=2026-02-30', status: 400 },
    ])('answers GET $url with a $status page in Chinese', async ({ url, status }) => {
      const response = await server.inject({ method: 'GET', url, cookies: jar });
      expect(response.statusCode).toBe(status);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expect(/<p role="alert">([^<]*)<\/p>/.exec(response.body)?.[1]).toMatch(HAN);
    });

    it.each([
      { org: 'edu', listed: true },
      { org: 'civ', listed: false },
      { org: 'nosuchunit', listed: false },
    ])('lists the draft in the back office under ?org=$org only when that unit holds it', async ({ org, listed }) => {
      const response = await server.inject({ method: 'GET', url: `/admin/documents?org=${org}`, cookies: jar });
      expect(response.statusCode).toBe(200);
      expect(response.body.includes(sampleContent().title)).toBe(listed);
    });

    it('answers an oversized upload through the form with 413 and a Chinese page, keeping nothing', async () => {
      const pdf = makePdf('big');
      const body = multipart({ _csrf: csrf }, [
        { field: 'file', fileName: '大文件.pdf', bytes: Buffer.concat([pdf, Buffer.alloc(2 * 1024 * 1024, 0x20)]) },
      ]);
      const response = await server.inject({
        method: 'POST',
        url: `/admin/editions/${editionId}/attachments`,
        cookies: jar,
        headers: body.headers,
        payload: body.payload,
      });
      expect(response.statusCode).toBe(413);
      expect(response.body).toContain('上传的文件超过大小限制');
      expect(await app.stores.documents.attachmentsOf(editionId)).toEqual([]);
    });

    it('refuses a disguised file through the form and tells the editor why on the document page', async () => {
      const body = multipart({ _csrf: csrf }, [{ field: 'file', fileName: 'x.pdf', bytes: windowsExecutable() }]);
      const response = await server.inject({
        method: 'POST',
        url: `/admin/editions/${editionId}/attachments`,
        cookies: jar,
        headers: body.headers,
        payload: body.payload,
      });
      expect(response.statusCode).toBe(303);
      const page = await server.inject({
        method: 'GET',
        url: String(response.headers.location),
        cookies: keepCookies(response, { ...jar }),
      });
      expect(page.body).toContain('文件内容与扩展名不符');
      expect(await app.stores.documents.attachmentsOf(editionId)).toEqual([]);
    });
  });
});
