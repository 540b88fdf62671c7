import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishEdition, type Edition } from '../../src/modules/documents/index.ts';
import type { TestApp } from '../app.ts';
import { DIALECTS } from '../databases.ts';
import { startPolicySite } from './interpretation-fixtures.ts';
import type { Fixture } from '../fixtures.ts';
import { csrfFieldOf, multipart, type CookieJar } from '../http/http-kit.ts';

/** The first box of an MP4 file (ftyp, brand isom): what the sniffer reads to call it a video. */
const MP4 = Buffer.concat([
  Buffer.from([0, 0, 0, 0x20]),
  Buffer.from('ftypisom'),
  Buffer.from([0, 0, 2, 0]),
  Buffer.from('isomiso2avc1mp41'),
  Buffer.alloc(64),
]);
const VTT = Buffer.from('WEBVTT\n\n00:00.000 --> 00:03.000\n低保标准提高到每人每月1000元。\n');
/** A 1×1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

/**
 * A video interpretation (视频/动漫): the video, its WebVTT captions and its cover uploaded with a
 * description, reviewed like any document, and played on its page with captions on by default.
 */
describe.each(DIALECTS)('video interpretation on $name', (dialect) => {
  let app: TestApp;
  let server: FastifyInstance;
  let fixture: Fixture;
  let editor: CookieJar;
  let policy: Edition;

  beforeAll(async () => {
    ({ app, fixture, policy, server, editor } = await startPolicySite(dialect));
  });
  afterAll(async () => {
    await server.close();
    await app.close();
  });

  const send = async (files: { field: string; fileName: string; bytes: Buffer }[]) => {
    const form = await server.inject({ method: 'GET', url: '/admin/interpretations/new?kind=video', cookies: editor });
    expect(form.statusCode).toBe(200);
    const body = multipart(
      {
        _csrf: csrfFieldOf(form.body),
        kind: 'video',
        orgId: fixture.orgs.get('civ')!.id,
        title: '视频解读：低保新标准',
        policyDocumentId: policy.documentId,
        'video.description': '视频用三分钟介绍低保新标准、申请条件和办理流程。',
      },
      files,
    );
    return server.inject({ method: 'POST', url: '/admin/interpretations', cookies: editor, ...body });
  };

  it('refuses a video without captions, keeping what was typed', async () => {
    const response = await send([
      { field: 'video.video', fileName: '低保.mp4', bytes: MP4 },
      { field: 'video.poster', fileName: '封面.png', bytes: PNG },
    ]);
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('请上传字幕文件（WebVTT，.vtt）');
    expect(response.body).toContain('视频用三分钟介绍低保新标准、申请条件和办理流程。');
  });

  it('refuses captions that are not WebVTT with a clear message', async () => {
    const response = await send([
      { field: 'video.video', fileName: '低保.mp4', bytes: MP4 },
      { field: 'video.captions', fileName: '字幕.vtt', bytes: Buffer.from('1\n00:00:00,000 --> 00:00:03,000\n字幕\n') },
      { field: 'video.poster', fileName: '封面.png', bytes: PNG },
    ]);
    expect(response.statusCode).toBeGreaterThanOrEqual(400);
    expect(response.statusCode).toBeLessThan(500);
    expect(response.body).toMatch(/[\u4e00-\u9fff]/);
  });

  it('publishes a video with captions and a cover, played on its page with captions on', async () => {
    const response = await send([
      { field: 'video.video', fileName: '低保.mp4', bytes: MP4 },
      { field: 'video.captions', fileName: '字幕.vtt', bytes: VTT },
      { field: 'video.poster', fileName: '封面.png', bytes: PNG },
    ]);
    expect(response.statusCode).toBe(303);
    const documentId = /\/admin\/documents\/([\w-]+)/.exec(String(response.headers.location))![1]!;
    const edition = (await app.stores.documents.editionsOf(documentId))[0]!;
    const attachments = await app.stores.documents.attachmentsOf(edition.id);
    expect(attachments.map((a) => [a.fileName, a.mediaType])).toEqual([
      ['低保.mp4', 'video/mp4'],
      ['字幕.vtt', 'text/vtt'],
      ['封面.png', 'image/png'],
    ]);
    await publishEdition({
      uow: app.uow,
      clock: app.clock,
      actor: fixture.staff('civ.reviewer'),
      editionId: edition.id,
    });
    const page = await server.inject({ method: 'GET', url: `/xxgk/doc/${documentId}` });
    expect(page.statusCode).toBe(200);
    const [video, captions, poster] = attachments.map((a) => `/xxgk/files/${a.id}/`);
    expect(page.body).toMatch(new RegExp(`<video controls="" preload="none" poster="${poster}[^"]*"`));
    expect(page.body).toContain(`<source src="${video}`);
    expect(page.body).toMatch(
      new RegExp(`<track kind="captions" src="${captions}[^"]*" srclang="zh-Hans" label="中文字幕" default=""`),
    );
    expect(page.body).toContain('视频用三分钟介绍低保新标准、申请条件和办理流程。');
    const track = await server.inject({
      method: 'GET',
      url: /<track kind="captions" src="([^"]+)"/.exec(page.body)![1]!,
    });
    expect(track.statusCode).toBe(200);
    expect(track.headers['content-type']).toMatch(/^text\/vtt/);
    const policyPage = await server.inject({ method: 'GET', url: `/xxgk/doc/${policy.documentId}` });
    expect(policyPage.body).toContain(
      `<span class="tag">视频/动漫</span> <a href="/xxgk/doc/${documentId}">视频解读：低保新标准</a>`,
    );
  });
});
