import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/modules/access/index.ts';
import { setUserEmail } from '../../src/modules/auth/commands/set-user-email.ts';
import { importHolidayNotice } from '../../src/modules/calendar/index.ts';
import { DEADLINE_REMINDERS_JOB, submitApplication, takeStep } from '../../src/modules/requests/index.ts';
import { PERSON } from '../../src/modules/requests/domain/request.fixture.ts';
import { createTestApp, createTestServer, markAsDemo, type TestApp } from '../app.ts';
import { DIALECTS } from '../databases.ts';
import { seedFixture, type Fixture } from '../fixtures.ts';
import { csrfFieldOf, keepCookies, signedIn } from '../http/http-kit.ts';
import { startSmtpServer } from '../mail/smtp-kit.ts';

/** The 2026 中秋 and 国庆 holidays with their 调休 working days. */
const NOTICE_2026 = JSON.stringify([
  { date: '2026-09-20', isOffDay: false, name: '国庆节、中秋节调休上班' },
  ...['25', '26', '27'].map((d) => ({ date: `2026-09-${d}`, isOffDay: true, name: '中秋节' })),
  ...['01', '02', '03', '04', '05', '06', '07'].map((d) => ({ date: `2026-10-${d}`, isOffDay: true, name: '国庆节' })),
  { date: '2026-10-10', isOffDay: false, name: '国庆节调休上班' },
]);

/**
 * Deadline reminders (条例 Art. 32, 33) go by e-mail, through the job queue (the table queue on
 * SQLite, pg-boss on PostgreSQL) and a real SMTP server on loopback, to the officers of the unit
 * and its administrator (the unit head), 5 working days before the due date and once overdue; each
 * once, whoever runs the sweep and however often.
 */
