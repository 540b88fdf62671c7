import type { FastifyInstance } from 'fastify';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submitApplication } from '../../src/modules/requests/index.ts';
import { PERSON } from '../../src/modules/requests/domain/request.fixture.ts';
import { importHolidayNotice } from '../../src/modules/calendar/index.ts';
import { systemActor } from '../../src/modules/access/index.ts';
import { createTestApp, createTestServer, markAsDemo, type TestApp } from '../app.ts';
import { DIALECTS } from '../databases.ts';
import { seedFixture, type Fixture } from '../fixtures.ts';
import { csrfFieldOf, keepCookies, signedIn } from '../http/http-kit.ts';

/** The 2026 holidays and 调休 around the National Day (国办发明电〔2025〕号), as a notice file. */
const NOTICE_2026 = JSON.stringify([
  { date: '2026-09-20', isOffDay: false, name: '国庆节、中秋节调休上班' },
  ...['25', '26', '27'].map((d) => ({ date: `2026-09-${d}`, isOffDay: true, name: '中秋节' })),
  ...['01', '02', '03', '04', '05', '06', '07'].map((d) => ({ date: `2026-10-${d}`, isOffDay: true, name: '国庆节' })),
  { date: '2026-10-10', isOffDay: false, name: '国庆节调休上班' },
]);

function application(agencyCode: string, name: string) {
  return { agencyCode, input: { ...PERSON, name, description: '示范所需的政府信息' } };
}

/**
 * The handling unit's inbox: an officer sees the requests of their own subtree only, confirms
 * receipt (条例 Art. 31), and the due date follows (Art. 33, with 调休).
 */
