import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePdf, makePng } from '../../src/demo/files.ts';
import { createTestApp, createTestServer, type TestApp } from '../app.ts';
import { DIALECTS } from '../databases.ts';
import { sampleContent, seedFixture, type Fixture } from '../fixtures.ts';
import { apiError, csrfFieldOf, HAN, keepCookies, multipart, signedIn, tokenFor, type CookieJar } from './http-kit.ts';

const DOC_NUMBER_MESSAGE = '文号格式不正确';
const UNKNOWN_ID = '0000000000000000';

/** Bytes that start like a Windows executable ("MZ" header) but are named like a PDF. */
function windowsExecutable(): Buffer {
  const bytes = Buffer.alloc(1024);
  bytes.write('MZ', 0, 'latin1');
  bytes.writeUInt32LE(0x80, 0x3c);
  bytes.write('PE\0\0', 0x80, 'latin1');
  bytes.writeUInt16LE(0x14c, 0x84);
  return bytes;
}

/** Wrong input from people and programs: always a 4xx with a stable code and a Chinese message, never a 500. */
describe.each(DIALECTS)('bad input on $name', (dialect) => {
  let app: TestApp;
  let server: FastifyInstance;
  let fixture: Fixture;
  let token: string;
  let eduId: string;
  let editionId: string;
  const auth = () => ({ authorization: `Bearer ${token}` });

  beforeAll(async () => {
    app = await createTestApp(dialect, { now: '2026-03-02T02:00:00Z', env: { GONGKAI_MAX_UPLOAD_MB: '1' } });
    fixture = await seedFixture(app, [
      { role: 'editor', org: 'edu' },
      { role: 'reviewer', org: 'edu' },
    ]);
    token = await tokenFor(app, 'edu.editor');
    eduId = fixture.orgs.get('edu')!.id;
    server = await createTestServer(app);
    const created = await server.inject({
      method: 'POST',
      url: '/api/v1/staff/documents',
      headers: auth(),
      payload: { ...sampleContent(), orgId: eduId },
    });
    editionId = created.json<{ editionId: string }>().editionId;
  });
  afterAll(async () => {
    await server?.close();
    await app?.cleanup();
  });

  const createDraft = (payload: unknown) =>
    server.inject({ method: 'POST', url: '/api/v1/staff/documents', headers: auth(), payload: payload as object });

  const upload = (fileName: string, bytes: Buffer, url = `/api/v1/staff/editions/${editionId}/attachments`) => {
    const body = multipart({}, [{ field: 'file', fileName, bytes }]);
    return server.inject({ method: 'POST', url, headers: { ...body.headers, ...auth() }, payload: body.payload });
  };

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

    it('refuses an upload over GONGKAI_MAX_UPLOAD_MB with 413 upload_too_large and keeps nothing', async () => {
      const pdf = makePdf('big');
      const big = Buffer.concat([pdf, Buffer.alloc(2 * 1024 * 1024 - pdf.length, 0x20)]);
      const response = await upload('大文件.pdf', big);
      expect(response.statusCode).toBe(413);
      expect(apiError(response).code).toBe('upload_too_large');
      expect(await app.stores.documents.attachmentsOf(editionId)).toEqual([]);
    });

    it.each([
      {
        name: 'PNG bytes named .pdf',
        fileName: 'x.pdf',
        bytes: makePng(2, 2, [0, 0, 0]),
        code: 'upload_type_mismatch',
      },
      {
        name: 'a Windows executable named .pdf',
        fileName: 'x.pdf',
        bytes: windowsExecutable(),
        code: 'upload_type_mismatch',
      },
      {
        name: 'plain text named .docx',
        fileName: 'x.docx',
        bytes: Buffer.from('这不是Word文件，只是文字。'),
        code: 'upload_type_mismatch',
      },
      { name: 'a PDF named .png', fileName: 'x.png', bytes: makePdf('x'), code: 'upload_type_mismatch' },
      {
        name: 'a Windows executable named .exe',
        fileName: 'setup.exe',
        bytes: windowsExecutable(),
        code: 'upload_type_not_allowed',
      },
      {
        name: 'an HTML page',
        fileName: 'page.html',
        bytes: Buffer.from('<script>alert(1)</script>'),
        code: 'upload_type_not_allowed',
      },
    ])('refuses $name with 415 $code and keeps nothing', async ({ fileName, bytes, code }) => {
      const response = await upload(fileName, bytes);
      expect(response.statusCode).toBe(415);
      expect(apiError(response).code).toBe(code);
      expect(await app.stores.documents.attachmentsOf(editionId)).toEqual([]);
    });

    it.each([
      {
        name: 'an upload without a file field',
        send: () => {
          const body = multipart({ note: '没有文件' }, []);
          return server.inject({
            method: 'POST',
            url: `/api/v1/staff/editions/${editionId}/attachments`,
            headers: { ...body.headers, ...auth() },
            payload: body.payload,
          });
        },
        status: 400,
        code: 'validation_failed',
      },
      { name: 'an empty file', send: () => upload('空.pdf', Buffer.alloc(0)), status: 400, code: 'validation_failed' },
      {
        name: 'an upload sent as JSON',
        send: () =>
          server.inject({
            method: 'POST',
            url: `/api/v1/staff/editions/${editionId}/attachments`,
            headers: auth(),
            payload: { file: 'x' },
          }),
        status: 415,
        code: 'unsupported_media_type',
      },
    ])('answers $name with $status $code', async ({ send, status, code }) => {
      const response = await send();
      expect(response.statusCode).toBe(status);
      expect(apiError(response).code).toBe(code);
    });

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

    it('answers an attachment upload to an unknown edition with 404', async () => {
      const response = await upload('a.pdf', makePdf('a'), `/api/v1/staff/editions/${UNKNOWN_ID}/attachments`);
      expect(response.statusCode).toBe(404);
      expect(apiError(response).code).toBe('not_found');
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