describe.each(DIALECTS)('deadline reminders on $name', (dialect) => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let app: TestApp;
  let fixture: Fixture;
  let server: FastifyInstance;
  let replyRequestId: string;
  let consultRequestId: string;

  /** Runs the sweep as the serving process would: a job in the queue, then every job due. */
  const sweep = async (isoNow: string) => {
    app.clock.set(isoNow);
    await app.stores.jobs.send(DEADLINE_REMINDERS_JOB, {});
    await app.jobs.runner.runDue();
  };

  beforeAll(async () => {
    smtp = await startSmtpServer();
    app = await createTestApp(dialect, {
      now: '2026-09-18T02:00:00Z',
      env: { GONGKAI_SMTP_URL: smtp.url, GONGKAI_PUBLIC_URL: 'https://gk.example.gov.cn' },
    });
    fixture = await seedFixture(app, [
      { role: 'foi_officer', org: 'edu' },
      { role: 'unit_admin', org: 'edu' },
      { role: 'foi_officer', org: 'civ' },
      { role: 'district_admin', org: 'dist' },
    ]);
    await markAsDemo(app);
    const system = systemActor('test');
    for (const username of ['edu.foi_officer', 'edu.unit_admin', 'civ.foi_officer', 'dist.district_admin']) {
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
    const calendar = await app.calendarCache.get();
    const intake = (name: string) =>
      submitApplication({
        uow: app.uow,
        clock: app.clock,
        cipher: app.cipher,
        actor: fixture.staff('edu.foi_officer'),
        channel: 'in_person',
        agencyCode: 'edu',
        input: { ...PERSON, name, description: `示范区学校招生计划（${name}）` },
        intake: { receivedOn: '2026-09-18', calendar },
      });
    replyRequestId = (await intake('提醒申请人甲')).request.id;
    consultRequestId = (await intake('提醒申请人乙')).request.id;
    app.clock.set('2026-09-22T02:00:00Z');
    await takeStep({
      uow: app.uow,
      clock: app.clock,
      calendar,
      actor: fixture.staff('edu.foi_officer'),
      requestId: consultRequestId,
      action: { kind: 'consult', reason: 'third_party', party: '示范区某公司（演示）', sentOn: '2026-09-22' },
    });
    server = await createTestServer(app);
  });
  afterAll(async () => {
    await server?.close();
    await app?.cleanup();
    await smtp?.close();
  });

  const mailsAbout = (code: string) => smtp.received.filter((m) => m.subject.includes(code));
  const codeOf = async (id: string) => (await app.stores.requests.getById(id))!.trackingCode;

  it('sends nothing 6 working days before the due date (2026-10-22)', async () => {
    await sweep('2026-10-14T01:00:00Z');
    expect(mailsAbout(await codeOf(replyRequestId))).toEqual([]);
  });

  it('5 working days before: one mail each to the unit officer and the unit head, none elsewhere', async () => {
    await sweep('2026-10-15T01:00:00Z');
    const code = await codeOf(replyRequestId);
    const mails = mailsAbout(code);
    expect(mails.map((m) => m.to).sort()).toEqual([
      ['edu-foi_officer@example.gov.cn'],
      ['edu-unit_admin@example.gov.cn'],
    ]);
    for (const mail of mails) {
      expect(mail.subject).toBe(`【依申请公开】${code} 将于2026年10月22日到期（剩 5 个工作日）`);
      expect(mail.text).toContain(`https://gk.example.gov.cn/admin/ysqgk/${replyRequestId}`);
      expect(mail.text).toContain('第三十三条');
      // The applicant's identity and contacts never travel in a reminder.
      expect(mail.raw).not.toContain('提醒申请人甲');
      expect(mail.raw).not.toContain(PERSON.idNumber);
      expect(mail.raw).not.toContain(PERSON.phone);
    }
  });

  it('sends nothing twice: the same day again and the next day', async () => {
    await sweep('2026-10-15T05:00:00Z');
    await sweep('2026-10-16T01:00:00Z');
    expect(mailsAbout(await codeOf(replyRequestId))).toHaveLength(2);
  });

  it('the consulted party 15 working days ran out on 2026-10-20: a reminder of its own (条例 Art. 32)', async () => {
    const code = await codeOf(consultRequestId);
    expect(mailsAbout(code)).toEqual([]);
    await sweep('2026-10-21T01:00:00Z');
    const mails = mailsAbout(code);
    expect(mails).toHaveLength(2);
    expect(mails[0]!.subject).toBe(`【依申请公开】${code} 征求意见期限已满（2026年10月20日）`);
    expect(mails[0]!.text).toContain('示范区某公司（演示）');
  });

  it('once overdue: one more mail each, recorded and audited', async () => {
    await sweep('2026-10-23T01:00:00Z');
    await sweep('2026-10-26T01:00:00Z');
    const code = await codeOf(replyRequestId);
    const overdue = mailsAbout(code).filter((m) => m.subject.includes('已超过答复期限'));
    expect(overdue).toHaveLength(2);
    expect(overdue[0]!.subject).toBe(`【依申请公开】${code} 已超过答复期限（2026年10月22日到期）`);
    const sent = await app.stores.requests.remindersOf(replyRequestId);
    expect(sent.map((r) => [r.kind, r.dueOn])).toEqual([
      ['due_soon', '2026-10-22'],
      ['overdue', '2026-10-22'],
    ]);
    const audited = await app.stores.audit.find(
      { action: 'request.reminder_sent', entityId: replyRequestId },
      { limit: 10, offset: 0 },
    );
    expect(audited.total).toBe(2);
  });

  it('a closed request gets no more reminders', async () => {
    app.clock.set('2026-10-27T01:00:00Z');
    await takeStep({
      uow: app.uow,
      clock: app.clock,
      calendar: await app.calendarCache.get(),
      actor: fixture.staff('edu.foi_officer'),
      requestId: replyRequestId,
      action: { kind: 'withdraw', on: '2026-10-27' },
    });
    const before = smtp.received.length;
    // A due date moved by a corrected calendar would earn a new reminder; a closed request has none.
    await sweep('2026-10-28T01:00:00Z');
    expect(smtp.received.length).toBe(before);
  });

  it('officers set their own reminder address; a malformed one is refused in Chinese and nothing changes', async () => {
    const jar = await signedIn(server, 'edu.foi_officer');
    const page = await server.inject({ method: 'GET', url: '/admin/account', cookies: jar });
    expect(page.body).toContain('edu-foi_officer@example.gov.cn');
    const post = (email: string) =>
      server.inject({
        method: 'POST',
        url: '/admin/account/email',
        cookies: jar,
        payload: { _csrf: csrfFieldOf(page.body), email },
      });
    const refused = await post('not an address');
    expect(refused.statusCode).toBe(303);
    expect((await app.stores.users.getById(fixture.staff('edu.foi_officer').userId))?.email).toBe(
      'edu-foi_officer@example.gov.cn',
    );
    const after = await server.inject({
      method: 'GET',
      url: '/admin/account',
      cookies: keepCookies(refused, { ...jar }),
    });
    expect(after.body).toContain('请填写正确的电子邮箱地址');
    expect((await post(' Officer.New@Example.gov.cn ')).statusCode).toBe(303);
    expect((await app.stores.users.getById(fixture.staff('edu.foi_officer').userId))?.email).toBe(
      'officer.new@example.gov.cn',
    );
  });
});
