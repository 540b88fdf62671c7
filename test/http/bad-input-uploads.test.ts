import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePdf, makePng } from '../../src/demo/files.ts';
import { createTestApp, createTestServer, type TestApp } from '../app.ts';
import { DIALECTS } from '../databases.ts';
import {
  BAD_INPUT_APP_OPTIONS,
  badInputClient,
  createFirstDraft,
  seedBadInput,
  UNKNOWN_ID,
  windowsExecutable,
} from './bad-input-kit.ts';
import { apiError, multipart } from './http-kit.ts';

/** Wrong uploads to the staff API: refused with a 4xx with a stable code and a Chinese message, nothing kept. */
describe.each(DIALECTS)('bad input on $name', (dialect) => {
  let app: TestApp;
  let server: FastifyInstance;
  let token: string;
  let eduId: string;
  let editionId: string;
  const { auth, upload } = badInputClient(() => ({ server, token, editionId }));

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

    it('answers an attachment upload to an unknown edition with 404', async () => {
      const response = await upload('a.pdf', makePdf('a'), `/api/v1/staff/editions/${UNKNOWN_ID}/attachments`);
      expect(response.statusCode).toBe(404);
      expect(apiError(response).code).toBe('not_found');
    });
  });
});
