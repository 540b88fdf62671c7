import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestServer, type TestApp } from '../app.ts';
import { DIALECTS } from '../databases.ts';
import { seedFixture, type Fixture } from '../fixtures.ts';
import { auditTrail, csrfFieldOf, keepCookies, signedIn, type CookieJar, postFromPage } from '../http/http-kit.ts';

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const DRAFT_TEXT = [
  '第一条 为了规范本区养老服务，制定本办法。',
  '第二条 本区设立社区食堂。',
  '第三条 本办法自发布之日起施行。',
];

/**
 * A consultation from draft to adoption report through the real pages: drafting (30 days for a major
 * decision, 暂行条例 Art. 15), publication, comments on a paragraph and on the whole draft with the
 * limits and the escaping, moderation, a new version and its comparison, automatic closing, a
 * disposition for every comment before completing, and the public report with the right counts.
 */
describe.each(DIALECTS)('consultations on $name', (dialect) => {
  let app: TestApp;
  let server: FastifyInstance;
  let fixture: Fixture;
  let officer: CookieJar;
  let id: string;

  beforeAll(async () => {
    app = await createTestApp(dialect, { now: '2026-03-02T02:00:00Z' });
    fixture = await seedFixture(app, [
      { role: 'interaction_officer', org: 'civ' },
      { role: 'interaction_officer', org: 'edu' },
    ]);
    server = await createTestServer(app);
    officer = await signedIn(server, 'civ.interaction_officer');
  });
  afterAll(async () => {
    await server?.close();
    await app?.cleanup();
  });

  const post = (jar: CookieJar, page: string, url: string, fields: [string, string][]) =>
    postFromPage(server, jar, page, url, fields);
  const admin = () => `/admin/participation/consultations/${id}`;
  const comment = async (fields: [string, string][], ip = '203.0.113.7', paragraph?: number) => {
    const jar: CookieJar = {};
    const page = `/hdjl/zjyj/${id}/yijian${paragraph ? `?p=${paragraph}` : ''}`;
    const form = await server.inject({ method: 'GET', url: page, remoteAddress: ip });
    keepCookies(form, jar);
    return server.inject({
      method: 'POST',
      url: `/hdjl/zjyj/${id}/yijian`,
      cookies: jar,
      headers: FORM,
      remoteAddress: ip,
      payload: new URLSearchParams([['_csrf', csrfFieldOf(form.body)], ...fields]).toString(),
    });
  };
  const publicPage = (url: string) => server.inject({ method: 'GET', url });

  it('refuses a major decision open for less than 30 days without a reason, and keeps what was typed', async () => {
    const response = await post(
      officer,
      '/admin/participation/consultations/new',
      '/admin/participation/consultations',
      [
        ['orgId', fixture.orgs.get('civ')!.id],
        ['title', '示范区社区养老服务办法（征求意见稿）'],
        ['major', 'on'],
        ['opensOn', '2026-03-03'],
        ['closesOn', '2026-03-20'],
        ['text', DRAFT_TEXT.join('\n')],
      ],
    );
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('第十五条');
    expect(response.body).toContain('第二条 本区设立社区食堂。');
  });

  it('drafts a consultation that the public cannot see until it is published', async () => {
    const response = await post(
      officer,
      '/admin/participation/consultations/new',
      '/admin/participation/consultations',
      [
        ['orgId', fixture.orgs.get('civ')!.id],
        ['title', '示范区社区养老服务办法（征求意见稿）'],
        ['summary', '为回应老年人就餐需求起草本办法。'],
        ['major', 'on'],
        ['opensOn', '2026-03-03'],
        ['closesOn', '2026-04-01'],
        ['text', DRAFT_TEXT.join('\n\n')],
      ],
    );
    expect(response.statusCode).toBe(303);
    id = /consultations\/([0-9a-z]{16})$/.exec(String(response.headers.location))![1]!;
    expect((await publicPage(`/hdjl/zjyj/${id}`)).statusCode).toBe(404);
    expect((await publicPage('/hdjl/')).body).not.toContain('社区养老服务办法');
    // Another unit's officer does not see it at all.
    const other = await signedIn(server, 'edu.interaction_officer');
    expect((await server.inject({ method: 'GET', url: admin(), cookies: other })).statusCode).toBe(404);
  });

  it('publishes it; before opening the page says so and the form refuses, after opening it takes comments', async () => {
    const published = await post(officer, admin(), `${admin()}/publish`, []);
    expect(published.statusCode).toBe(303);
    const before = await publicPage(`/hdjl/zjyj/${id}`);
    expect(before.statusCode).toBe(200);
    expect(before.body).toContain('即将开始');
    expect((await publicPage('/hdjl/')).body).toContain('社区养老服务办法');
    const early = await server.inject({ method: 'GET', url: `/hdjl/zjyj/${id}/yijian` });
    expect(early.statusCode).toBe(409);
    expect(early.body).toContain('尚未开始');
    // Nothing in the database changes at the opening: the kept page is rendered again by the clock.
    app.clock.set('2026-03-05T02:00:00Z');
    // Sessions end after days away; the officer signs in again.
    officer = await signedIn(server, 'civ.interaction_officer');
    const open = await publicPage(`/hdjl/zjyj/${id}`);
    expect(open.body).toContain('正在征集');
    expect(open.body).toContain(`/hdjl/zjyj/${id}/yijian?p=2`);
  });

  it('takes a comment on a paragraph, shows it escaped and counts it on the paragraph', async () => {
    const form = await server.inject({ method: 'GET', url: `/hdjl/zjyj/${id}/yijian?p=2` });
    expect(form.body).toContain('第二条 本区设立社区食堂。');
    const response = await comment([
      ['paragraph', '2'],
      ['body', '建议社区食堂对80岁以上老人减免餐费。<script>alert(1)</script>'],
      ['name', '王小明'],
    ]);
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('意见已提交');
    const page = await publicPage(`/hdjl/zjyj/${id}`);
    expect(page.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page.body).not.toContain('<script>alert(1)');
    expect(page.body).toContain('王**');
    expect(page.body).not.toContain('王小明');
    expect(page.body).toContain('本段意见 1 条');
    expect(page.body).toContain('对第2段');
  });

  it.each<[string, [string, string][], number, string]>([
    ['an empty comment', [['body', '   ']], 400, '请填写您的意见'],
    ['an oversized comment', [['body', '长'.repeat(2001)]], 400, '不能超过2000个字'],
    [
      'an unknown paragraph',
      [
        ['body', '好'],
        ['paragraph', '99'],
      ],
      400,
      '段落不存在',
    ],
    [
      'a paragraph that is not a number',
      [
        ['body', '好的建议'],
        ['paragraph', 'abc'],
      ],
      400,
      '段落编号不正确',
    ],
  ])('answers %s with a Chinese message and keeps the text', async (_name, fields, status, words) => {
    const response = await comment(fields, '198.51.100.20');
    expect(response.statusCode).toBe(status);
    expect(response.body).toContain(words);
    const typed = fields.find(([name]) => name === 'body')![1];
    if (typed.trim() !== '' && typed.length < 100) expect(response.body).toContain(typed);
  });

  it('limits one address to 5 comments in 10 minutes, and shows the refused text again', async () => {
    const statuses: number[] = [];
    for (let i = 1; i <= 5; i++)
      statuses.push((await comment([['body', `第${i}条意见：建议增加助餐点。`]], '198.51.100.9')).statusCode);
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
    const refused = await comment([['body', '第6条意见：被限制的内容。']], '198.51.100.9');
    expect(refused.statusCode).toBe(429);
    expect(refused.body).toContain('过于频繁');
    expect(refused.body).toContain('第6条意见：被限制的内容。');
    // Another address is not affected.
    expect((await comment([['body', '对草案整体：赞成。']], '198.51.100.10')).statusCode).toBe(200);
  });

  it('hides a comment with a reason; the public sees the count of hidden comments', async () => {
    const comments = await app.stores.consultations.comments(id);
    const spam = comments.find((c) => c.body.includes('第5条意见'))!;
    const missing = await post(officer, admin(), `${admin()}/moderate`, [
      ['commentId', spam.id],
      ['hide', '1'],
      ['reason', ''],
    ]);
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('隐藏这条意见的理由');
    const hidden = await post(officer, admin(), `${admin()}/moderate`, [
      ['commentId', spam.id],
      ['hide', '1'],
      ['reason', '重复提交'],
    ]);
    expect(hidden.statusCode).toBe(303);
    const page = await publicPage(`/hdjl/zjyj/${id}`);
    expect(page.body).toContain('1 条因违反留言规则未显示');
    expect(page.body).not.toContain('第5条意见');
    expect(await auditTrail(app, { entityType: 'consultation_comment', entityId: spam.id })).toEqual([
      'comment.submitted',
      'comment.hidden',
    ]);
  });

  it('shows the comments on one paragraph, or on the whole draft, from the count under each paragraph', async () => {
    const comments = (await app.stores.consultations.comments(id)).filter((c) => c.state === 'shown');
    const onSecond = comments.filter((c) => c.paragraph === 2);
    const whole = comments.filter((c) => c.paragraph === null);
    expect(onSecond.length).toBeGreaterThan(0);
    const page = await publicPage(`/hdjl/zjyj/${id}`);
    expect(page.body).toContain(`<a href="/hdjl/zjyj/${id}?p=2#comments">本段意见 ${onSecond.length} 条</a>`);
    const second = await publicPage(`/hdjl/zjyj/${id}?p=2`);
    expect(second.body).toContain(`对第2段的意见（${onSecond.length}条）`);
    expect(second.body).toContain(`查看全部意见（${comments.length}条）`);
    expect(second.body.match(/class="comment"/g)).toHaveLength(onSecond.length);
    const draft = await publicPage(`/hdjl/zjyj/${id}?p=0`);
    expect(draft.body).toContain(`对草案整体的意见（${whole.length}条）`);
    expect(draft.body.match(/class="comment"/g) ?? []).toHaveLength(whole.length);
    const beyond = await publicPage(`/hdjl/zjyj/${id}?page=9`);
    expect(beyond.statusCode).toBe(200);
    expect(beyond.body).toContain('这一页没有意见。');
    for (const query of ['p=x', 'p=-1', 'page=0', 'page=abc']) {
      const refused = await publicPage(`/hdjl/zjyj/${id}?${query}`);
      expect(refused.statusCode, query).toBe(400);
      expect(refused.body).toMatch(/页码不正确|段落编号不正确/);
    }
  });

  it('cannot be completed while open', async () => {
    const response = await post(officer, admin(), `${admin()}/complete`, [['finalLink', '/xxgk/']]);
    expect(response.statusCode).toBe(409);
    expect(response.body).toContain('正在征集');
  });

  it('publishes a second version; comments keep their version and the versions compare paragraph by paragraph', async () => {
    const response = await post(officer, admin(), `${admin()}/revise`, [
      [
        'text',
        [
          DRAFT_TEXT[0],
          '第二条 本区设立社区食堂，对80岁以上老人给予餐费补贴。',
          DRAFT_TEXT[2],
          '第四条 新增条款。',
        ].join('\n'),
      ],
      ['note', '吸收公众意见，增加餐费补贴。'],
    ]);
    expect(response.statusCode).toBe(303);
    const page = await publicPage(`/hdjl/zjyj/${id}`);
    expect(page.body).toContain('第2版');
    expect(page.body).toContain('对第2段（第1版）');
    const compare = await publicPage(`/hdjl/zjyj/${id}/bijiao?from=1&to=2`);
    expect(compare.statusCode).toBe(200);
    expect(compare.body).toContain('共 2 处变化');
    expect((await publicPage(`/hdjl/zjyj/${id}/bijiao?from=1&to=9`)).statusCode).toBe(404);
    expect((await publicPage(`/hdjl/zjyj/${id}/bijiao?from=x&to=2`)).statusCode).toBe(400);
    expect((await publicPage(`/hdjl/zjyj/${id}?v=1`)).body).toContain('第1版');
  });

  it('closes by itself at the end of the last day and keeps a late comment on the form', async () => {
    app.clock.set('2026-04-01T15:59:00Z');
    expect((await comment([['body', '最后一分钟的意见。']], '198.51.100.30')).statusCode).toBe(200);
    app.clock.set('2026-04-01T16:00:00Z');
    const late = await comment([['body', '迟到的意见，请仍然参考。']], '198.51.100.31');
    expect(late.statusCode).toBe(409);
    expect(late.body).toContain('已经结束');
    expect(late.body).toContain('迟到的意见，请仍然参考。');
    expect((await publicPage(`/hdjl/zjyj/${id}`)).body).toContain('征集结束，待反馈');
    officer = await signedIn(server, 'civ.interaction_officer');
  });

  it('refuses the report while a comment has no disposition, and a 未采纳 without a reason', async () => {
    const early = await post(officer, admin(), `${admin()}/complete`, [['finalLink', '/xxgk/']]);
    expect(early.statusCode).toBe(400);
    expect(early.body).toMatch(/还有 \d+ 条意见没有反馈处理结果/);
    // The error's link leads to the dispositions form on the same page.
    expect(early.body).toContain('href="#dispositions"');
    expect(early.body).toContain('id="dispositions"');
    const [first] = (await app.stores.consultations.comments(id)).filter((c) => c.state === 'shown');
    const noReason = await post(officer, admin(), `${admin()}/dispositions`, [
      ['ids', first!.id],
      [`disposition.${first!.id}`, 'rejected'],
      [`reason.${first!.id}`, ''],
    ]);
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('须填写理由');
    expect((await app.stores.consultations.comment(first!.id))!.disposition).toBeNull();
    expect((await publicPage(`/hdjl/zjyj/${id}/cnqk`)).statusCode).toBe(404);
  });

  it('gives every comment a disposition, publishes the report with the right counts and completes', async () => {
    const shown = (await app.stores.consultations.comments(id)).filter((c) => c.state === 'shown');
    expect(shown).toHaveLength(7);
    const fields: [string, string][] = [];
    shown.forEach((c, index) => {
      const disposition = index === 0 ? 'adopted' : index === 1 ? 'partly' : 'rejected';
      fields.push(['ids', c.id], [`disposition.${c.id}`, disposition]);
      fields.push([`reason.${c.id}`, disposition === 'adopted' ? '' : '与本办法调整范围无关']);
      fields.push([`group.${c.id}`, index >= 2 && index <= 5 ? '助餐点' : '']);
    });
    expect((await post(officer, admin(), `${admin()}/dispositions`, fields)).statusCode).toBe(303);
    const badLink = await post(officer, admin(), `${admin()}/complete`, [['finalLink', 'javascript:alert(1)']]);
    expect(badLink.statusCode).toBe(400);
    const done = await post(officer, admin(), `${admin()}/complete`, [
      ['finalLink', '/xxgk/'],
      ['reportSummary', '共收到意见7条，采纳1条。'],
    ]);
    expect(done.statusCode).toBe(303);
    const report = await publicPage(`/hdjl/zjyj/${id}/cnqk`);
    expect(report.statusCode).toBe(200);
    const count = (name: string) => new RegExp(`data-count="${name}">(\\d+)<`).exec(report.body)![1];
    expect([
      count('received'),
      count('shown'),
      count('adopted'),
      count('partly'),
      count('rejected'),
      count('hidden'),
    ]).toEqual(['8', '7', '1', '1', '5', '1']);
    expect(report.body).toContain('同类意见 4 条');
    expect(report.body).toContain('与本办法调整范围无关');
    expect(report.body).toContain('href="/xxgk/"');
    expect((await publicPage(`/hdjl/zjyj/${id}`)).body).toContain('查看意见采纳情况');
    expect(await auditTrail(app, { entityType: 'consultation', entityId: id })).toEqual([
      'consultation.drafted',
      'consultation.published',
      'consultation.revised',
      'consultation.completed',
    ]);
    // Completed: nothing more may change.
    expect((await post(officer, admin(), `${admin()}/dispositions`, [])).statusCode).toBe(409);
  });

  it('is readable in the open API with its adoption counts', async () => {
    const list = await publicPage('/api/v1/consultations');
    expect(list.statusCode).toBe(200);
    const items = list.json<{ items: { id: string; phase: string }[] }>().items;
    expect(items.map((c) => [c.id, c.phase])).toContainEqual([id, 'completed']);
    const detail = await publicPage(`/api/v1/consultations/${id}`);
    expect(detail.json()).toMatchObject({
      id,
      comments: 7,
      hiddenComments: 1,
      adoption: { counts: { adopted: 1, partly: 1, rejected: 5 } },
    });
    const unknown = await publicPage('/api/v1/consultations/0123456789abcdef');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json<{ code: string }>().code).toBe('not_found');
  });

  it('shows a long discussion 50 comments a page, oldest first, with page links', async () => {
    const before = (await app.stores.consultations.comments(id)).filter((c) => c.state === 'shown');
    const template = before[0]!;
    for (let n = 1; n <= 60; n++) {
      await app.stores.consultations.insertComment({
        ...template,
        id: `pagedcomment${String(n).padStart(4, '0')}`,
        body: `分页测试意见第${n}条`,
        createdAt: `2026-03-2${n <= 30 ? 0 : 1}T0${Math.floor(n / 10)}:${String(n % 60).padStart(2, '0')}:00.000Z`,
      });
    }
    const total = before.length + 60;
    const first = await publicPage(`/hdjl/zjyj/${id}`);
    expect(first.body).toContain(`公众意见（${total}条）`);
    expect(first.body.match(/class="comment"/g)).toHaveLength(50);
    expect(first.body).toContain(`共 ${total} 条，第 1/2 页`);
    expect(first.body).toContain(`href="/hdjl/zjyj/${id}?page=2#comments"`);
    const second = await publicPage(`/hdjl/zjyj/${id}?page=2`);
    expect(second.body.match(/class="comment"/g)).toHaveLength(total - 50);
    expect(second.body).toContain('分页测试意见第60条');
    expect(second.body).toContain('start="51"');
  });

  it('answers odd ids, versions and pages with 400 or 404 in Chinese, never 500', async () => {
    for (const url of [
      '/hdjl/zjyj/x',
      '/hdjl/zjyj/0123456789abcdef',
      `/hdjl/zjyj/${id}?v=-1`,
      '/hdjl/?page=0',
      `/hdjl/zjyj/${id}/yijian?p=0`,
    ]) {
      const response = await publicPage(url);
      expect([400, 404], url).toContain(response.statusCode);
      expect(response.body).toMatch(/[\u4e00-\u9fa5]/);
    }
  });
});
