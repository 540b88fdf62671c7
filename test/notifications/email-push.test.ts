import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOTIFY_DIGEST_JOB } from '../../src/modules/notifications/index.ts';
import { createTestApp, createTestServer, type TestApp } from '../app.ts';
import { DIALECTS } from '../databases.ts';
import { publishedDocument, seedFixture, type Fixture } from '../fixtures.ts';
import { csrfFieldOf, keepCookies, type CookieJar } from '../http/http-kit.ts';
import { startSmtpServer, type ReceivedMail } from '../mail/smtp-kit.ts';

const ORIGIN = 'https://gk.example.gov.cn';
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

/** The value of a header of a received message, unfolded. */
function header(mail: ReceivedMail, name: string): string | undefined {
  const head = mail.raw.split(/\r?\n\r?\n/)[0]!.replace(/\r?\n[ \t]+/g, ' ');
  return new RegExp(`^${name}: (.*)$`, 'im').exec(head)?.[1]?.trim();
}

/**
 * Subscriptions by e-mail end to end, against a real SMTP server on loopback: the double opt-in,
 * a publication pushed to the subscribers it concerns and to nobody else, RFC 8058's one-click
 * unsubscribe stopping the next push, and the daily digest.
 */
describe.each(DIALECTS)('e-mail subscriptions and pushes on $name', (dialect) => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let app: TestApp;
  let server: FastifyInstance;
  let fixture: Fixture;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    app = await createTestApp(dialect, {
      now: '2026-03-02T02:00:00Z',
      env: { GONGKAI_SMTP_URL: smtp.url, GONGKAI_PUBLIC_URL: ORIGIN },
    });
    fixture = await seedFixture(app, [
      { role: 'editor', org: 'edu' },
      { role: 'reviewer', org: 'edu' },
    ]);
    server = await createTestServer(app);
  });
  afterAll(async () => {
    await server?.close();
    await app?.cleanup();
    await smtp?.close();
  });

  const subscribe = async (fields: [string, string][]) => {
    const jar: CookieJar = {};
    const form = await server.inject({ method: 'GET', url: '/dingyue/' });
    expect(form.statusCode).toBe(200);
    keepCookies(form, jar);
    const body = new URLSearchParams([['_csrf', csrfFieldOf(form.body)], ...fields]).toString();
    const response = await server.inject({
      method: 'POST',
      url: '/dingyue/',
      headers: FORM,
      cookies: jar,
      payload: body,
    });
    await app.jobs.runner.runDue();
    return response;
  };
  const publish = async (title: string, content: Record<string, unknown>) => {
    const edition = await publishedDocument(app, fixture, {
      org: 'edu',
      editor: 'edu.editor',
      reviewer: 'edu.reviewer',
      content: { title, ...content },
    });
    await app.jobs.runner.runDue();
    return edition;
  };
  const mailsTo = (address: string) => smtp.received.filter((m) => m.to.includes(address));
  const linkIn = (mail: ReceivedMail) => {
    const match = new RegExp(`${ORIGIN}(/dingyue/s/[0-9a-z]{16}/[0-9]+\\.[A-Za-z0-9_-]{43})`).exec(mail.text);
    if (!match) throw new Error(`no subscriber link in: ${mail.text}`);
    return match[1]!;
  };

  let boss = '';
  it('asks for a subscription, and mails a confirmation with a UTF-8 Chinese subject', async () => {
    const response = await subscribe([
      ['policy', '减税降费'],
      ['audience', '企业'],
      ['frequency', 'immediate'],
      ['channel', 'email'],
      ['address', ' Qiye.Boss@Example.CN '],
    ]);
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('请查收确认邮件');
    expect(response.body).toContain('q***@example.cn');
    const mail = await smtp.waitFor((m) => m.to.includes('qiye.boss@example.cn'));
    expect(mail.subject).toBe('【政务公开平台】请确认您的订阅');
    expect(header(mail, 'subject')).toMatch(/=\?UTF-8\?/i);
    expect(mail.text).toContain('政策标签：减税降费');
    expect(mail.text).toContain('服务对象：企业');
    boss = linkIn(mail);
  });

  it('pushes nothing before the subscription is confirmed', async () => {
    await publish('关于落实小微企业减税降费政策的通知', { policyTags: ['减税降费'], audiences: ['企业'] });
    expect(mailsTo('qiye.boss@example.cn')).toHaveLength(1);
  });

  it('refuses a bad form in Chinese beside the fields, keeping what was typed', async () => {
    const response = await subscribe([
      ['frequency', 'hourly'],
      ['channel', 'email'],
      ['address', 'not-an-address'],
      ['policy', '不存在的标签'],
    ]);
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('电子邮箱地址格式不对');
    expect(response.body).toContain('政策标签中有不存在的选项');
    expect(response.body).toContain('请选择推送频率');
    expect(response.body).toContain('value="not-an-address"');
  });

  it('confirms from the link: a GET shows a button, the POST confirms', async () => {
    const page = await server.inject({ method: 'GET', url: boss });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('尚未确认');
    const confirmed = await server.inject({ method: 'POST', url: `${boss}/confirm` });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.body).toContain('订阅已确认');
    const forged = await server.inject({ method: 'GET', url: `${boss.slice(0, -3)}AAA` });
    expect(forged.statusCode).toBe(404);
    expect(forged.body).toContain('这个链接已失效');
  });

  let unsubscribeUrl = '';
  it('pushes a matching publication with a link to it and RFC 8058 unsubscribe headers', async () => {
    const edition = await publish('关于进一步减轻企业负担的若干措施', {
      policyTags: ['减税降费', '惠企'],
      audiences: ['企业', '个体工商户'],
    });
    const mail = await smtp.waitFor(
      (m) => m.to.includes('qiye.boss@example.cn') && m.subject.includes('关于进一步减轻企业负担的若干措施'),
    );
    expect(mail.subject).toBe('【政务公开平台】关于进一步减轻企业负担的若干措施');
    expect(mail.text).toContain(`${ORIGIN}/xxgk/doc/${edition.documentId}`);
    expect(mail.text).toContain('发布单位：测试区教育局');
    const listUnsubscribe = header(mail, 'list-unsubscribe')!;
    expect(listUnsubscribe).toMatch(new RegExp(`^<${ORIGIN}/dingyue/s/[0-9a-z]{16}/\\S+/unsubscribe>$`));
    expect(header(mail, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    expect(header(mail, 'message-id')).toMatch(/^<[0-9a-z]{16}\.[0-9a-z]{16}@gk\.example\.gov\.cn>$/);
    unsubscribeUrl = listUnsubscribe.slice(1, -1);
  });

  it('does not push a publication the subscriber did not choose', async () => {
    const before = mailsTo('qiye.boss@example.cn').length;
    await publish('关于开展老年人免费体检的通知', { policyTags: ['民生'], audiences: ['老年人'] });
    await publish('关于惠企政策宣讲的通知', { policyTags: ['惠企'], audiences: ['企业'] });
    expect(mailsTo('qiye.boss@example.cn')).toHaveLength(before);
  });

  it('unsubscribes with one POST to the List-Unsubscribe URL, without cookies, and stops the next push', async () => {
    const response = await server.inject({
      method: 'POST',
      url: unsubscribeUrl.slice(ORIGIN.length),
      headers: FORM,
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('您已退订');
    const before = mailsTo('qiye.boss@example.cn').length;
    await publish('关于阶段性减免企业房租的通知', { policyTags: ['减税降费'], audiences: ['企业'] });
    expect(mailsTo('qiye.boss@example.cn')).toHaveLength(before);
  });

  it('gathers a daily subscriber’s publications into one digest after 08:00', async () => {
    await subscribe([
      ['field', '24'],
      ['frequency', 'daily'],
      ['channel', 'email'],
      ['address', 'parent@example.cn'],
    ]);
    const confirmation = await smtp.waitFor((m) => m.to.includes('parent@example.cn'));
    await server.inject({ method: 'POST', url: `${linkIn(confirmation)}/confirm` });
    await publish('关于2026年义务教育招生入学工作的通知', { fieldCode: '24' });
    await publish('关于做好学生资助工作的通知', { fieldCode: '24' });
    expect(mailsTo('parent@example.cn')).toHaveLength(1);
    // 2026-03-03 08:05 in China.
    app.clock.set('2026-03-03T00:05:00Z');
    await app.stores.jobs.send(NOTIFY_DIGEST_JOB, {});
    await app.jobs.runner.runDue();
    const digest = await smtp.waitFor((m) => m.to.includes('parent@example.cn') && m.subject.includes('新发布信息'));
    expect(digest.subject).toBe('【政务公开平台】2026-03-02新发布信息2条');
    expect(digest.text).toContain('关于2026年义务教育招生入学工作的通知');
    expect(digest.text).toContain('关于做好学生资助工作的通知');
    expect(header(digest, 'list-unsubscribe')).toMatch(
      /^<https:\/\/gk\.example\.gov\.cn\/dingyue\/s\/.+\/unsubscribe>$/,
    );
    expect(header(digest, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    // A second run makes no second digest.
    await app.stores.jobs.send(NOTIFY_DIGEST_JOB, {});
    await app.jobs.runner.runDue();
    expect(mailsTo('parent@example.cn')).toHaveLength(2);
  });
});
