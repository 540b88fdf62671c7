import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addTranscriptEntry } from '../../src/modules/participation/index.ts';
import { createTestApp, createTestServer, type TestApp } from '../app.ts';
import { DIALECTS } from '../databases.ts';
import { seedFixture, type Fixture } from '../fixtures.ts';
import {
  auditTrail,
  csrfFieldOf,
  keepCookies,
  multipart,
  signedIn,
  type CookieJar,
  postFromPage,
} from '../http/http-kit.ts';

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const LIST = '/admin/participation/interviews';
/** A real 1×1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);
/** The platform's upload limit in these tests (1 MB), smaller than a photo's own 10 MB. */
const MB = 1024 * 1024;

/**
 * Online interviews (在线访谈) through the real pages: an interaction officer schedules one with its
 * guests, publishes it; residents ask (pending until shown, hidden ones counted); the officer goes
 * live, answers a question in the transcript, ends it and adds a photo; the public pages follow,
 * the live page's event stream delivers what is new, and other units' staff cannot touch it.
 */
describe.each(DIALECTS)('online interviews on $name', (dialect) => {
  let app: TestApp;
  let server: FastifyInstance;
  let fixture: Fixture;
  let civ: CookieJar;
  let id: string;
  let firstQuestion: string;

  beforeAll(async () => {
    app = await createTestApp(dialect, { now: '2026-03-02T02:00:00Z', env: { GONGKAI_MAX_UPLOAD_MB: '1' } });
    fixture = await seedFixture(app, [
      { role: 'interaction_officer', org: 'civ' },
      { role: 'interaction_officer', org: 'edu' },
    ]);
    server = await createTestServer(app);
    civ = await signedIn(server, 'civ.interaction_officer');
  });
  afterAll(async () => {
    // fetch keeps an idle connection in its pool, which the listening server would wait for.
    server?.server.closeAllConnections();
    await server?.close();
    await app?.cleanup();
  });

  const post = (jar: CookieJar, page: string, url: string, fields: [string, string][]) =>
    postFromPage(server, jar, page, url, fields);
  const admin = () => `/admin/participation/interviews/${id}`;
  const get = (url: string) => server.inject({ method: 'GET', url });
  const ask = async (fields: [string, string][], ip = '203.0.113.7') => {
    const jar: CookieJar = {};
    const form = await server.inject({ method: 'GET', url: `/hdjl/zxft/${id}/tiwen`, remoteAddress: ip });
    keepCookies(form, jar);
    return server.inject({
      method: 'POST',
      url: `/hdjl/zxft/${id}/tiwen`,
      cookies: jar,
      headers: FORM,
      remoteAddress: ip,
      payload: new URLSearchParams([['_csrf', csrfFieldOf(form.body)], ...fields]).toString(),
    });
  };
  const interviewFields = (overrides: Record<string, string | string[]> = {}): [string, string][] => {
    const fields: Record<string, string | string[]> = {
      orgId: fixture.orgs.get('civ')!.id,
      title: '示范区居家养老服务政策解读',
      summary: '介绍居家养老服务补贴的对象、标准和申请方式（示范）。',
      startsAt: '2026-03-10T09:30',
      endsAt: '2026-03-10T11:00',
      guestTitle: ['示范区民政局局长', '示范区民政局养老服务科科长', ''],
      guestName: ['李示范', '王样例', ''],
      ...overrides,
    };
    return Object.entries(fields).flatMap(([name, value]) =>
      (Array.isArray(value) ? value : [value]).map((v): [string, string] => [name, v]),
    );
  };

  it.each<{ name: string; overrides: Record<string, string | string[]>; message: string }>([
    { name: 'no topic', overrides: { title: ' ' }, message: '请填写访谈主题。' },
    { name: 'an end before the start', overrides: { endsAt: '2026-03-10T08:00' }, message: '应晚于开始时间' },
    { name: 'an impossible date', overrides: { startsAt: '2026-02-30T09:00' }, message: '请填写开始时间' },
    { name: 'no guests', overrides: { guestTitle: [''], guestName: [''] }, message: '请至少填写一位嘉宾' },
    {
      name: 'a guest without a position',
      overrides: { guestTitle: [''], guestName: ['李示范'] },
      message: '每位嘉宾都要填写姓名和职务',
    },
  ])('refuses $name in Chinese and keeps what was typed', async ({ overrides, message }) => {
    const response = await post(civ, `${LIST}/new`, LIST, interviewFields(overrides));
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain(message);
    expect(response.body).toContain('介绍居家养老服务补贴的对象、标准和申请方式（示范）。');
    expect((await app.stores.interviews.list({ orgIds: null, publicOnly: false, limit: 10, offset: 0 })).total).toBe(0);
  });

  it('drafts an interview the public cannot see, then publishes it with questions open', async () => {
    const saved = await post(civ, `${LIST}/new`, LIST, interviewFields());
    expect(saved.statusCode).toBe(303);
    const { items } = await app.stores.interviews.list({ orgIds: null, publicOnly: false, limit: 10, offset: 0 });
    id = items[0]!.id;
    expect(items[0]).toMatchObject({
      state: 'draft',
      startsAt: '2026-03-10T01:30:00.000Z',
      guests: [
        { name: '李示范', title: '示范区民政局局长' },
        { name: '王样例', title: '示范区民政局养老服务科科长' },
      ],
    });
    expect((await get(`/hdjl/zxft/${id}`)).statusCode).toBe(404);
    expect((await get('/hdjl/zxft/')).body).not.toContain('示范区居家养老服务政策解读');
    const published = await post(civ, admin(), `${admin()}/publish`, []);
    expect(published.statusCode).toBe(303);
    const page = await get(`/hdjl/zxft/${id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('示范区民政局局长 李示范');
    expect(page.body).toContain('2026-03-10 09:30 至 11:00');
    expect(page.body).toContain(`href="/hdjl/zxft/${id}/tiwen"`);
    expect(page.body).toContain('>刷新</a>');
    expect(page.body).toMatch(/<script src="\/assets\/interview-live\.[0-9a-f]{12}\.js" defer/);
    const list = await get('/hdjl/zxft/');
    expect(list.body).toContain('访谈预告');
    expect(list.body).toContain(`href="/hdjl/zxft/${id}"`);
    expect((await get('/hdjl/')).body).toContain('href="/hdjl/zxft/"');
  });

  it('takes a question pending until shown, escaped, and keeps a refused one as typed', async () => {
    const taken = await ask([
      ['body', '<script>alert(1)</script>补贴怎么申请？'],
      ['name', '老张'],
    ]);
    expect(taken.statusCode).toBe(200);
    expect(taken.body).toContain('问题已提交，经审核后公开。');
    expect(taken.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;补贴怎么申请？');
    const [question] = await app.stores.interviews.questions(id, ['pending']);
    firstQuestion = question!.id;
    expect((await get(`/hdjl/zxft/${id}`)).body).not.toContain('补贴怎么申请？');
    const tooLong = await ask([['body', `${'问'.repeat(501)}`]]);
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.body).toContain('问题不能超过500个字（现有501个字）。');
    expect(tooLong.body).toContain('问'.repeat(501));
  });

  it('limits questions per address like comments', async () => {
    for (let n = 0; n < 4; n += 1) expect((await ask([['body', `第${n}个问题`]], '198.51.100.9')).statusCode).toBe(200);
    const fifth = await ask([['body', '第五个问题']], '198.51.100.9');
    expect(fifth.statusCode).toBe(200);
    const sixth = await ask([['body', '第六个问题']], '198.51.100.9');
    expect(sixth.statusCode).toBe(429);
    expect(sixth.body).toContain('提问过于频繁');
    expect(sixth.body).toContain('第六个问题');
  });

  it('shows a question publicly and hides another with a reason, counted', async () => {
    const shown = await post(civ, admin(), `${admin()}/moderate`, [
      ['questionId', firstQuestion],
      ['show', '1'],
    ]);
    expect(shown.statusCode).toBe(303);
    const pending = await app.stores.interviews.questions(id, ['pending']);
    const noReason = await post(civ, admin(), `${admin()}/moderate`, [
      ['questionId', pending[0]!.id],
      ['show', '0'],
      ['reason', ' '],
    ]);
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('隐藏问题须说明理由');
    const hidden = await post(civ, admin(), `${admin()}/moderate`, [
      ['questionId', pending[0]!.id],
      ['show', '0'],
      ['reason', '与访谈主题无关'],
    ]);
    expect(hidden.statusCode).toBe(303);
    const page = await get(`/hdjl/zxft/${id}`);
    expect(page.body).toContain('补贴怎么申请？');
    expect(page.body).toContain('另有1个问题因不符合提问须知未公开。');
    expect(page.body).not.toContain('第0个问题');
  });

  it('goes live, answers the shown question in the transcript and marks it answered', async () => {
    expect(
      (
        await post(civ, admin(), `${admin()}/entries`, [
          ['speaker', 'host'],
          ['body', '提前'],
        ])
      ).statusCode,
    ).toBe(409);
    expect((await post(civ, admin(), `${admin()}/go-live`, [])).statusCode).toBe(303);
    const read = await post(civ, admin(), `${admin()}/entries`, [
      ['speaker', 'question'],
      ['questionId', firstQuestion],
      ['body', ''],
    ]);
    expect(read.statusCode).toBe(303);
    const answer = await post(civ, admin(), `${admin()}/entries`, [
      ['speaker', 'guest:0'],
      ['questionId', firstQuestion],
      ['body', '可以到街道社区服务中心申请。'],
    ]);
    expect(answer.statusCode).toBe(303);
    const unknownGuest = await post(civ, admin(), `${admin()}/entries`, [
      ['speaker', 'guest:7'],
      ['body', '内容'],
    ]);
    expect(unknownGuest.statusCode).toBe(400);
    expect(unknownGuest.body).toContain('请选择发言人。');
    const page = await get(`/hdjl/zxft/${id}`);
    expect(page.body).toContain('直播中');
    expect(page.body).toContain('网友提问');
    expect(page.body).toContain('示范区民政局局长 李示范');
    expect(page.body).toContain('可以到街道社区服务中心申请。');
    expect(page.body).toContain('已回答');
    expect((await get('/hdjl/zxft/')).body).toContain('正在直播');
  });

  it('ends the interview, adds a photo with its alt text, and refuses one without', async () => {
    expect((await post(civ, admin(), `${admin()}/end`, [])).statusCode).toBe(303);
    const closed = await get(`/hdjl/zxft/${id}/tiwen`);
    expect(closed.statusCode).toBe(409);
    expect(closed.body).toContain('本期访谈现在不接受提问。');
    const noAlt = await post(civ, admin(), `${admin()}/media`, [
      ['url', '/static/ft.png'],
      ['alt', ''],
    ]);
    expect(noAlt.statusCode).toBe(400);
    expect(noAlt.body).toContain('请填写图片的文字说明');
    const added = await post(civ, admin(), `${admin()}/media`, [
      ['url', 'https://img.example/ft.jpg'],
      ['alt', '李示范局长在访谈现场回答网友提问'],
      ['caption', '访谈现场'],
    ]);
    expect(added.statusCode).toBe(303);
    const page = await get(`/hdjl/zxft/${id}`);
    expect(page.body).toContain('文字实录');
    expect(page.body).toContain('alt="李示范局长在访谈现场回答网友提问"');
    expect(page.body).not.toContain('interview-live.');
    expect((await get('/hdjl/zxft/')).body).toContain('往期回顾');
    expect(await auditTrail(app, { entityType: 'interview', entityId: id })).toEqual([
      'interview.drafted',
      'interview.published',
      'interview.started',
      'interview.entry_added',
      'interview.entry_added',
      'interview.ended',
      'interview.media_added',
    ]);
  });

  /** Posts the media form from the interview's back-office page as a browser does: multipart. */
  const upload = async (fields: Record<string, string>, file?: { fileName: string; bytes: Buffer; type: string }) => {
    const page = await server.inject({ method: 'GET', url: admin(), cookies: civ });
    const body = multipart({ _csrf: csrfFieldOf(page.body), ...fields }, file ? [{ field: 'file', ...file }] : []);
    return server.inject({ method: 'POST', url: `${admin()}/media`, cookies: civ, ...body });
  };

  it.each<{ name: string; file: { fileName: string; bytes: Buffer; type: string }; status: number; says: string }>([
    {
      name: 'a text file renamed .png',
      file: { fileName: '现场.png', bytes: Buffer.from('这不是图片，只是文字。'), type: 'image/png' },
      status: 415,
      says: '只能上传 JPEG、PNG、WebP 或 GIF 格式的照片',
    },
    {
      name: 'a PDF',
      file: { fileName: '现场.jpg', bytes: Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj\n'), type: 'image/jpeg' },
      status: 415,
      says: '只能上传 JPEG、PNG、WebP 或 GIF 格式的照片',
    },
    {
      name: 'a photo over the platform limit',
      file: { fileName: '大.png', bytes: Buffer.concat([PNG, Buffer.alloc(MB)]), type: 'image/png' },
      status: 413,
      says: '照片不能超过 1 MB',
    },
  ])('refuses $name in Chinese, keeping the alt text and caption typed', async ({ file, status, says }) => {
    const before = (await app.stores.interviews.media(id)).length;
    const refused = await upload({ url: '', alt: '访谈现场合影', caption: '三月十日' }, file);
    expect(refused.statusCode).toBe(status);
    expect(refused.body).toContain(says);
    expect(refused.body).toContain('value="访谈现场合影"');
    expect(refused.body).toContain('value="三月十日"');
    expect((await app.stores.interviews.media(id)).length).toBe(before);
  });

  it('uploads a photo, shows it with its alt text and serves its bytes as sniffed', async () => {
    const noAlt = await upload({ alt: '' }, { fileName: 'ft.png', bytes: PNG, type: 'image/png' });
    expect(noAlt.statusCode).toBe(400);
    expect(noAlt.body).toContain('请填写图片的文字说明');
    // The browser's type says JPEG and the name says .jpg: the bytes are a PNG, and so it is served.
    const added = await upload(
      { url: '', alt: '王样例科长介绍补贴申请流程', caption: '上传的现场照片' },
      { fileName: 'ft.jpg', bytes: PNG, type: 'image/jpeg' },
    );
    expect(added.statusCode).toBe(303);
    const media = await app.stores.interviews.media(id);
    const photo = media.find((m) => m.alt === '王样例科长介绍补贴申请流程')!;
    expect(photo.file).toMatchObject({ contentType: 'image/png', sizeBytes: PNG.length });
    expect(photo.url).toBe(`/hdjl/zxft/${id}/tu/${photo.id}`);
    const page = await get(`/hdjl/zxft/${id}`);
    expect(page.body).toContain(`src="/hdjl/zxft/${id}/tu/${photo.id}"`);
    expect(page.body).toContain('alt="王样例科长介绍补贴申请流程"');
    const image = await get(photo.url);
    expect(image.statusCode).toBe(200);
    expect(image.headers['content-type']).toBe('image/png');
    expect(image.headers['x-content-type-options']).toBe('nosniff');
    expect(image.rawPayload.equals(PNG)).toBe(true);
    const { items } = await app.stores.audit.find({ entityType: 'interview', entityId: id }, { offset: 0, limit: 100 });
    const audited = items.find(
      (entry) =>
        entry.action === 'interview.media_added' &&
        (entry.after as { mediaId?: string } | null | undefined)?.mediaId === photo.id,
    );
    expect(audited?.after).toMatchObject({ contentType: 'image/png', sizeBytes: PNG.length });
    // A linked image has no bytes here; another interview's photo or an unknown one does not exist.
    const linked = media.find((m) => m.file === null)!;
    expect((await get(`/hdjl/zxft/${id}/tu/${linked.id}`)).statusCode).toBe(404);
    expect((await get(`/hdjl/zxft/${id}/tu/0123456789abcdef`)).statusCode).toBe(404);
    expect((await get(`/hdjl/zxft/${id}/tu/NOT-AN-ID`)).statusCode).toBe(404);
  });

  it("serves no photo of a draft interview, nor another interview's photo under its path", async () => {
    await post(civ, `${LIST}/new`, LIST, interviewFields({ title: '示范区草稿访谈' }));
    const { items } = await app.stores.interviews.list({ orgIds: null, publicOnly: false, limit: 10, offset: 0 });
    const draft = items.find((i) => i.title === '示范区草稿访谈')!.id;
    const photo = (await app.stores.interviews.media(id)).find((m) => m.file !== null)!;
    // A draft cannot take media through its page: the row is written as a store would, to prove the guard.
    const mediaId = 'd0d0d0d0d0d0d0d0';
    await app.stores.interviews.insertMedia({ ...photo, id: mediaId, interviewId: draft });
    expect((await get(`/hdjl/zxft/${draft}/tu/${mediaId}`)).statusCode).toBe(404);
    expect((await get(`/hdjl/zxft/${draft}/tu/${photo.id}`)).statusCode).toBe(404);
    expect((await get(`/hdjl/zxft/${id}/tu/${mediaId}`)).statusCode).toBe(404);
  });

  it('cancels a scheduled interview only with a reason, shown to the public', async () => {
    await post(civ, `${LIST}/new`, LIST, interviewFields({ title: '示范区停车规划访谈' }));
    const { items } = await app.stores.interviews.list({ orgIds: null, publicOnly: false, limit: 10, offset: 0 });
    const other = items.find((i) => i.title === '示范区停车规划访谈')!.id;
    const path = `/admin/participation/interviews/${other}`;
    await post(civ, path, `${path}/publish`, []);
    const noReason = await post(civ, path, `${path}/cancel`, [['reason', '']]);
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('取消访谈须说明理由。');
    expect((await post(civ, path, `${path}/cancel`, [['reason', '嘉宾临时公务']])).statusCode).toBe(303);
    const page = await get(`/hdjl/zxft/${other}`);
    expect(page.body).toContain('本期访谈已取消。理由：嘉宾临时公务');
    expect((await post(civ, path, `${path}/go-live`, [])).statusCode).toBe(409);
  });

  it('reads public data only through the open API', async () => {
    await post(civ, `${LIST}/new`, LIST, interviewFields({ title: '示范区未发布访谈' }));
    const list = await get('/api/v1/interviews');
    expect(list.statusCode).toBe(200);
    const items = list.json<{ items: { id: string; title: string; state: string }[] }>().items;
    expect(items.map((i) => i.title)).not.toContain('示范区未发布访谈');
    expect(items.find((i) => i.id === id)).toMatchObject({ state: 'ended', title: '示范区居家养老服务政策解读' });
    const one = await get(`/api/v1/interviews/${id}`);
    expect(one.statusCode).toBe(200);
    const body = one.json<{ questions: { body: string }[]; hiddenQuestions: number; transcript: unknown[] }>();
    expect(body.questions.map((q) => q.body)).toEqual(['<script>alert(1)</script>补贴怎么申请？']);
    expect(body.hiddenQuestions).toBe(1);
    expect(body.transcript).toHaveLength(2);
    expect(one.body).not.toContain('senderKey');
    expect(one.body).not.toContain('与访谈主题无关');
    const draft = items.length;
    expect(draft).toBe(2);
    expect((await get('/api/v1/interviews/0123456789abcdef')).statusCode).toBe(404);
  });

  it("keeps another unit's officers out", async () => {
    const edu = await signedIn(server, 'edu.interaction_officer');
    expect((await server.inject({ method: 'GET', url: admin(), cookies: edu })).statusCode).toBe(404);
    expect((await server.inject({ method: 'GET', url: LIST, cookies: edu })).body).not.toContain(
      '示范区居家养老服务政策解读',
    );
    const list = await server.inject({ method: 'GET', url: `${LIST}/new`, cookies: edu });
    const foreign = await server.inject({
      method: 'POST',
      url: `${admin()}/media`,
      cookies: edu,
      headers: FORM,
      payload: new URLSearchParams([
        ['_csrf', csrfFieldOf(list.body)],
        ['url', '/x.png'],
        ['alt', '图'],
      ]).toString(),
    });
    expect(foreign.statusCode).toBe(404);
    const created = await post(edu, `${LIST}/new`, LIST, interviewFields());
    expect(created.statusCode).toBe(403);
  });

  it('answers an odd id with 400 or 404 in Chinese', async () => {
    const bad = await get('/hdjl/zxft/nope');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('访谈编号不正确。');
    expect((await get('/hdjl/zxft/0123456789abcdef')).statusCode).toBe(404);
    expect((await get('/hdjl/zxft/0123456789abcdef/events')).statusCode).toBe(404);
    expect((await get(`/hdjl/zxft/${id}/events?from=-1`)).statusCode).toBe(400);
    // An ended interview's stream sends what the page missed and the final state, then ends.
    const ended = await get(`/hdjl/zxft/${id}/events?from=0`);
    expect(ended.statusCode).toBe(200);
    expect(ended.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    expect(ended.body.match(/event: entry/g)).toHaveLength(2);
    expect(ended.body).toContain('event: question');
    expect(ended.body).toMatch(/event: state\ndata: \{"state":"ended"\}\n\n$/);
  });

  describe('the live page’s event stream', () => {
    let base: string;
    let live: string;
    beforeAll(async () => {
      await server.listen({ port: 0, host: '127.0.0.1' });

      const address = server.server.address();
      base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
      await post(civ, `${LIST}/new`, LIST, interviewFields({ title: '示范区课后服务直播' }));
      const { items } = await app.stores.interviews.list({ orgIds: null, publicOnly: false, limit: 10, offset: 0 });
      live = items.find((i) => i.title === '示范区课后服务直播')!.id;
      const path = `/admin/participation/interviews/${live}`;
      await post(civ, path, `${path}/publish`, []);
      await post(civ, path, `${path}/go-live`, []);
    });

    /** Reads the stream until `text` has come, or fails after `ms`. */
    const readUntil = async (reader: ReadableStreamDefaultReader<Uint8Array>, text: string, ms: number) => {
      const decoder = new TextDecoder();
      let seen = '';
      const deadline = Date.now() + ms;
      while (!seen.includes(text)) {
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`no ${text} within ${ms} ms; got ${seen}`);
        const chunk = await Promise.race([
          reader.read(),
          new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no ${text}; got ${seen}`)), left)),
        ]);
        if (chunk.done) throw new Error(`stream ended before ${text}; got ${seen}`);
        seen += decoder.decode(chunk.value, { stream: true });
      }
      return seen;
    };
    const waitFor = async (check: () => boolean) => {
      for (let n = 0; n < 100 && !check(); n += 1) await new Promise((resolve) => setTimeout(resolve, 20));
      return check();
    };

    it('sends a new entry at once, uncached, and cleans up when the page goes away', async () => {
      const { revision } = (await app.stores.interviews.revision(live))!;
      const abort = new AbortController();
      const response = await fetch(`${base}/hdjl/zxft/${live}/events?from=${revision}`, { signal: abort.signal });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
      expect(response.headers.get('cache-control')).toBe('no-store');
      const reader = response.body!.getReader();
      await readUntil(reader, 'retry: 3000', 2000);
      expect(server.interviewFeed.listeners(live)).toBe(1);
      const path = `/admin/participation/interviews/${live}`;
      await post(civ, path, `${path}/entries`, [
        ['speaker', 'guest:1'],
        ['body', '课后服务<b>不收费</b>。'],
      ]);
      const seen = await readUntil(reader, '不收费', 2000);
      expect(seen).toContain(`id: ${revision + 1}\nevent: entry\n`);
      expect(seen).toContain('"speaker":"示范区民政局养老服务科科长 王样例"');
      expect(seen).toContain('"body":"课后服务<b>不收费</b>。"');
      abort.abort();
      expect(await waitFor(() => server.interviewFeed.listeners(live) === 0)).toBe(true);
    });

    it('sees a change made by another instance through the poll, and resumes from Last-Event-ID', async () => {
      const { revision } = (await app.stores.interviews.revision(live))!;
      const abort = new AbortController();
      const response = await fetch(`${base}/hdjl/zxft/${live}/events?from=0`, {
        signal: abort.signal,
        headers: { 'last-event-id': String(revision) },
      });
      const reader = response.body!.getReader();
      const first = await readUntil(reader, 'retry: 3000', 2000);
      expect(first).not.toContain('event: entry');
      // Written as another instance would: straight to the database, nobody told in this process.
      await addTranscriptEntry({
        uow: app.uow,
        clock: app.clock,
        actor: fixture.staff('civ.interaction_officer'),
        interviewId: live,
        input: { speaker: 'host', body: '感谢各位网友的参与。', questionId: '' },
      });
      const seen = await readUntil(reader, '感谢各位网友的参与。', 6000);
      expect(seen).toContain('"speaker":"主持人"');
      abort.abort();
      expect(await waitFor(() => server.interviewFeed.listeners(live) === 0)).toBe(true);
    });
  });
});
