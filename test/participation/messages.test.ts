import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/modules/access/index.ts';
import { setUserEmail } from '../../src/modules/auth/commands/set-user-email.ts';
import { importHolidayNotice } from '../../src/modules/calendar/index.ts';
import { MESSAGE_ALERTS_JOB } from '../../src/modules/participation/index.ts';
import { createTestApp, createTestServer, markAsDemo, type TestApp } from '../app.ts';
import { DIALECTS } from '../databases.ts';
import { seedFixture, type Fixture } from '../fixtures.ts';
import { csrfFieldOf, postAsResident, signedIn, type CookieJar } from '../http/http-kit.ts';
import { startSmtpServer } from '../mail/smtp-kit.ts';

/** The 2026 中秋 and 国庆 holidays with their 调休 working days (Sunday 09-20 and Saturday 10-10 are worked). */
const NOTICE_2026 = JSON.stringify([
  { date: '2026-09-20', isOffDay: false, name: '国庆节、中秋节调休上班' },
  ...['25', '26', '27'].map((d) => ({ date: `2026-09-${d}`, isOffDay: true, name: '中秋节' })),
  ...['01', '02', '03', '04', '05', '06', '07'].map((d) => ({ date: `2026-10-${d}`, isOffDay: true, name: '国庆节' })),
  { date: '2026-10-10', isOffDay: false, name: '国庆节调休上班' },
]);
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

/**
 * Residents' messages (政民互动) through the real pages: writing (with the limits and the escaping),
 * the receipt's code and query password, a transfer that restarts the limit across 中秋, the answer
 * published with the name masked, the rating, a declined message, per-unit statistics, and the
 * alerts sweep through the job queue to a real SMTP server on loopback: the unit's reminder, the
 * district's escalation, the repeated three-month warnings and the breach, each sent once.
 */
