import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePdf, makePng } from '../../src/demo/files.ts';
import { signLink } from '../../src/platform/signed-links.ts';
import { createTestApp, createTestServer, markAsDemo, type TestApp } from '../app.ts';
import { DIALECTS } from '../databases.ts';
import { seedFixture } from '../fixtures.ts';
import { apiError, csrfFieldOf, HAN, keepCookies, multipart, signedIn, type CookieJar } from '../http/http-kit.ts';
import { windowsExecutable } from '../http/bad-input-kit.ts';

const MB = 1024 * 1024;
const PHONE_TAIL = '8000';

/** A complete application by a natural person (made up), as the form sends it. */
const APPLICATION = {
  agency: 'edu',
  applicantKind: 'natural',
  name: '张示范',
  idType: 'resident_id',
  idNumber: '330106199003071236',
  phone: '13800138000',
  email: '',
  description: '2026年春季学期义务教育阶段学校招生计划',
  form: 'electronic',
  delivery: 'online',
};

type Upload = { field: string; fileName: string; bytes: Buffer; type?: string };

/** A PDF of the given size: a real one, padded with spaces after its end. */
function pdfOf(bytes: number, text = 'x'): Buffer {
  const pdf = makePdf(text);
  return Buffer.concat([pdf, Buffer.alloc(Math.max(0, bytes - pdf.length), 0x20)]);
}

/**
 * The files of a request (条例 Art. 29, 36, 40, 45): attachments with the application, the
 * information released with the reply and downloaded from the tracking page through a signed link,
 * the reply served with its proof before the case is filed, and every file in the case ZIP. A bad
 * file is answered in Chinese with a 4xx and nothing is kept — no request, no row, no file.
 */