describe.each(DIALECTS)('disclosure inbox on $name', (dialect) => {
  let app: TestApp;
  let server: FastifyInstance;
  let fixture: Fixture;
  let eduRequestId: string;
  let civRequestId: string;

  beforeAll(async () => {
    app = await createTestApp(dialect, { now: '2026-09-18T02:00:00Z' });
    fixture = await seedFixture(app, [
      { role: 'foi_officer', org: 'edu' },
      { role: 'foi_officer', org: 'civ' },
      { role: 'district_admin', org: 'dist' },
    ]);
    await markAsDemo(app);
    await importHolidayNotice({
      uow: app.uow,
      clock: app.clock,
      actor: systemActor('test'),
      fileName: '2026.json',
      text: NOTICE_2026,
    });
    const deps = {
      uow: app.uow,
      clock: app.clock,
      cipher: app.cipher,
      actor: { kind: 'public' as const },
      channel: 'online' as const,
    };
    eduRequestId = (await submitApplication({ ...deps, ...application('edu', '教育申请人') })).request.id;
    civRequestId = (await submitApplication({ ...deps, ...application('civ', '民政申请人') })).request.id;
    server = await createTestServer(app);
  });
  afterAll(async () => {
    await server?.close();
    await app?.cleanup();
  });

  /** Opens a request's page as the officer and posts its receipt form with the page's token. */
  async function confirmReceipt(
    jar: Record<string, string>,
    requestId: string,
    receivedOn: string,
    pageOf = requestId,
  ) {
    const page = await server.inject({ method: 'GET', url: `/admin/ysqgk/${pageOf}`, cookies: jar });
    return server.inject({
      method: 'POST',
      url: `/admin/ysqgk/${requestId}/register`,
      cookies: jar,
      payload: { _csrf: csrfFieldOf(page.body), receivedOn },
    });
  }

  it('lists only the officer’s own unit’s requests, with contacts masked', async () => {
    const jar = await signedIn(server, 'edu.foi_officer');
    const inbox = await server.inject({ method: 'GET', url: '/admin/ysqgk', cookies: jar });
    expect(inbox.statusCode).toBe(200);
    expect(inbox.body).toContain('教育申请人');
    expect(inbox.body).not.toContain('民政申请人');
    const detail = await server.inject({ method: 'GET', url: `/admin/ysqgk/${eduRequestId}`, cookies: jar });
    expect(detail.body).toContain('330106********1236');
    expect(detail.body).not.toContain('330106199003071236');
    // Opening the full identity number and contacts is a deliberate, audited act.
    const revealed = await server.inject({
      method: 'POST',
      url: `/admin/ysqgk/${eduRequestId}/reveal`,
      cookies: jar,
      payload: { _csrf: csrfFieldOf(detail.body) },
    });
    expect(revealed.statusCode).toBe(200);
    expect(revealed.body).toContain('330106199003071236');
    expect(revealed.body).toContain('电话 13800138000');
    expect(revealed.headers['cache-control']).toBe('no-store');
    const viewed = await app.stores.audit.find(
      { action: 'request.applicant_viewed', entityId: eduRequestId },
      { offset: 0, limit: 5 },
    );
    expect(viewed.items.map((e) => e.actorId)).toEqual([fixture.staff('edu.foi_officer').userId]);
    expect(JSON.stringify(viewed.items)).not.toContain('330106199003071236');
    // Another unit's request does not exist for this officer, read or written.
    expect((await server.inject({ method: 'GET', url: `/admin/ysqgk/${civRequestId}`, cookies: jar })).statusCode).toBe(
      404,
    );
    const post = await confirmReceipt(jar, civRequestId, '2026-09-18', eduRequestId);
    expect(post.statusCode).toBe(404);
    const peek = await server.inject({
      method: 'POST',
      url: `/admin/ysqgk/${civRequestId}/reveal`,
      cookies: jar,
      payload: { _csrf: csrfFieldOf(detail.body) },
    });
    expect(peek.statusCode).toBe(404);
    expect((await app.stores.requests.getById(civRequestId))?.state).toBe('submitted');
  });

  it.each([
    { receivedOn: '2026-09-19', message: '不能晚于今天' },
    { receivedOn: '2026-09-01', message: '不能早于申请提交日期' },
    { receivedOn: 'yesterday', message: '日期格式' },
  ])('refuses a receipt date of $receivedOn in Chinese and changes nothing', async ({ receivedOn, message }) => {
    const jar = await signedIn(server, 'edu.foi_officer');
    const response = await confirmReceipt(jar, eduRequestId, receivedOn);
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain(message);
    expect((await app.stores.requests.getById(eduRequestId))?.state).toBe('submitted');
  });

  it('confirms receipt on 2026-09-18: due 2026-10-22 across 中秋, 国庆 and the 调休 days, audited, shown to the applicant', async () => {
    const jar = await signedIn(server, 'edu.foi_officer');
    const response = await confirmReceipt(jar, eduRequestId, '2026-09-18');
    expect(response.statusCode).toBe(303);
    const after = await server.inject({ method: 'GET', url: `/admin/ysqgk/${eduRequestId}`, cookies: jar });
    expect(after.body).toContain('2026-10-22（剩余20个工作日）');
    expect(after.body).toContain('已登记');
    const stored = await app.stores.requests.getById(eduRequestId);
    expect(stored?.receivedOn).toBe('2026-09-18');
    const events = await app.stores.requests.events(eduRequestId);
    expect(events.map((e) => e.kind)).toEqual(['submitted', 'received']);
    const audit = await app.stores.audit.find(
      { action: 'request.registered', entityId: eduRequestId },
      { offset: 0, limit: 5 },
    );
    expect(audit.items).toHaveLength(1);
    expect(audit.items[0]!.actorId).toBe(fixture.staff('edu.foi_officer').userId);

    // A second confirmation is refused with the reason.
    const again = await confirmReceipt(jar, eduRequestId, '2026-09-18');
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain('不能再次确认收到');

    // A corrected calendar (10-12 made a day off) moves the due date at once, in the page and the filters.
    const admin = await signedIn(server, 'dist.district_admin');
    const calendarPage = await server.inject({ method: 'GET', url: '/admin/calendar', cookies: admin });
    const corrected = await server.inject({
      method: 'POST',
      url: '/admin/calendar/day',
      cookies: admin,
      payload: { _csrf: csrfFieldOf(calendarPage.body), date: '2026-10-12', kind: 'off', name: '测试调整' },
    });
    expect(corrected.statusCode).toBe(303);
    expect((await app.stores.requests.getById(eduRequestId))?.dueOn).toBe('2026-10-23');
    const moved = await server.inject({ method: 'GET', url: `/admin/ysqgk/${eduRequestId}`, cookies: jar });
    expect(moved.body).toContain('2026-10-23（剩余20个工作日）');
    const restoredPage = await server.inject({ method: 'GET', url: '/admin/calendar', cookies: admin });
    await server.inject({
      method: 'POST',
      url: '/admin/calendar/day',
      cookies: admin,
      payload: { _csrf: csrfFieldOf(restoredPage.body), date: '2026-10-12', kind: 'normal', name: '' },
    });
    expect((await app.stores.requests.getById(eduRequestId))?.dueOn).toBe('2026-10-22');

    // Three weeks later the inbox counts down in working days.
    app.clock.set('2026-10-09T02:00:00Z');
    const later = await signedIn(server, 'edu.foi_officer');
    const inbox = await server.inject({ method: 'GET', url: '/admin/ysqgk?state=registered', cookies: later });
    expect(inbox.body).toContain('2026-10-22（剩余10个工作日）');
    expect(inbox.body).toContain('已逾期 0');
    // The officer's dashboard shows the unit's counts.
    const dashboard = await server.inject({ method: 'GET', url: '/admin/', cookies: later });
    expect(dashboard.body).toMatch(
      /<th scope="row">测试区教育局<\/th><td><a href="\/admin\/ysqgk">1<\/a><\/td><td>0<\/td><td>0<\/td><td>0<\/td>/,
    );
    expect(inbox.body).toContain('5个工作日内到期 0');
    // Two weeks on, it is due within five working days; after 10-22 it is overdue.
    app.clock.set('2026-10-19T02:00:00Z');
    const soonJar = await signedIn(server, 'edu.foi_officer');
    const soon = await server.inject({ method: 'GET', url: '/admin/ysqgk?due=soon', cookies: soonJar });
    expect(soon.body).toContain('5个工作日内到期 1');
    expect(soon.body).toContain('教育申请人');
    app.clock.set('2026-10-23T02:00:00Z');
    const lateJar = await signedIn(server, 'edu.foi_officer');
    const late = await server.inject({ method: 'GET', url: '/admin/ysqgk?due=overdue', cookies: lateJar });
    expect(late.body).toContain('已逾期 1');
    expect(late.body).toContain('2026-10-22（已逾期1个工作日）');
    const notLate = await server.inject({ method: 'GET', url: '/admin/ysqgk?due=soon', cookies: lateJar });
    expect(notLate.body).not.toContain('教育申请人');
    app.clock.set('2026-09-18T02:00:00Z');
  });

  it('registers a letter signed for on 2026-09-16 with that receipt date; only for the officer’s own unit (条例 Art. 31)', async () => {
    const jar = await signedIn(server, 'edu.foi_officer');
    const form = await server.inject({ method: 'GET', url: '/admin/ysqgk/new', cookies: jar });
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('>测试区教育局</option>');
    expect(form.body).not.toContain('>测试区民政局</option>');
    const fields = {
      _csrf: csrfFieldOf(form.body),
      agency: 'edu',
      applicantKind: 'natural',
      name: '来信申请人',
      idType: 'resident_id',
      idNumber: PERSON.idNumber,
      phone: '13800138000',
      address: '示范区示范路1号',
      description: '示范区2026年学校招生计划（来信）',
      form: 'paper',
      delivery: 'post',
      receivedOn: '2026-09-16',
    };
    const noChannel = await server.inject({ method: 'POST', url: '/admin/ysqgk/new', cookies: jar, payload: fields });
    expect(noChannel.statusCode).toBe(400);
    expect(noChannel.body).toContain('请选择当面、邮寄');
    const posted = await server.inject({
      method: 'POST',
      url: '/admin/ysqgk/new',
      cookies: jar,
      payload: { ...fields, channel: 'post' },
    });
    expect(posted.statusCode).toBe(303);
    const id = String(posted.headers.location).split('/').pop()!;
    const stored = await app.stores.requests.getById(id);
    expect(stored).toMatchObject({
      state: 'registered',
      channel: 'post',
      receivedOn: '2026-09-16',
      dueOn: '2026-10-20',
    });
    expect((await app.stores.requests.events(id)).map((e) => [e.kind, e.on])).toEqual([
      ['submitted', '2026-09-16'],
      ['received', '2026-09-16'],
    ]);

    // Another unit's officer may not register for the education bureau.
    const civ = await signedIn(server, 'civ.foi_officer');
    const civForm = await server.inject({ method: 'GET', url: '/admin/ysqgk/new', cookies: civ });
    const refused = await server.inject({
      method: 'POST',
      url: '/admin/ysqgk/new',
      cookies: civ,
      payload: { ...fields, _csrf: csrfFieldOf(civForm.body), channel: 'post' },
    });
    expect(refused.statusCode).toBe(403);
    await app.database.db.deleteFrom('foi_events').where('request_id', '=', id).execute();
    await app.database.db.deleteFrom('foi_requests').where('id', '=', id).execute();
  });

  /** Posts one handling step's form from the request's page. */
  async function takeStep(jar: Record<string, string>, kind: string, fields: Record<string, string>) {
    const page = await server.inject({ method: 'GET', url: `/admin/ysqgk/${eduRequestId}`, cookies: jar });
    return server.inject({
      method: 'POST',
      url: `/admin/ysqgk/${eduRequestId}/steps/${kind}`,
      cookies: jar,
      payload: { _csrf: csrfFieldOf(page.body), ...fields },
    });
  }

  it('handles the request: consults a third party across 国庆, extends once, replies 部分公开; the applicant sees each step', async () => {
    app.clock.set('2026-09-22T02:00:00Z');
    let jar = await signedIn(server, 'edu.foi_officer');
    expect((await takeStep(jar, 'assign', {})).statusCode).toBe(303);
    const consult = await takeStep(jar, 'consult', {
      reason: 'third_party',
      party: '示范区某公司（演示）',
      sentOn: '2026-09-22',
    });
    expect(consult.statusCode).toBe(303);

    app.clock.set('2026-10-09T02:00:00Z');
    jar = await signedIn(server, 'edu.foi_officer');
    const paused = await server.inject({ method: 'GET', url: `/admin/ysqgk/${eduRequestId}`, cookies: jar });
    expect(paused.body).toContain('计时暂停中');
    expect(paused.body).toContain('被征求意见方应在 2026-10-20 前提出意见');
    expect(
      (await takeStep(jar, 'consultation_answered', { on: '2026-10-09', summary: '第三方不同意公开报价部分' }))
        .statusCode,
    ).toBe(303);
    // Seven working days paused (09-23 … 10-09 less the holidays): due 2026-11-02.
    const resumed = await server.inject({ method: 'GET', url: `/admin/ysqgk/${eduRequestId}`, cookies: jar });
    expect(resumed.body).toContain('2026-11-02（剩余');

    expect(
      (await takeStep(jar, 'extend', { workingDays: '10', approvedBy: '公开办负责人（演示）', on: '2026-10-09' }))
        .statusCode,
    ).toBe(303);
    const second = await takeStep(jar, 'extend', {
      workingDays: '5',
      approvedBy: '公开办负责人（演示）',
      on: '2026-10-09',
    });
    expect(second.statusCode).toBe(400);
    expect(second.body).toContain('只能延长答复期限一次');

    // The district office words the 部分公开 text its own way; an officer may not.
    const admin = await signedIn(server, 'dist.district_admin');
    const textsPage = await server.inject({ method: 'GET', url: '/admin/ysqgk/texts', cookies: admin });
    expect(textsPage.body).toContain('默认文本');
    const wording = '经审查，所申请信息部分可以公开，现予提供；其余部分依法不予公开（本区措辞）。';
    const saved = await server.inject({
      method: 'POST',
      url: '/admin/ysqgk/texts',
      cookies: admin,
      payload: { _csrf: csrfFieldOf(textsPage.body), group: '部分公开', text: wording },
    });
    expect(saved.statusCode).toBe(303);
    const officerTexts = await server.inject({ method: 'GET', url: '/admin/ysqgk/texts', cookies: jar });
    const refusedEdit = await server.inject({
      method: 'POST',
      url: '/admin/ysqgk/texts',
      cookies: jar,
      payload: { _csrf: csrfFieldOf(officerTexts.body), group: '部分公开', text: '这段文字不应被保存下来。' },
    });
    expect(refusedEdit.statusCode).toBe(403);

    const noParts = await takeStep(jar, 'reply', {
      on: '2026-10-09',
      outcome: '3.2',
      reason: '部分内容涉及第三方商业秘密',
    });
    expect(noParts.statusCode).toBe(400);
    expect(noParts.body).toContain('第三十七条');
    const replied = await takeStep(jar, 'reply', {
      on: '2026-10-09',
      outcome: '3.2',
      reason: '部分内容涉及第三方商业秘密',
      withheldPart1: '附件2 投标报价明细',
      withheldReason1: '涉及商业秘密，第三方不同意公开（条例第十五条、第三十二条）',
    });
    expect(replied.statusCode).toBe(303);
    const stored = await app.stores.requests.getById(eduRequestId);
    expect(stored?.state).toBe('replied');
    expect(stored?.reply?.outcome).toBe('3.2');
    expect(stored?.dueOn).toBeNull();
    expect(stored?.reply?.letter?.paragraphs).toContain(wording);
    const events = await app.stores.requests.events(eduRequestId);
    expect(events.map((e) => e.kind)).toEqual([
      'submitted',
      'received',
      'assigned',
      'third_party_consulted',
      'consultation_answered',
      'extended',
      'replied',
    ]);
    const audit = await app.stores.audit.find({ entityId: eduRequestId }, { offset: 0, limit: 20 });
    expect(audit.items.map((e) => e.action).sort()).toEqual(
      [
        'request.applicant_viewed',
        'request.assigned',
        'request.consultation_answered',
        'request.consulted',
        'request.extended',
        'request.registered',
        'request.replied',
        'request.submitted',
      ].sort(),
    );

    // The applicant tracks it: every step with its date, and the outcome.
    const trackPage = await server.inject({ method: 'GET', url: '/ysqgk/track' });
    const tracked = await server.inject({
      method: 'POST',
      url: '/ysqgk/track',
      cookies: keepCookies(trackPage),
      payload: { _csrf: csrfFieldOf(trackPage.body), code: stored!.trackingCode, factor: '8000' },
    });
    expect(tracked.statusCode).toBe(200);
    for (const text of ['书面征求第三方意见', '延长答复期限', '作出答复', '部分公开（2026-10-09）']) {
      expect(tracked.body).toContain(text);
    }
    // What the consulted third party answered stays with the staff.
    expect(tracked.body).not.toContain('第三方不同意公开报价部分');
    const staffView = await server.inject({ method: 'GET', url: `/admin/ysqgk/${eduRequestId}`, cookies: jar });
    expect(staffView.body).toContain('第三方不同意公开报价部分');

    // The letter: the officer downloads it; the applicant through the tracking page's signed links.
    for (const [format, magic] of [
      ['pdf', '%PDF-'],
      ['docx', 'PK'],
    ] as const) {
      const staffCopy = await server.inject({
        method: 'GET',
        url: `/admin/ysqgk/${eduRequestId}/letter.${format}`,
        cookies: jar,
      });
      expect(staffCopy.statusCode).toBe(200);
      expect(staffCopy.rawPayload.subarray(0, magic.length).toString()).toBe(magic);
      const href = new RegExp(`href="(/ysqgk/letter/[^"]+\\.${format})"`).exec(tracked.body)?.[1];
      expect(href, format).toBeDefined();
      const applicantCopy = await server.inject({ method: 'GET', url: href! });
      expect(applicantCopy.statusCode).toBe(200);
      expect(applicantCopy.headers['content-disposition']).toContain(encodeURIComponent('答复告知书'));
      expect(applicantCopy.rawPayload.subarray(0, magic.length).toString()).toBe(magic);
      // A link whose signature was altered, or another request's code, opens nothing.
      const forged = href!.replace(/\.([A-Za-z0-9_-])/, (_m, c: string) => `.${c === 'A' ? 'B' : 'A'}`);
      expect((await server.inject({ method: 'GET', url: forged })).statusCode).toBe(404);
    }
    // A reconsideration of the reply, then its result: table 四 counts it.
    const page = await server.inject({ method: 'GET', url: `/admin/ysqgk/${eduRequestId}`, cookies: jar });
    const filed = await server.inject({
      method: 'POST',
      url: `/admin/ysqgk/${eduRequestId}/appeals`,
      cookies: jar,
      payload: {
        _csrf: csrfFieldOf(page.body),
        kind: 'reconsideration',
        body: '测试区人民政府',
        filedOn: '2026-10-09',
      },
    });
    expect(filed.statusCode).toBe(303);
    const [appeal] = await app.stores.requests.appealsOf(eduRequestId);
    const decided = await server.inject({
      method: 'POST',
      url: `/admin/ysqgk/${eduRequestId}/appeals`,
      cookies: jar,
      payload: { _csrf: csrfFieldOf(page.body), appealId: appeal!.id, result: 'upheld', decidedOn: '2026-10-09' },
    });
    expect(decided.statusCode).toBe(303);

    // This year's table 三 for the unit counts it as received and replied (部分公开), and balances.
    const report = await server.inject({ method: 'GET', url: '/admin/ysqgk/report?year=2026&org=edu', cookies: jar });
    expect(report.statusCode).toBe(200);
    expect(report.body).toContain('勾稽关系核对通过');
    const cellsOf = (label: string) =>
      [
        ...(new RegExp(`${label}</th>((?:<td class="num">\\d+</td>){7})`).exec(report.body)?.[1] ?? '').matchAll(
          /\d+/g,
        ),
      ].map(Number);
    expect(cellsOf('一、本年新收政府信息公开申请数量')).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(cellsOf('（二）部分公开（区分处理的，只计这一情形，不计其他情形）')).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(report.body).toContain('四、政府信息公开行政复议、行政诉讼情况');
    const table4 =
      /四、政府信息公开行政复议、行政诉讼情况[\s\S]*?<tbody><tr>([\s\S]*?)<\/tr>/.exec(report.body)?.[1] ?? '';
    expect([...table4.matchAll(/>(\d+)</g)].map((m) => Number(m[1]))).toEqual([
      1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    ]);

    // The whole case as one ZIP, audited; then it is filed (归档) and still counted in table 三.
    const zip = await server.inject({ method: 'GET', url: `/admin/ysqgk/${eduRequestId}/case.zip`, cookies: jar });
    expect(zip.statusCode).toBe(200);
    expect(zip.headers['content-type']).toBe('application/zip');
    const files = unzipSync(new Uint8Array(zip.rawPayload));
    expect(Object.keys(files).sort()).toEqual([
      '0-文件清单.txt',
      '1-申请.txt',
      '2-办理过程.txt',
      '3-通知与决定.txt',
      '4-答复告知书.docx',
      '4-答复告知书.pdf',
      '5-行政复议行政诉讼.txt',
    ]);
    const applicationText = strFromU8(files['1-申请.txt']!);
    expect(applicationText).toContain('居民身份证 330106199003071236');
    expect(strFromU8(files['2-办理过程.txt']!)).toContain('延长答复期限（条例第三十三条第二款）');
    expect(strFromU8(files['3-通知与决定.txt']!)).toContain('不予公开：附件2 投标报价明细');
    expect(strFromU8(files['4-答复告知书.pdf']!.subarray(0, 5))).toBe('%PDF-');
    const exported = await app.stores.audit.find(
      { action: 'request.case_exported', entityId: eduRequestId },
      { offset: 0, limit: 5 },
    );
    expect(exported.items).toHaveLength(1);
    // Filed only once the reply has been served, with its proof.
    expect((await takeStep(jar, 'archive', { on: '2026-10-09' })).statusCode).toBe(400);
    expect(
      (await takeStep(jar, 'deliver', { on: '2026-10-09', method: 'post', proof: 'EMS1234567890CN' })).statusCode,
    ).toBe(303);
    expect((await takeStep(jar, 'archive', { on: '2026-10-09' })).statusCode).toBe(303);
    expect((await app.stores.requests.getById(eduRequestId))?.state).toBe('archived');
    const afterArchive = await server.inject({
      method: 'GET',
      url: '/admin/ysqgk/report?year=2026&org=edu',
      cookies: jar,
    });
    expect(afterArchive.body).toContain('勾稽关系核对通过');

    // An hour later the links have expired.
    const href = /href="(\/ysqgk\/letter\/[^"]+\.pdf)"/.exec(tracked.body)![1]!;
    app.clock.set('2026-10-09T03:00:01Z');
    const expired = await server.inject({ method: 'GET', url: href });
    expect(expired.statusCode).toBe(404);
    expect(expired.body).toContain('下载链接已失效');
    app.clock.set('2026-09-18T02:00:00Z');
  });
});