describe.each(DIALECTS)('messages on $name', (dialect) => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let app: TestApp;
  let fixture: Fixture;
  let server: FastifyInstance;
  const own: Record<string, { code: string; pin: string; id: string }> = {};

  const sweep = async (isoNow: string) => {
    app.clock.set(isoNow);
    await app.stores.jobs.send(MESSAGE_ALERTS_JOB, {});
    await app.jobs.runner.runDue();
  };

  beforeAll(async () => {
    smtp = await startSmtpServer();
    app = await createTestApp(dialect, {
      now: '2026-09-18T02:00:00Z',
      env: { GONGKAI_SMTP_URL: smtp.url, GONGKAI_PUBLIC_URL: 'https://gk.example.gov.cn' },
    });
    fixture = await seedFixture(app, [
      { role: 'interaction_officer', org: 'edu' },
      { role: 'interaction_officer', org: 'civ' },
      { role: 'interaction_officer', org: 'dist' },
      { role: 'district_admin', org: 'dist' },
    ]);
    await markAsDemo(app);
    const system = systemActor('test');
    for (const username of ['edu.interaction_officer', 'civ.interaction_officer', 'dist.interaction_officer']) {
      await setUserEmail({
        uow: app.uow,
        clock: app.clock,
        actor: system,
        userId: fixture.staff(username).userId,
        email: `${username.replace('.', '-')}@example.gov.cn`,
      });
    }
    await importHolidayNotice({
      uow: app.uow,
      clock: app.clock,
      actor: system,
      fileName: '2026.json',
      text: NOTICE_2026,
    });
    server = await createTestServer(app);
  });
  afterAll(async () => {
    await server?.close();
    await app?.cleanup();
    await smtp?.close();
  });

  /** A resident's form, posted from its own page with the page's token and cookie. */
  const residentPost = (page: string, url: string, fields: [string, string][], ip = '203.0.113.20') =>
    postAsResident(server, page, url, fields, ip);
  const write = (fields: Record<string, string>, ip?: string) =>
    residentPost(
      '/hdjl/liuyan/xie',
      '/hdjl/liuyan/xie',
      Object.entries({
        orgId: fixture.orgs.get('edu')!.id,
        kind: 'consult',
        title: '示范区学校课后服务时间',
        body: '请问示范区小学课后服务到几点结束？',
        name: '示范居民甲',
        contact: '13800138000',
        publicConsent: 'on',
        ...fields,
      }),
      ip,
    );
  const receiptOf = (body: string) => {
    const codes = [...body.matchAll(/class="tracking-code">([^<]+)</g)].map((m) => m[1]!);
    expect(codes).toHaveLength(2);
    return { code: codes[0]!, pin: codes[1]! };
  };
  const staffPost = async (jar: CookieJar, id: string, verb: string, fields: [string, string][]) => {
    const page = await server.inject({ method: 'GET', url: `/admin/participation/messages/${id}`, cookies: jar });
    expect(page.statusCode).toBe(200);
    return server.inject({
      method: 'POST',
      url: `/admin/participation/messages/${id}/${verb}`,
      cookies: jar,
      headers: FORM,
      payload: new URLSearchParams([['_csrf', csrfFieldOf(page.body)], ...fields]).toString(),
    });
  };
  const track = (code: string, pin: string) =>
    residentPost('/hdjl/liuyan/cx', '/hdjl/liuyan/cx', [
      ['code', code],
      ['pin', pin],
    ]);

  it.each<{ name: string; fields: Record<string, string>; message: string }>([
    { name: 'no unit', fields: { orgId: '' }, message: '请选择留言的单位。' },
    { name: 'an unknown kind', fields: { kind: 'petition' }, message: '请选择留言类型' },
    { name: 'no text', fields: { body: ' \u200b ' }, message: '请填写留言内容。' },
    { name: 'an unreadable contact', fields: { contact: '12345' }, message: '联系方式格式不正确' },
    {
      name: 'oversized text',
      fields: { body: '长'.repeat(3001) },
      message: '留言内容不能超过3000个字（现在是3001个字）',
    },
  ])('refuses a message with $name in Chinese, keeping what was typed', async ({ fields, message }) => {
    const response = await write(fields, '198.51.100.1');
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain(message);
    expect(response.body).toContain('示范区学校课后服务时间');
    expect(
      await app.stores.messages.list({ orgIds: null, states: null, publishedOnly: false, limit: 5, offset: 0 }),
    ).toEqual({
      items: [],
      total: 0,
    });
  });

  it('takes a message and gives a tracking code, a query password and the due date across 调休', async () => {
    const response = await write({ body: '请问课后服务<script>alert(1)</script>到几点？' });
    expect(response.statusCode).toBe(200);
    const { code, pin } = receiptOf(response.body);
    expect(code).toMatch(/^LY-[2-9A-Z]{5}-[2-9A-Z]{5}$/);
    expect(pin).toMatch(/^[2-9A-Z]{6}$/);
    // Received Friday 09-18; Sunday 09-20 is a 调休 working day: 09-20, 21, 22, 23, 24.
    expect(response.body).toContain('将在 2026-09-24 前答复');
    const stored = await app.stores.messages.byTrackingCode(code);
    expect(stored).toMatchObject({ state: 'received', receivedOn: '2026-09-18', name: '示范居民甲' });
    // The contact is sealed at rest.
    expect(stored!.contactSealed).not.toContain('13800138000');
    own.a = { code, pin, id: stored!.id };

    const civ = await write(
      { orgId: fixture.orgs.get('civ')!.id, title: '示范区社区食堂开放时间', name: '示范居民乙' },
      '203.0.113.21',
    );
    own.b = { ...receiptOf(civ.body), id: '' };
    own.b.id = (await app.stores.messages.byTrackingCode(own.b.code))!.id;
    const spam = await write({ title: '示范广告', name: '示范居民丙' }, '203.0.113.22');
    own.c = { ...receiptOf(spam.body), id: '' };
    own.c.id = (await app.stores.messages.byTrackingCode(own.c.code))!.id;
  });

  it('limits messages per address, keeping the typed text with the reason', async () => {
    for (let i = 0; i < 2; i++) expect((await write({ title: `示范限流${i}` }, '203.0.113.99')).statusCode).toBe(200);
    expect((await write({ title: '示范限流2' }, '203.0.113.99')).statusCode).toBe(200);
    const refused = await write({ title: '示范限流第四条' }, '203.0.113.99');
    expect(refused.statusCode).toBe(429);
    expect(refused.body).toContain('您提交留言过于频繁');
    expect(refused.body).toContain('示范限流第四条');
  });

  it('opens a message only with its code and query password', async () => {
    const wrong = await track(own.a!.code, 'AAAAAA');
    expect(wrong.statusCode).toBe(404);
    expect(wrong.body).toContain('留言编号或查询码不正确');
    const typed = await track(own.a!.code.toLowerCase().replace(/-/g, ' '), own.a!.pin.toLowerCase());
    expect(typed.statusCode).toBe(200);
    expect(typed.body).toContain('待受理');
    expect(typed.body).toContain('2026-09-24');
    expect(typed.body).not.toContain('<script>alert(1)</script>');
    expect(typed.body).toContain('&lt;script&gt;');
  });

  it('keeps staff to their own units', async () => {
    const civ = await signedIn(server, 'civ.interaction_officer');
    const page = await server.inject({
      method: 'GET',
      url: `/admin/participation/messages/${own.a!.id}`,
      cookies: civ,
    });
    expect(page.statusCode).toBe(403);
    const list = await server.inject({ method: 'GET', url: '/admin/participation/messages', cookies: civ });
    expect(list.body).toContain(own.b!.code);
    expect(list.body).not.toContain(own.a!.code);
    // Nothing unpublished is public.
    expect((await server.inject({ method: 'GET', url: `/hdjl/liuyan/${own.a!.id}` })).statusCode).toBe(404);
  });

  it('transfers with a reason on 09-21: the civil affairs bureau has until 09-29 (中秋 skipped)', async () => {
    app.clock.set('2026-09-21T02:00:00Z');
    const edu = await signedIn(server, 'edu.interaction_officer');
    const noReason = await staffPost(edu, own.a!.id, 'transfer', [
      ['toOrgId', fixture.orgs.get('civ')!.id],
      ['reason', ''],
    ]);
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('请填写理由。');
    const moved = await staffPost(edu, own.a!.id, 'transfer', [
      ['toOrgId', fixture.orgs.get('civ')!.id],
      ['reason', '课后服务由民政局牵头（示范）'],
    ]);
    expect(moved.statusCode).toBe(303);
    expect(moved.headers.location).toBe('/admin/participation/messages');
    const resident = await track(own.a!.code, own.a!.pin);
    expect(resident.body).toContain('课后服务由民政局牵头（示范）');
    // From 09-21: 22, 23, 24, then 中秋 25–27 off, 28, 29.
    expect(resident.body).toContain('2026-09-29');
  });

  it('declines a spam message with the reason the resident reads', async () => {
    const edu = await signedIn(server, 'edu.interaction_officer');
    const declined = await staffPost(edu, own.c!.id, 'decline', [['reason', '内容为广告（示范）']]);
    expect(declined.statusCode).toBe(303);
    const resident = await track(own.c!.code, own.c!.pin);
    expect(resident.body).toContain('不予受理');
    expect(resident.body).toContain('内容为广告（示范）');
  });

  it('accepts and answers on 09-29: on time, published with the name masked, escaped', async () => {
    app.clock.set('2026-09-29T02:00:00Z');
    const civ = await signedIn(server, 'civ.interaction_officer');
    expect((await staffPost(civ, own.a!.id, 'accept', [])).statusCode).toBe(303);
    const empty = await staffPost(civ, own.a!.id, 'answer', [['answer', '  ']]);
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('请填写答复内容。');
    const answered = await staffPost(civ, own.a!.id, 'answer', [
      ['answer', '示范区小学课后服务至17:30结束。'],
      ['publish', 'on'],
    ]);
    expect(answered.statusCode).toBe(303);
    const list = await server.inject({ method: 'GET', url: '/hdjl/liuyan/' });
    expect(list.body).toContain(`/hdjl/liuyan/${own.a!.id}`);
    expect(list.body).not.toContain(own.b!.id);
    const page = await server.inject({ method: 'GET', url: `/hdjl/liuyan/${own.a!.id}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('示****');
    expect(page.body).not.toContain('示范居民甲');
    expect(page.body).not.toContain('13800138000');
    expect(page.body).not.toContain('<script>alert(1)</script>');
    expect(page.body).toContain('示范区小学课后服务至17:30结束。');
  });

  it('takes one rating from the resident, and refuses a second in Chinese', async () => {
    const rate = (rating: string) =>
      residentPost('/hdjl/liuyan/cx', '/hdjl/liuyan/pingjia', [
        ['code', own.a!.code],
        ['pin', own.a!.pin],
        ['rating', rating],
      ]);
    const none = await rate('');
    expect(none.statusCode).toBe(400);
    expect(none.body).toContain('请选择满意、基本满意或不满意。');
    expect((await rate('satisfied')).body).toContain('感谢您的评价。');
    const again = await rate('unsatisfied');
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('您已经评价过这条答复');
    expect((await app.stores.messages.get(own.a!.id))!.rating).toBe('satisfied');
  });

  it('publishes per-unit statistics counted from the stored messages', async () => {
    const page = await server.inject({ method: 'GET', url: '/hdjl/liuyan/tongji' });
    expect(page.statusCode).toBe(200);
    const rowOf = (label: string): Record<string, string> => {
      const row = new RegExp(`<th scope="row">${label}</th>([\\s\\S]*?)</tr>`).exec(page.body)?.[1] ?? '';
      return Object.fromEntries([...row.matchAll(/data-count="([^"]+)">([^<]*)</g)].map((m) => [m[1]!, m[2]!]));
    };
    const civName = fixture.orgs.get('civ')!.name;
    // civ: the transferred message (answered in 5 working days, on time) and its own one, open.
    expect(rowOf(civName)).toEqual({ received: '2', answered: '1', 'on-time': '1', average: '5' });
    // edu: the three taken from the limited address, the declined one left out, the transferred one counted at civ.
    expect(rowOf(fixture.orgs.get('edu')!.name)).toMatchObject({ received: '3', answered: '0' });
  });

  it('is readable in the open API: published messages only, names masked, contacts never', async () => {
    const list = await server.inject({ method: 'GET', url: '/api/v1/messages' });
    expect(list.statusCode).toBe(200);
    const items = list.json<{ items: { id: string; name: string }[] }>().items;
    expect(items.map((m) => [m.id, m.name])).toEqual([[own.a!.id, '示****']]);
    expect(list.body).not.toContain('13800138000');
    expect((await server.inject({ method: 'GET', url: `/api/v1/messages/${own.a!.id}` })).json()).toMatchObject({
      answer: '示范区小学课后服务至17:30结束。',
      rating: 'satisfied',
    });
    const hidden = await server.inject({ method: 'GET', url: `/api/v1/messages/${own.b!.id}` });
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json<{ code: string }>().code).toBe('not_found');
    const stats = (await server.inject({ method: 'GET', url: '/api/v1/messages/statistics' })).json<{
      units: { code: string }[];
    }>();
    expect(stats.units.find((u) => u.code === 'civ')).toMatchObject({
      received: 2,
      answered: 1,
      answeredOnTime: 1,
      averageWorkingDaysToAnswer: 5,
    });
  });

  const alertsTo = (code: string) =>
    smtp.received.filter((m) => m.subject.includes(code)).map((m) => [m.to.join(','), m.subject.replace(code, 'CODE')]);

  it('reminds the unit one working day before the due date, once', async () => {
    const code = own.b!.code;
    await sweep('2026-09-22T01:00:00Z');
    expect(alertsTo(code)).toEqual([]);
    await sweep('2026-09-23T01:00:00Z');
    await sweep('2026-09-23T07:00:00Z');
    expect(alertsTo(code)).toEqual([
      ['civ-interaction_officer@example.gov.cn', '【政民互动】咨询留言 CODE 将于2026-09-24到期，请及时答复'],
    ]);
    const mail = smtp.received.find((m) => m.subject.includes(code))!;
    expect(mail.text).toContain(`https://gk.example.gov.cn/admin/participation/messages/${own.b!.id}`);
    expect(mail.raw).not.toContain('示范居民乙');
    expect(mail.raw).not.toContain('13800138000');
  });

  it('escalates to the district on the first working day after the due date (中秋 skipped), once', async () => {
    const code = own.b!.code;
    await sweep('2026-09-25T01:00:00Z');
    expect(alertsTo(code)).toHaveLength(1);
    await sweep('2026-09-28T01:00:00Z');
    await sweep('2026-09-29T01:00:00Z');
    expect(alertsTo(code).slice(1)).toEqual([
      ['dist-interaction_officer@example.gov.cn', expect.stringContaining('已超过答复期限（2026-09-24）')],
    ]);
  });

  it('warns the district repeatedly from two months on, then once the 3 months have passed', async () => {
    const code = own.b!.code;
    await sweep('2026-11-17T01:00:00Z');
    expect(alertsTo(code)).toHaveLength(2);
    // 2 months after 09-18 is 11-18; then every 5 working days: 11-25, 12-02, 12-09, 12-16.
    for (const day of [
      '2026-11-18',
      '2026-11-19',
      '2026-11-25',
      '2026-12-02',
      '2026-12-09',
      '2026-12-16',
      '2026-12-18',
    ]) {
      await sweep(`${day}T01:00:00Z`);
    }
    const warnings = alertsTo(code).filter(([, subject]) => subject!.includes('即将满3个月'));
    expect(warnings).toHaveLength(5);
    expect(warnings[0]![1]).toContain('（2026-12-18）');
    await sweep('2026-12-19T01:00:00Z');
    await sweep('2026-12-21T01:00:00Z');
    const breached = alertsTo(code).filter(([, subject]) => subject!.includes('已超过3个月未答复'));
    expect(breached).toHaveLength(1);
    const recorded = await app.stores.messages.alerts(own.b!.id);
    expect(recorded.map((a) => a.key)).toEqual([
      'reminder:2026-09-24',
      'escalation:2026-09-24',
      'three_month:2026-11-18',
      'three_month:2026-11-25',
      'three_month:2026-12-02',
      'three_month:2026-12-09',
      'three_month:2026-12-16',
      'three_month_breached:2026-12-18',
    ]);
    const audited = await app.stores.audit.find(
      { action: 'message.alert_sent', entityId: own.b!.id },
      { limit: 20, offset: 0 },
    );
    expect(audited.total).toBe(8);
    // The answered message got none.
    expect(alertsTo(own.a!.code)).toEqual([]);
  });

  it('shows staff the due date, the alerts sent and the contact', async () => {
    const civ = await signedIn(server, 'civ.interaction_officer');
    const page = await server.inject({
      method: 'GET',
      url: `/admin/participation/messages/${own.b!.id}`,
      cookies: civ,
    });
    expect(page.body).toContain('13800138000');
    expect(page.body).toContain('超过3个月警示（区政务公开办）');
    const list = await server.inject({
      method: 'GET',
      url: '/admin/participation/messages?state=received',
      cookies: civ,
    });
    expect(list.body).toContain('已超期');
    const bad = await server.inject({ method: 'GET', url: '/admin/participation/messages?state=x', cookies: civ });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('状态筛选不正确。');
  });
});
