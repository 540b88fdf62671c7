import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveDecision } from '../../src/modules/participation/index.ts';
import { drawParticipants } from '../../src/modules/participation/domain/hearing.ts';
import { createTestApp, createTestServer, type TestApp } from '../app.ts';
import { DIALECTS } from '../databases.ts';
import { seedFixture, type Fixture } from '../fixtures.ts';
import { auditTrail, postAsResident, postFromPage, signedIn, type CookieJar } from '../http/http-kit.ts';

/**
 * Hearings and meetings of a major decision (暂行条例 Art. 17–18) through the real pages: an officer
 * plans a hearing under a directory item (refused when registration would close too late for the
 * materials to reach the participants 7 days ahead), announces it; residents register with receipts
 * (one per contact, limits per address, contacts sealed); registration closes after its last day;
 * the draw is recorded with its seed and repeatable, the list public with names masked; attendance
 * and the minutes follow; another meeting is cancelled with its reason; another unit sees nothing.
 */
describe.each(DIALECTS)('hearings of major decisions on $name', (dialect) => {
  let app: TestApp;
  let server: FastifyInstance;
  let fixture: Fixture;
  let decisionId: string;
  let meetingId: string;
  const receipts: { code: string; pin: string }[] = [];

  beforeAll(async () => {
    app = await createTestApp(dialect, { now: '2026-04-10T02:00:00Z' });
    fixture = await seedFixture(app, [
      { role: 'interaction_officer', org: 'civ' },
      { role: 'interaction_officer', org: 'edu' },
    ]);
    server = await createTestServer(app);
    const decision = await saveDecision({
      uow: app.uow,
      clock: app.clock,
      actor: fixture.staff('civ.interaction_officer'),
      decisionId: null,
      input: {
        orgId: fixture.orgs.get('civ')!.id,
        year: '2026',
        title: '示范区养老服务补贴标准调整',
        summary: '',
        basis: '',
        methods: ['hearing', 'symposium'],
        status: 'participation',
        plannedTime: '2026年第三季度',
        consultationId: '',
        decidedOn: '',
        resultLink: '',
        withdrawnReason: '',
      },
    });
    decisionId = decision.id;
  });
  afterAll(async () => {
    await server?.close();
    await app?.cleanup();
  });

  const officer = () => signedIn(server, 'civ.interaction_officer');
  const meetingFields = (overrides: Record<string, string> = {}): [string, string][] =>
    Object.entries({
      kind: 'hearing',
      title: '养老服务补贴标准调整听证会（示范）',
      matter: '居家养老服务补贴的对象和标准',
      place: '示范区政务服务中心三楼会议室',
      startsAt: '2026-05-20T09:30',
      registrationOpensOn: '2026-04-10',
      registrationClosesOn: '2026-05-12',
      seats: '3',
      selectionMethod: 'random',
      selectionRule: '按支持、反对和其他意见分组，随机抽选，各方轮流分配名额。',
      materials: '决策草案及起草说明（示范）',
      materialsLink: '',
      ...overrides,
    });
  const residentPost = (url: string, fields: [string, string][], ip: string, page = url) =>
    postAsResident(server, page, url, fields, ip);
  const register = (fields: Record<string, string>, ip: string) =>
    residentPost(
      `/hdjl/zdjc/tz/${meetingId}`,
      Object.entries({ stakeholder: 'affected', statement: '意见（示范）', ...fields }),
      ip,
    );
  const admin = (path = '') => `/admin/participation/meetings/${meetingId}${path}`;
  /** The officer's new-meeting form under the decision item, posted. */
  const plan = (jar: CookieJar, fields: [string, string][]) =>
    postFromPage(
      server,
      jar,
      `/admin/participation/decisions/${decisionId}/meetings/new`,
      `/admin/participation/decisions/${decisionId}/meetings`,
      fields,
    );

  it('refuses a hearing whose registration closes too late for the materials, keeping what was typed', async () => {
    const civ = await officer();
    const response = await plan(civ, meetingFields({ registrationClosesOn: '2026-05-13' }));
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('听证会材料应当于召开听证会7日前送达听证参加人');
    expect(response.body).toContain('2026-05-12 截止');
    expect(response.body).toContain('居家养老服务补贴的对象和标准');
  });

  it('plans and announces a hearing; the public sees nothing before the notice', async () => {
    const civ = await officer();
    const saved = await plan(civ, meetingFields());
    expect(saved.statusCode).toBe(303);
    meetingId = /meetings\/([0-9a-z]{16})$/.exec(saved.headers.location as string)![1]!;
    expect((await server.inject({ method: 'GET', url: `/hdjl/zdjc/tz/${meetingId}` })).statusCode).toBe(404);
    const announced = await postFromPage(server, civ, admin(), admin('/announce'), []);
    expect(announced.statusCode).toBe(303);
    const page = await server.inject({ method: 'GET', url: `/hdjl/zdjc/tz/${meetingId}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('按支持、反对和其他意见分组');
    expect(page.body).toContain('2026-05-20 09:30');
    expect(page.body).toContain('提交报名');
    const directory = await server.inject({ method: 'GET', url: '/hdjl/zdjc/?year=2026' });
    expect(directory.body).toContain(`href="/hdjl/zdjc/tz/${meetingId}"`);
    // Announced, the notice stands: it can no longer be edited.
    const edit = await server.inject({ method: 'GET', url: admin('/edit'), cookies: civ });
    expect(edit.statusCode).toBe(200);
    const changed = await postFromPage(server, civ, admin('/edit'), admin(), meetingFields({ place: '别处' }));
    expect(changed.statusCode).toBe(409);
  });

  it.each<{ name: string; fields: Record<string, string>; status: number; message: string }>([
    {
      name: 'no name',
      fields: { name: ' ', contact: '13800000001', view: 'support' },
      status: 400,
      message: '请填写姓名。',
    },
    {
      name: 'a landline',
      fields: { name: '王芳', contact: '010-1234567', view: 'support' },
      status: 400,
      message: '联系方式应为11位手机号码或电子邮箱地址。',
    },
    {
      name: 'no view',
      fields: { name: '王芳', contact: '13800000001' },
      status: 400,
      message: '请选择您对议题的基本态度。',
    },
  ])('refuses a registration with $name in Chinese, keeping the statement', async ({ fields, status, message }) => {
    const response = await register({ ...fields, statement: '补贴标准应随物价调整（示范）' }, '203.0.113.9');
    expect(response.statusCode).toBe(status);
    expect(response.body).toContain(message);
    expect(response.body).toContain('补贴标准应随物价调整（示范）');
  });

  it('takes registrations with receipts, one per contact, and seals the contact', async () => {
    const people: [string, string, string][] = [
      ['王芳', '13800000001', 'support'],
      ['李强', '13800000002', 'support'],
      ['赵敏', 'zhao.min@example.cn', 'support'],
      ['陈刚', '13800000004', 'oppose'],
      ['周丽', '13800000005', 'other'],
    ];
    for (const [index, [name, contact, view]] of people.entries()) {
      const response = await register({ name, contact, view }, `203.0.113.${10 + index}`);
      expect(response.statusCode, name).toBe(200);
      const code = /TZ-[0-9A-Z]{5}-[0-9A-Z]{5}/.exec(response.body)![0];
      const pin = /查询码<\/th>\s*<td><strong class="tracking-code">([0-9A-Z]{6})</.exec(response.body)![1]!;
      receipts.push({ code, pin });
    }
    const again = await register(
      { name: '王芳', contact: ' 138 0000 0001 ', view: 'oppose', statement: '再报一次（示范）' },
      '203.0.113.50',
    );
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('该联系方式已报名本次会议');
    expect(again.body).toContain('再报一次（示范）');
    const stored = await app.stores.meetings.registrations(meetingId);
    expect(stored).toHaveLength(5);
    expect(stored.map((r) => r.contactSealed).join()).not.toContain('13800000001');
    expect(stored.map((r) => app.cipher.open(r.contactSealed))).toContain('13800000001');
  });

  it('limits registrations from one address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const response = await register({ name: `测试${i}`, contact: `1390000000${i}`, view: 'other' }, '198.51.100.7');
      statuses.push(response.statusCode);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    expect((await register({ name: '测试', contact: '13900000009', view: 'other' }, '198.51.100.7')).body).toContain(
      '同一网络地址的报名次数过多',
    );
  });

  it('shows a resident their own registration by receipt code and query password only', async () => {
    const lookup = (code: string, pin: string) =>
      residentPost(
        '/hdjl/zdjc/tz/cx',
        [
          ['code', code],
          ['pin', pin],
        ],
        '203.0.113.80',
      );
    const own = await lookup(receipts[0]!.code.toLowerCase(), receipts[0]!.pin);
    expect(own.statusCode).toBe(200);
    expect(own.body).toContain('已报名，等待遴选');
    const wrong = await lookup(receipts[0]!.code, receipts[1]!.pin === receipts[0]!.pin ? 'ZZZZZZ' : receipts[1]!.pin);
    expect(wrong.statusCode).toBe(404);
    expect(wrong.body).toContain('回执编号或查询码不正确');
  });

  it('closes registration only after its last day, then refuses residents', async () => {
    let civ = await officer();
    const early = await postFromPage(server, civ, admin(), admin('/close'), []);
    expect(early.statusCode).toBe(409);
    expect(early.body).toContain('会议当前状态为“报名中”，不能执行此操作。');
    app.clock.set('2026-05-12T16:00:00Z');
    // The page no longer carries the form; a post from an old copy of it is refused in Chinese.
    const late = await residentPost(
      `/hdjl/zdjc/tz/${meetingId}`,
      Object.entries({ name: '迟到', contact: '13700000000', view: 'support', stakeholder: 'public', statement: '迟' }),
      '203.0.113.90',
      '/hdjl/zdjc/tz/cx',
    );
    expect(late.statusCode).toBe(409);
    expect(late.body).toContain('报名尚未开始或已经截止。');
    civ = await officer();
    expect((await postFromPage(server, civ, admin(), admin('/close'), [])).statusCode).toBe(303);
  });

  it('draws the participants with every view represented, repeatably, and publishes them masked', async () => {
    const civ = await officer();
    const drawn = await postFromPage(server, civ, admin(), admin('/draw'), []);
    expect(drawn.statusCode).toBe(303);
    const meeting = (await app.stores.meetings.get(meetingId))!;
    expect(meeting.drawSeed).toMatch(/^[0-9a-f]{32}$/);
    const registrations = await app.stores.meetings.registrations(meetingId);
    const chosen = registrations
      .filter((r) => r.status === 'selected')
      .sort((a, b) => a.selectionRank! - b.selectionRank!)
      .map((r) => r.id);
    expect(chosen).toEqual(drawParticipants(registrations, 3, 'random', meeting.drawSeed));
    expect(new Set(registrations.filter((r) => r.status === 'selected').map((r) => r.view))).toEqual(
      new Set(['support', 'oppose', 'other']),
    );
    const page = await server.inject({ method: 'GET', url: `/hdjl/zdjc/tz/${meetingId}` });
    expect(page.body).toContain('参加人遴选结果');
    expect(page.body).toContain(meeting.drawSeed);
    // With the seed and every registrant's number by view, anyone can repeat the draw.
    expect(page.body).toMatch(/各态度的报名序号：支持 [\d、]+；反对 [\d、]+；其他意见 [\d、]+。/);
    expect(page.body).toContain('陈*');
    expect(page.body).not.toContain('陈刚');
    expect(page.body).not.toContain('13800000004');
    // A second draw would undo the published one.
    expect((await postFromPage(server, civ, admin(), admin('/draw'), [])).statusCode).toBe(409);
  });

  it("keeps another unit's officer out of the meeting", async () => {
    const edu = await signedIn(server, 'edu.interaction_officer');
    expect((await server.inject({ method: 'GET', url: admin(), cookies: edu })).statusCode).toBe(404);
    expect(
      (
        await server.inject({
          method: 'GET',
          url: `/admin/participation/decisions/${decisionId}/meetings`,
          cookies: edu,
        })
      ).statusCode,
    ).toBe(404);
  });

  it('records attendance for every participant, then publishes the minutes with the counts', async () => {
    app.clock.set('2026-05-20T06:00:00Z');
    const civ = await officer();
    const chosen = (await app.stores.meetings.registrations(meetingId)).filter((r) => r.status === 'selected');
    const partial = await postFromPage(server, civ, admin(), admin('/attendance'), [
      [`attendance.${chosen[0]!.id}`, 'attended'],
    ]);
    expect(partial.statusCode).toBe(400);
    expect(partial.body).toContain('请为每一位入选的参加人标记出席或缺席。');
    const marks = chosen.map((r, i): [string, string] => [`attendance.${r.id}`, i === 0 ? 'absent' : 'attended']);
    expect((await postFromPage(server, civ, admin(), admin('/attendance'), marks)).statusCode).toBe(303);
    const empty = await postFromPage(server, civ, admin(), admin('/minutes'), [
      ['minutes', ' '],
      ['viewsSummary', ''],
    ]);
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('请填写会议笔录（纪要）。');
    const minutes = await postFromPage(server, civ, admin(), admin('/minutes'), [
      ['minutes', '主持人宣布听证会开始。\n听证参加人陈述意见<script>alert(1)</script>。'],
      ['viewsSummary', '多数参加人支持调整，建议分档补贴（示范）。'],
    ]);
    expect(minutes.statusCode).toBe(303);
    const page = await server.inject({ method: 'GET', url: `/hdjl/zdjc/tz/${meetingId}` });
    expect(page.body).toContain('听证笔录');
    expect(page.body).toContain('多数参加人支持调整，建议分档补贴（示范）。');
    expect(page.body).toContain('&lt;script&gt;');
    expect(page.body).not.toContain('<script>alert(1)');
    expect(page.body).toMatch(/<th scope="row">合计<\/th>\s*<td>10<\/td>\s*<td>3<\/td>\s*<td>2<\/td>/);
    expect(await auditTrail(app, { entityType: 'decision_meeting', entityId: meetingId })).toEqual([
      'meeting.drafted',
      'meeting.announced',
      ...Array.from({ length: 10 }, () => 'meeting.registered'),
      'meeting.closed',
      'meeting.participants_selected',
      'meeting.attendance_recorded',
      'meeting.minutes_published',
    ]);
  });

  it('cancels a symposium with the reason the public reads, and not without one', async () => {
    app.clock.set('2026-06-01T02:00:00Z');
    const civ = await officer();
    const saved = await plan(
      civ,
      meetingFields({
        kind: 'symposium',
        title: '企业座谈会（示范）',
        startsAt: '2026-06-10T14:00',
        registrationOpensOn: '2026-06-01',
        registrationClosesOn: '2026-06-08',
      }),
    );
    expect(saved.statusCode).toBe(303);
    const id = /meetings\/([0-9a-z]{16})$/.exec(saved.headers.location as string)![1]!;
    const page = `/admin/participation/meetings/${id}`;
    expect((await postFromPage(server, civ, page, `${page}/announce`, [])).statusCode).toBe(303);
    const bare = await postFromPage(server, civ, page, `${page}/cancel`, [['cancelReason', '']]);
    expect(bare.statusCode).toBe(400);
    expect(bare.body).toContain('请填写理由。');
    expect(
      (await postFromPage(server, civ, page, `${page}/cancel`, [['cancelReason', '会场改造（示范）']])).statusCode,
    ).toBe(303);
    const shown = await server.inject({ method: 'GET', url: `/hdjl/zdjc/tz/${id}` });
    expect(shown.body).toContain('本次会议已取消。取消理由：会场改造（示范）');
    expect(shown.body).not.toContain('提交报名');
  });

  it('reads the directory and its public meetings through the open API', async () => {
    const list = await server.inject({ method: 'GET', url: '/api/v1/decisions?year=2026' });
    expect(list.statusCode).toBe(200);
    const body = list.json<{
      year: number;
      items: { id: string; methods: string[]; meetings: { id: string; state: string }[] }[];
    }>();
    expect(body.year).toBe(2026);
    const item = body.items.find((d) => d.id === decisionId)!;
    expect(item.methods).toEqual(['hearing', 'symposium']);
    expect(item.meetings.map((m) => m.state)).toEqual(['minuted', 'cancelled']);
    const detail = await server.inject({ method: 'GET', url: `/api/v1/decisions/${decisionId}` });
    expect(detail.statusCode).toBe(200);
    expect(detail.json<{ meetings: unknown[] }>().meetings[0]).toMatchObject({
      id: meetingId,
      kind: 'hearing',
      registrants: 10,
      selected: 3,
      attended: 2,
    });
    expect(detail.body).not.toContain('13800000001');
    const unknown = await server.inject({ method: 'GET', url: '/api/v1/decisions/0000000000000000' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json<{ code: string }>().code).toBe('not_found');
    const badYear = await server.inject({ method: 'GET', url: '/api/v1/decisions?year=19' });
    expect(badYear.statusCode).toBe(400);
    expect(badYear.body).toContain('年度不正确。');
  });

  it('answers a malformed id with 400 in Chinese', async () => {
    const response = await server.inject({ method: 'GET', url: '/hdjl/zdjc/tz/..%2Fetc' });
    expect(response.statusCode).toBe(400);
  });
});
