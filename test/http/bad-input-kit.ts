import type { FastifyInstance } from 'fastify';
import type { TestApp } from '../app.ts';
import { sampleContent, seedFixture } from '../fixtures.ts';
import { multipart, tokenFor } from './http-kit.ts';

/**
 * What the bad-input suites (`bad-input-*.test.ts`) share: wrong input from people and programs is
 * always answered with a 4xx with a stable code and a Chinese message, never a 500. Every suite
 * makes its own app with `BAD_INPUT_APP_OPTIONS`, seeds it with `seedBadInput` and creates one
 * draft through the API with `createFirstDraft`.
 */

/** The message of a 文号 the rules refuse. */
export const DOC_NUMBER_MESSAGE = '文号格式不正确';

/** An id of the right shape that no record has. */
export const UNKNOWN_ID = '0000000000000000';

/** How every bad-input suite's app is made: a fixed clock, uploads limited to 1 MB. */
export const BAD_INPUT_APP_OPTIONS = { now: '2026-03-02T02:00:00Z', env: { GONGKAI_MAX_UPLOAD_MB: '1' } };

/** Bytes that start like a Windows executable ("MZ" header) but are named like a PDF. */
export function windowsExecutable(): Buffer {
  const bytes = Buffer.alloc(1024);
  bytes.write('MZ', 0, 'latin1');
  bytes.writeUInt32LE(0x80, 0x3c);
  bytes.write('PE\0\0', 0x80, 'latin1');
  bytes.writeUInt16LE(0x14c, 0x84);
  return bytes;
}

/** Seeds an editor and a reviewer of the education bureau; returns the editor's token and the bureau's id. */
export async function seedBadInput(app: TestApp): Promise<{ token: string; eduId: string }> {
  const fixture = await seedFixture(app, [
    { role: 'editor', org: 'edu' },
    { role: 'reviewer', org: 'edu' },
  ]);
  const token = await tokenFor(app, 'edu.editor');
  return { token, eduId: fixture.orgs.get('edu')!.id };
}

/** Creates the draft the suites send their uploads and actions to (sample content) through the API; returns its edition id. */
export async function createFirstDraft(server: FastifyInstance, token: string, eduId: string): Promise<string> {
  const created = await server.inject({
    method: 'POST',
    url: '/api/v1/staff/documents',
    headers: { authorization: `Bearer ${token}` },
    payload: { ...sampleContent(), orgId: eduId },
  });
  return created.json<{ editionId: string }>().editionId;
}

/**
 * The editor's requests to the staff API, for a suite whose server, token and first draft are set
 * in its `beforeAll` (hence read through `current` at the time of the call).
 */
export function badInputClient(current: () => { server: FastifyInstance; token: string; editionId: string }) {
  /** The editor's bearer token as a header. */
  const auth = () => ({ authorization: `Bearer ${current().token}` });
  /** Posts a new document's draft with any payload. */
  const createDraft = (payload: unknown) =>
    current().server.inject({
      method: 'POST',
      url: '/api/v1/staff/documents',
      headers: auth(),
      payload: payload as object,
    });
  /** Uploads one file as the multipart field `file`, to the first draft unless told otherwise. */
  const upload = (
    fileName: string,
    bytes: Buffer,
    url = `/api/v1/staff/editions/${current().editionId}/attachments`,
  ) => {
    const body = multipart({}, [{ field: 'file', fileName, bytes }]);
    return current().server.inject({
      method: 'POST',
      url,
      headers: { ...body.headers, ...auth() },
      payload: body.payload,
    });
  };
  return { auth, createDraft, upload };
}
