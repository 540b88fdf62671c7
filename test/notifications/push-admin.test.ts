import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noChoices, type Choices, type Subscriber } from '../../src/modules/notifications/index.ts';
import { createTestApp, createTestServer, markAsDemo, type TestApp } from '../app.ts';
import { DIALECTS } from '../databases.ts';
import { seedFixture, type Fixture } from '../fixtures.ts';
import { auditTrail, csrfFieldOf, signedIn, type CookieJar } from '../http/http-kit.ts';
import { startSmtpServer } from '../mail/smtp-kit.ts';

const ORIGIN = 'https://gk.example.gov.cn';

/**
 * Targeted pushes from the back office: the preview shows the count and a masked sample before
 * anything is sent; sending queues one delivery per matching subscriber; the report counts what was
 * sent, refused by the mail server (bounced) and not sent because the subscriber left meanwhile; a
 * unit's staff see their own units' messages only.
 */
describe.each(DIALECTS)('targeted pushes on $name', (dialect) => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let app: TestApp;
  let server: FastifyInstance;
  let fixture: Fixture;
  let reviewer: CookieJar;

  const subscriber = async (address: string, choices: Partial<Choices>, state: Subscriber['state'] = 'active') => {
    const at = app.clock.now().toISOString();
    const s: Subscriber = {
      id: address
        .replace(/[^a-z0-9]/g, '')
        .padEnd(16, '0')
        .slice(0, 16),
      channel: 'email',
      address,
      label: null,
      secret: null,
      state,
      frequency: 'daily',
      tokenVersion: 1,
      createdAt: at,
      updatedAt: at,
      confirmedAt: at,
      unsubscribedAt: null,
    };
    await app.stores.notifications.saveSubscriber(s);
    await app.stores.notifications.replaceChoices(s.id, { ...noChoices(), ...choices });
    return s;
  };

  beforeAll(async () => {
    smtp = await startSmtpServer({ refuse: (address) => address.startsWith('gone') });
    app = await createTestApp(dialect, {
      now: '2026-03-02T02:00:00Z',
      env: { GONGKAI_SMTP_URL: smtp.url, GONGKAI_PUBLIC_URL: ORIGIN },
    });
    await markAsDemo(app);
    fixture = await seedFixture(app, [
      { role: 'reviewer', org: 'edu' },
      { role: 'editor', org: 'edu' },
      { role: 'reviewer', org: 'civ' },
    ]);
    const edu = fixture.orgs.get('edu')!.id;
    await subscriber('boss1a@example.cn', { policy: ['减税降费'], audience: ['企业'] });
    await subscriber('boss2b@example.cn', { policy: ['减税降费'] });
    await subscriber('gone3c@example.cn', { policy: ['减税降费'], org: [edu] });
    await subscriber('leaves4d@example.cn', { policy: ['减税降费'] });
    await subscriber('civ5e@example.cn', { policy: ['减税降费'], org: [fixture.orgs.get('civ')!.id] });
    await subscriber('elder6f@example.cn', { audience: ['老年人'] });
    await subscriber('pending7g@example.cn', { policy: ['减税降费'] }, 'pending');
    server = await createTestServer(app);
    reviewer = await signedIn(server, 'edu.reviewer');
  });
  afterAll(async () => {
    await server?.close();
    await app?.cleanup();
    await smtp?.close();
  });

  const form = async (jar: CookieJar, url: string, fields: [string, string][]) => {
    const page = await server.inject({ method: 'GET', url: '/admin/push', cookies: jar });
    expect(page.statusCode).toBe(200);
    return server.inject({
      method: 'POST',
      url,
      cookies: jar,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams([['_csrf', csrfFieldOf(page.body)], ...fields]).toString(),
    });
  };
  const PUSH = (): [string, string][] => [
    ['orgId', fixture.orgs.get('edu')!.id],
    ['title', '小微企业减税降费政策申报提醒'],
    ['body', '2026年第一季度小微企业减税降费政策申报将于3月31日截止，请符合条件的企业及时申报。'],
    ['link', '/xxgk/fdzdgknr'],
    ['channels', 'email'],
    ['policy', '减税降费'],
    ['audience', '企业'],
  ];

  it('previews the count and a masked sample without sending anything', async () => {
    const response = await form(reviewer, '/admin/push/preview', PUSH());
    expect(response.statusCode).toBe(200);
    // Matching: a policy subscriber with or without 企业, or with the unit; not another unit, not 老年人, not pending.
    expect(response.body).toContain('将推送给 4 位订阅者');
    expect(response.body).toContain('b***@example.cn');
    expect(response.body).not.toContain('boss1a@example.cn');
    expect(response.body).not.toContain('c***@example.cn');
    await app.jobs.runner.runDue();
    expect(smtp.received).toHaveLength(0);
  });

  it('refuses a push without title, body or channel in Chinese beside the fields', async () => {
    const response = await form(reviewer, '/admin/push/preview', [
      ['orgId', fixture.orgs.get('edu')!.id],
      ['title', ''],
      ['body', ' '],
      ['link', 'https://elsewhere.example.com/'],
    ]);
    expect(response.statusCode).toBe(400);
    for (const message of ['请填写推送标题', '请填写推送内容', '链接请填写本网站的页面地址', '请选择推送渠道']) {
      expect(response.body).toContain(message);
    }
  });

  it('does not let staff push for a unit they do not review', async () => {
    const editor = await signedIn(server, 'edu.editor');
    const response = await form(editor, '/admin/push/preview', PUSH());
    expect(response.statusCode).toBe(403);
  });

  let reportUrl = '';
  it('sends, and the report counts sent, bounced and unsubscribed', async () => {
    const response = await form(reviewer, '/admin/push/send', PUSH());
    expect(response.statusCode).toBe(303);
    reportUrl = response.headers.location as string;
    expect(reportUrl).toMatch(/^\/admin\/push\/[0-9a-z]{16}$/);
    // One subscriber leaves before the delivery job runs.
    const leaves = (await app.stores.notifications.subscriberByAddress('email', 'leaves4d@example.cn'))!;
    await app.stores.notifications.saveSubscriber({ ...leaves, state: 'unsubscribed' });
    await app.jobs.runner.runDue();
    const delivered = smtp.received.map((m) => m.to[0]).sort();
    expect(delivered).toEqual(['boss1a@example.cn', 'boss2b@example.cn']);
    const mail = smtp.received[0]!;
    expect(mail.subject).toBe('【政务公开平台】小微企业减税降费政策申报提醒');
    expect(mail.text).toContain(`${ORIGIN}/xxgk/fdzdgknr`);
    const report = await server.inject({ method: 'GET', url: reportUrl, cookies: reviewer });
    expect(report.statusCode).toBe(200);
    const row = (label: string) => new RegExp(`<th scope="row">${label}</th><td>(\\d+)</td>`).exec(report.body)?.[1];
    expect(row('推送对象')).toBe('4');
    expect(row('已发送')).toBe('2');
    expect(row('被退回')).toBe('1');
    expect(row('已退订未发')).toBe('1');
    expect(await auditTrail(app, { action: 'push.sent' })).toHaveLength(1);
  });

  it('shows the report to the unit’s staff only', async () => {
    const other = await signedIn(server, 'civ.reviewer');
    expect((await server.inject({ method: 'GET', url: reportUrl, cookies: other })).statusCode).toBe(404);
    const list = await server.inject({ method: 'GET', url: '/admin/push', cookies: other });
    expect(list.body).not.toContain('小微企业减税降费政策申报提醒');
  });
});