describe.each(DIALECTS)('request files on $name', (dialect) => {
  let app: TestApp;
  let server: FastifyInstance;

  beforeAll(async () => {
    app = await createTestApp(dialect, { now: '2026-09-18T02:00:00Z' });
    await seedFixture(app, [
      { role: 'foi_officer', org: 'edu' },
      { role: 'foi_officer', org: 'civ' },
    ]);
    await markAsDemo(app);
    server = await createTestServer(app);
  });
  afterAll(async () => {
    await server?.close();
    await app?.cleanup();
  });

  const count = async (table: 'foi_requests' | 'foi_files') =>
    Number(
      (
        await app.database.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirst()
      )?.n,
    );
  const storedFiles = () => {
    try {
      return readdirSync(join(app.dataDir, 'files'), { recursive: true, withFileTypes: true }).filter((e) => e.isFile())
        .length;
    } catch {
      return 0;
    }
  };
  const snapshot = async () => ({
    requests: await count('foi_requests'),
    files: await count('foi_files'),
    onDisk: storedFiles(),
  });

  /** Opens the form as a browser does and posts it, multipart, with the page's token and cookie. */
  async function postApplication(fields: Record<string, string>, files: Upload[]) {
    const page = await server.inject({ method: 'GET', url: '/ysqgk/apply' });
    const body = multipart({ _csrf: csrfFieldOf(page.body), ...fields }, files);
    return server.inject({
      method: 'POST',
      url: '/ysqgk/apply',
      cookies: keepCookies(page),
      headers: body.headers,
      payload: body.payload,
    });
  }

  async function apply(files: Upload[], fields: Record<string, string> = APPLICATION) {
    const response = await postApplication(fields, files);
    expect(response.statusCode, response.body.slice(0, 600)).toBe(303);
    const code = /\/ysqgk\/receipt\/(YS-[0-9A-Z-]+)$/.exec(String(response.headers.location))![1]!;
    const request = (await app.stores.requests.getByTrackingCode(code))!;
    return { code, request };
  }

  /** Posts one handling step from the request's page, multipart when files come with it. */
  async function step(
    jar: CookieJar,
    requestId: string,
    kind: string,
    fields: Record<string, string>,
    files: Upload[] = [],
  ) {
    const page = await server.inject({ method: 'GET', url: `/admin/ysqgk/${requestId}`, cookies: jar });
    const body = multipart({ _csrf: csrfFieldOf(page.body), ...fields }, files);
    return server.inject({
      method: 'POST',
      url: `/admin/ysqgk/${requestId}/steps/${kind}`,
      cookies: jar,
      headers: body.headers,
      payload: body.payload,
    });
  }

  async function register(jar: CookieJar, requestId: string) {
    const page = await server.inject({ method: 'GET', url: `/admin/ysqgk/${requestId}`, cookies: jar });
    const registered = await server.inject({
      method: 'POST',
      url: `/admin/ysqgk/${requestId}/register`,
      cookies: jar,
      payload: { _csrf: csrfFieldOf(page.body), receivedOn: '2026-09-18' },
    });
    expect(registered.statusCode).toBe(303);
    expect((await step(jar, requestId, 'assign', {})).statusCode).toBe(303);
  }

  async function track(code: string) {
    const page = await server.inject({ method: 'GET', url: '/ysqgk/track' });
    return server.inject({
      method: 'POST',
      url: '/ysqgk/track',
      cookies: keepCookies(page),
      payload: { _csrf: csrfFieldOf(page.body), code, factor: PHONE_TAIL },
    });
  }

  it('keeps the attachments of an application with it, for its unit only, each download audited', async () => {
    const before = await snapshot();
    const scan = makePng(4, 4, [200, 200, 200]);
    const { code, request } = await apply([
      { field: 'attachments', fileName: '身份证复印件.png', bytes: scan, type: 'image/png' },
      { field: 'attachments', fileName: '授权委托书.pdf', bytes: makePdf('authorisation'), type: 'application/pdf' },
    ]);
    expect(await snapshot()).toEqual({
      requests: before.requests + 1,
      files: before.files + 2,
      onDisk: before.onDisk + 2,
    });
    const files = await app.stores.requestFiles.filesOf(request.id);
    expect(files.map((f) => [f.purpose, f.fileName, f.mediaType, f.createdBy])).toEqual([
      ['application', '身份证复印件.png', 'image/png', 'public'],
      ['application', '授权委托书.pdf', 'application/pdf', 'public'],
    ]);
    // The audit log keeps sizes and digests, never the names (an applicant's may name them).
    const submitted = await app.stores.audit.find(
      { action: 'request.submitted', entityId: request.id },
      { offset: 0, limit: 5 },
    );
    expect(JSON.stringify(submitted.items[0])).toContain(files[0]!.sha256);
    expect(JSON.stringify(submitted.items[0])).not.toContain('身份证复印件');

    // The applicant's tracking page names them, with no link.
    const tracked = await track(code);
    expect(tracked.body).toContain('身份证复印件.png、授权委托书.pdf');
    expect(tracked.body).not.toContain(files[0]!.id);

    // The receiving unit's officer downloads them, audited; another unit's officer cannot.
    const officer = await signedIn(server, 'edu.foi_officer');
    const page = await server.inject({ method: 'GET', url: `/admin/ysqgk/${request.id}`, cookies: officer });
    expect(page.body).toContain(`/admin/ysqgk/${request.id}/files/${files[0]!.id}`);
    const download = await server.inject({
      method: 'GET',
      url: `/admin/ysqgk/${request.id}/files/${files[0]!.id}`,
      cookies: officer,
    });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('image/png');
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename*=UTF-8''${encodeURIComponent('身份证复印件.png')}`,
    );
    expect(Buffer.compare(download.rawPayload, scan)).toBe(0);
    const downloads = await app.stores.audit.find(
      { action: 'request.file_downloaded', entityId: request.id },
      { offset: 0, limit: 5 },
    );
    expect(downloads.items).toHaveLength(1);
    const other = await signedIn(server, 'civ.foi_officer');
    const refused = await server.inject({
      method: 'GET',
      url: `/admin/ysqgk/${request.id}/files/${files[0]!.id}`,
      cookies: other,
    });
    expect(refused.statusCode).toBe(404);
    const elsewhere = await apply([]);
    const wrongRequest = await server.inject({
      method: 'GET',
      url: `/admin/ysqgk/${elsewhere.request.id}/files/${files[0]!.id}`,
      cookies: officer,
    });
    expect(wrongRequest.statusCode).toBe(404);
  });

  it('keeps the scan of a posted application that staff enter, and answers a bad one on the intake form', async () => {
    const officer = await signedIn(server, 'edu.foi_officer');
    const intake = async (files: Upload[]) => {
      const page = await server.inject({ method: 'GET', url: '/admin/ysqgk/new', cookies: officer });
      expect(page.body).toContain('enctype="multipart/form-data"');
      const body = multipart(
        { _csrf: csrfFieldOf(page.body), ...APPLICATION, channel: 'post', receivedOn: '2026-09-18' },
        files,
      );
      return server.inject({
        method: 'POST',
        url: '/admin/ysqgk/new',
        cookies: officer,
        headers: body.headers,
        payload: body.payload,
      });
    };
    const before = await snapshot();
    const bad = await intake([{ field: 'attachments', fileName: '来信.pdf', bytes: Buffer.alloc(0) }]);
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('“来信.pdf”是空文件');
    expect(bad.body).toContain('value="张示范"');
    expect(await snapshot()).toEqual(before);
    const good = await intake([{ field: 'attachments', fileName: '来信扫描件.pdf', bytes: makePdf('letter') }]);
    expect(good.statusCode).toBe(303);
    const requestId = String(good.headers.location).split('/').pop()!;
    const [file] = await app.stores.requestFiles.filesOf(requestId);
    expect(file?.fileName).toBe('来信扫描件.pdf');
    expect(file?.createdBy).not.toBe('public');
  });

  it('keeps a file whose name has path parts, invisible characters and Chinese by its clean name', async () => {
    const { request } = await apply([
      { field: 'attachments', fileName: '..\\..\\材料\u202E\u200B 证明.pdf', bytes: makePdf('odd') },
    ]);
    const [file] = await app.stores.requestFiles.filesOf(request.id);
    expect(file?.fileName).toBe('材料 证明.pdf');
  });

  const bigPdf = pdfOf(10 * MB + 512 * 1024);
  it.each([
    {
      label: 'a file over 10 MB',
      files: [{ field: 'attachments', fileName: '扫描件.pdf', bytes: bigPdf }],
      status: 413,
      says: '“扫描件.pdf”超过 10 MB',
    },
    {
      label: 'six files',
      files: Array.from({ length: 6 }, (_, i) => ({
        field: 'attachments',
        fileName: `材料${i + 1}.pdf`,
        bytes: makePdf(`m${i}`),
      })),
      status: 400,
      says: '申请材料最多上传5个文件',
    },
    {
      label: 'a Windows executable',
      files: [{ field: 'attachments', fileName: 'setup.exe', bytes: windowsExecutable() }],
      status: 415,
      says: '“setup.exe”的类型不能上传',
    },
    {
      label: 'an executable named .pdf',
      files: [{ field: 'attachments', fileName: '身份证.pdf', bytes: windowsExecutable() }],
      status: 415,
      says: '“身份证.pdf”的类型不能上传',
    },
    {
      label: 'a PNG named .pdf next to a good file',
      files: [
        { field: 'attachments', fileName: '好.pdf', bytes: makePdf('ok') },
        { field: 'attachments', fileName: '伪装.pdf', bytes: makePng(2, 2, [0, 0, 0]) },
      ],
      status: 415,
      says: '“伪装.pdf”的内容与扩展名不符',
    },
    {
      label: 'an empty file',
      files: [{ field: 'attachments', fileName: '空.pdf', bytes: Buffer.alloc(0) }],
      status: 400,
      says: '“空.pdf”是空文件',
    },
    {
      label: 'an HTML page named with a path',
      files: [
        { field: 'attachments', fileName: '../../etc/页面.html', bytes: Buffer.from('<script>alert(1)</script>') },
      ],
      status: 415,
      says: '“页面.html”的类型不能上传',
    },
  ])(
    'refuses $label on the form with $status, the message beside the field, what was typed kept, nothing stored',
    async ({ files, status, says }) => {
      const before = await snapshot();
      const response = await postApplication(APPLICATION, files);
      expect(response.statusCode).toBe(status);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expect(response.body).toContain(says);
      expect(response.body).toContain('id="attachments-error"');
      expect(response.body).toContain('value="张示范"');
      expect(response.body).toContain('2026年春季学期义务教育阶段学校招生计划');
      expect(response.body).toContain('请改正后重新选择附件');
      expect(await snapshot()).toEqual(before);
    },
  );

  it('lists a file problem together with the application’s own, and stores nothing', async () => {
    const before = await snapshot();
    const response = await postApplication({ ...APPLICATION, idNumber: '330106199003071235', description: '' }, [
      { field: 'attachments', fileName: 'a.exe', bytes: windowsExecutable() },
    ]);
    expect(response.statusCode).toBe(415);
    for (const field of ['idNumber', 'description', 'attachments'])
      expect(response.body).toContain(`id="${field}-error"`);
    expect(await snapshot()).toEqual(before);
  });

  describe('POST /api/v1/foi/applications', () => {
    const post = (payload: string) =>
      server.inject({
        method: 'POST',
        url: '/api/v1/foi/applications',
        headers: { 'content-type': 'application/json' },
        payload,
      });

    it('refuses attachments with 400 on the field, saying where to send them, and stores nothing', async () => {
      const before = await snapshot();
      const response = await post(
        JSON.stringify({ ...APPLICATION, attachments: [{ fileName: 'a.pdf', data: 'JVBERi0=' }] }),
      );
      expect(response.statusCode).toBe(400);
      const error = apiError(response);
      expect(error.code).toBe('validation_failed');
      expect(error.fields?.find((f) => f.field === 'attachments')?.message).toContain('网上申请表单');
      expect(await snapshot()).toEqual(before);
    });

    it('refuses a body over 4 MB with 413 and a Chinese message, and stores nothing', async () => {
      const before = await snapshot();
      const response = await post(JSON.stringify({ ...APPLICATION, purpose: 'x'.repeat(5 * MB) }));
      expect(response.statusCode).toBe(413);
      const error = apiError(response);
      expect(error.code).toBe('body_too_large');
      expect(error.message).toMatch(HAN);
      expect(await snapshot()).toEqual(before);
    });
  });

  it('releases files with the reply, downloaded through a signed link; serves the reply with proof; files the case with every file', async () => {
    const { code, request } = await apply([
      { field: 'attachments', fileName: '身份证.png', bytes: makePng(3, 3, [9, 9, 9]) },
    ]);
    const officer = await signedIn(server, 'edu.foi_officer');
    await register(officer, request.id);

    // A wrong file with the reply: refused with 415, the request still open, nothing kept.
    const before = await snapshot();
    const refused = await step(officer, request.id, 'reply', { on: '2026-09-18', outcome: '3.1', reason: '' }, [
      { field: 'releasedFiles', fileName: '招生计划.pdf', bytes: windowsExecutable() },
    ]);
    expect(refused.statusCode).toBe(415);
    expect(refused.body).toContain('“招生计划.pdf”的类型不能上传');
    expect(refused.body).toContain('请改正后重新选择附件');
    expect((await app.stores.requests.getById(request.id))?.state).toBe('processing');
    expect(await snapshot()).toEqual(before);

    // Released files only with a reply that discloses.
    const notHeld = await step(
      officer,
      request.id,
      'reply',
      { on: '2026-09-18', outcome: '3.4.1', reason: '经检索，本机关未制作该信息。' },
      [{ field: 'releasedFiles', fileName: '招生计划.pdf', bytes: makePdf('plan') }],
    );
    expect(notHeld.statusCode).toBe(400);
    expect(notHeld.body).toContain('只有“予以公开”或“部分公开”的答复才能附上公开的政府信息');
    expect(await snapshot()).toEqual(before);

    const plan = makePdf('enrolment plan 2026');
    const replied = await step(officer, request.id, 'reply', { on: '2026-09-18', outcome: '3.1', reason: '' }, [
      { field: 'releasedFiles', fileName: '2026年招生计划.pdf', bytes: plan },
      { field: 'releasedFiles', fileName: '学区划分.xlsx', bytes: makePdf('not a sheet') },
    ]);
    // One file disguised: the whole reply is refused, nothing kept.
    expect(replied.statusCode).toBe(415);
    expect(await snapshot()).toEqual(before);
    const good = await step(officer, request.id, 'reply', { on: '2026-09-18', outcome: '3.1', reason: '' }, [
      { field: 'releasedFiles', fileName: '2026年招生计划.pdf', bytes: plan },
    ]);
    expect(good.statusCode, good.body.slice(0, 400)).toBe(303);
    const [released] = await app.stores.requestFiles.filesOf(request.id, 'released');
    expect(released?.fileName).toBe('2026年招生计划.pdf');

    // The applicant (online delivery) gets a signed link on the tracking page.
    const tracked = await track(code);
    const href = new RegExp(`href="(/ysqgk/files/${code}/[^"]+/${released!.id})"`).exec(tracked.body)?.[1];
    expect(href).toBeDefined();
    const download = await server.inject({ method: 'GET', url: href! });
    expect(download.statusCode).toBe(200);
    expect(Buffer.compare(download.rawPayload, plan)).toBe(0);
    expect(download.headers['cache-control']).toBe('private, no-store');

    // A forged token, another request's token, an application attachment through the link: not there.
    const [token] = href!.split('/').slice(-2);
    const attachment = (await app.stores.requestFiles.filesOf(request.id, 'application'))[0]!;
    const other = await apply([]);
    const otherToken = signLink(app.secret, `foi-released:${other.request.id}`, new Date('2026-09-18T03:00:00Z'));
    for (const url of [
      `/ysqgk/files/${code}/${token!.slice(0, -2)}xx/${released!.id}`,
      `/ysqgk/files/${code}/${otherToken}/${released!.id}`,
      `/ysqgk/files/${other.code}/${otherToken}/${released!.id}`,
      `/ysqgk/files/${code}/${token!}/${attachment.id}`,
      `/ysqgk/files/${code}/${signLink(app.secret, `foi-letter:${request.id}`, new Date('2026-09-18T03:00:00Z'))}/${released!.id}`,
    ]) {
      const response = await server.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(404);
      expect(response.body).toMatch(HAN);
    }

    // Filing waits for the service of the reply; the delivery is recorded with its proof file.
    expect((await step(officer, request.id, 'archive', { on: '2026-09-18' })).statusCode).toBe(400);
    const noProof = await step(officer, request.id, 'deliver', { on: '2026-09-18', method: 'pickup', proof: '' });
    expect(noProof.statusCode).toBe(400);
    expect(noProof.body).toContain('自行领取须留存凭证');
    const receipt = makePng(5, 5, [1, 2, 3]);
    const delivered = await step(officer, request.id, 'deliver', { on: '2026-09-18', method: 'pickup', proof: '' }, [
      { field: 'proofFiles', fileName: '签收回执.png', bytes: receipt },
    ]);
    expect(delivered.statusCode, delivered.body.slice(0, 400)).toBe(303);
    expect((await app.stores.requests.getById(request.id))?.service).toEqual({
      method: 'pickup',
      on: '2026-09-18',
      proof: '',
    });
    const audit = await app.stores.audit.find(
      { action: 'request.delivered', entityId: request.id },
      { offset: 0, limit: 5 },
    );
    expect(audit.items).toHaveLength(1);
    const afterDelivery = await track(code);
    expect(afterDelivery.body).toContain('答复已送达');
    expect(afterDelivery.body).not.toContain('签收回执.png');
    const staffPage = await server.inject({ method: 'GET', url: `/admin/ysqgk/${request.id}`, cookies: officer });
    expect(staffPage.body).toContain('签收回执.png');
    expect(staffPage.body).toContain('答复已送达');
    expect(staffPage.body).toContain('id="step-archive"');
    expect(staffPage.body).not.toContain('id="step-deliver"');

    // The case ZIP has every file, each with its line in the manifest.
    const zip = await server.inject({ method: 'GET', url: `/admin/ysqgk/${request.id}/case.zip`, cookies: officer });
    expect(zip.statusCode).toBe(200);
    const entries = unzipSync(new Uint8Array(zip.rawPayload));
    expect(
      Object.keys(entries)
        .filter((name) => name.includes('/'))
        .sort(),
    ).toEqual(['6-申请附件/1-身份证.png', '7-公开的政府信息/1-2026年招生计划.pdf', '8-送达凭证/1-签收回执.png']);
    expect(Buffer.compare(Buffer.from(entries['7-公开的政府信息/1-2026年招生计划.pdf']!), plan)).toBe(0);
    expect(Buffer.compare(Buffer.from(entries['8-送达凭证/1-签收回执.png']!), receipt)).toBe(0);
    const manifest = strFromU8(entries['0-文件清单.txt']!);
    expect(manifest).toContain(
      `7-公开的政府信息/1-2026年招生计划.pdf\t公开的政府信息\t${plan.length} 字节\tSHA-256 ${released!.sha256}`,
    );
    expect(manifest.split('\n').filter((line) => line.includes('SHA-256'))).toHaveLength(3);
    expect(strFromU8(entries['3-通知与决定.txt']!)).toContain('送达：自行领取，2026-09-18');
    expect(strFromU8(entries['2-办理过程.txt']!)).toContain('答复已送达');

    expect((await step(officer, request.id, 'archive', { on: '2026-09-18' })).statusCode).toBe(303);
    expect((await app.stores.requests.getById(request.id))?.state).toBe('archived');

    // An hour later the link has expired.
    app.clock.set('2026-09-18T03:00:01Z');
    const expired = await server.inject({ method: 'GET', url: href! });
    expect(expired.statusCode).toBe(404);
    expect(expired.body).toContain('下载链接已失效');
    app.clock.set('2026-09-18T02:00:00Z');
  });

  it('names released files without a link when the applicant asked for them on paper', async () => {
    const { code, request } = await apply([], { ...APPLICATION, form: 'paper', delivery: 'pickup' });
    const officer = await signedIn(server, 'edu.foi_officer');
    await register(officer, request.id);
    const plan = makePdf('paper plan');
    const replied = await step(officer, request.id, 'reply', { on: '2026-09-18', outcome: '3.1', reason: '' }, [
      { field: 'releasedFiles', fileName: '招生计划.pdf', bytes: plan },
    ]);
    expect(replied.statusCode).toBe(303);
    const [released] = await app.stores.requestFiles.filesOf(request.id, 'released');
    const tracked = await track(code);
    expect(tracked.body).toContain('招生计划.pdf');
    expect(tracked.body).toContain('按您选择的获取方式（自行领取）提供');
    expect(tracked.body).not.toContain('/ysqgk/files/');
    const token = signLink(app.secret, `foi-released:${request.id}`, new Date('2026-09-18T03:00:00Z'));
    const direct = await server.inject({ method: 'GET', url: `/ysqgk/files/${code}/${token}/${released!.id}` });
    expect(direct.statusCode).toBe(404);
    // Staff download it all the same.
    const staff = await server.inject({
      method: 'GET',
      url: `/admin/ysqgk/${request.id}/files/${released!.id}`,
      cookies: officer,
    });
    expect(staff.statusCode).toBe(200);
  });
});
