import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOTIFY_DELIVER_JOB, registerWebhook, SMS_MAX_CHARACTERS } from '../../src/modules/notifications/index.ts';
import { createTestApp, createTestServer, type TestApp } from '../app.ts';
import { DIALECTS } from '../databases.ts';
import { publishedDocument, seedFixture, type Fixture } from '../fixtures.ts';
import { csrfFieldOf, keepCookies, type CookieJar } from '../http/http-kit.ts';
import { startHttpSink } from './http-sink.ts';

const ORIGIN = 'https://gk.example.gov.cn';
const SMS_SECRET = 'sms-gateway-shared-secret-0123456789abcdef';
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

/**
 * The SMS gateway and webhooks against real HTTP servers on loopback: every request is signed and
 * the signatures verify; a mobile subscribes with the code the gateway carried; a gateway that fails
 * twice gets the message exactly once, on the third try after the backoff; a webhook gets a signed
 * payload of each publication it matches; a permanent refusal is not tried again.
 */
describe.each(DIALECTS)('SMS and webhook pushes on $name', (dialect) => {
  let gateway: Awaited<ReturnType<typeof startHttpSink>>;
  let hook: Awaited<ReturnType<typeof startHttpSink>> | undefined;
  let app: TestApp;
  let server: FastifyInstance;
  let fixture: Fixture;
  const jar: CookieJar = {};

  beforeAll(async () => {
    gateway = await startHttpSink({ secret: SMS_SECRET, now: () => app.clock.now() });
    app = await createTestApp(dialect, {
      now: '2026-03-02T02:00:00Z',
      env: { GONGKAI_PUBLIC_URL: ORIGIN, GONGKAI_SMS_URL: `${gateway.url}/sms`, GONGKAI_SMS_SECRET: SMS_SECRET },
    });
    fixture = await seedFixture(app, [
      { role: 'editor', org: 'civ' },
      { role: 'reviewer', org: 'civ' },
      { role: 'system_admin', org: 'dist' },
    ]);
    server = await createTestServer(app);
  });
  afterAll(async () => {
    await server?.close();
    await app?.cleanup();
    await gateway?.close();
    await hook?.close();
  });

  const post = async (fields: [string, string][]) => {
    const form = await server.inject({ method: 'GET', url: '/dingyue/', cookies: jar });
    keepCookies(form, jar);
    const response = await server.inject({
      method: 'POST',
      url: '/dingyue/',
      headers: FORM,
      cookies: jar,
      payload: new URLSearchParams([['_csrf', csrfFieldOf(form.body)], ...fields]).toString(),
    });
    await app.jobs.runner.runDue();
    return response;
  };
  const publish = async (title: string) => {
    const edition = await publishedDocument(app, fixture, {
      org: 'civ',
      editor: 'civ.editor',
      reviewer: 'civ.reviewer',
      content: { title, topic: '民政、扶贫、救灾', policyTags: ['民生'], audiences: ['老年人'] },
    });
    await app.jobs.runner.runDue();
    return edition;
  };
  const deliverAfter = async (seconds: number) => {
    app.clock.set(new Date(app.clock.now().getTime() + seconds * 1000));
    await app.stores.jobs.send(NOTIFY_DELIVER_JOB, {});
    await app.jobs.runner.runDue();
  };

  it('offers SMS on the form and sends a signed code to the mobile', async () => {
    const form = await server.inject({ method: 'GET', url: '/dingyue/' });
    expect(form.body).toContain('获取短信验证码');
    const response = await post([
      ['channel', 'sms'],
      ['address', '138 0013 8000'],
      ['step', 'code'],
    ]);
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('验证码已发送到 138****8000');
    await gateway.waitFor(1);
    const [code] = gateway.requests;
    expect(code!.signature).toBe('ok');
    expect(code!.body.to).toBe('13800138000');
    expect(code!.body.text).toMatch(/^【政务公开平台】您的订阅验证码是\d{6}，10分钟内有效。$/);
  });

  it('refuses a wrong code beside the field and a second code within a minute', async () => {
    const wrong = await post([
      ['channel', 'sms'],
      ['address', '13800138000'],
      ['code', '000000'],
      ['policy', '民生'],
      ['frequency', 'immediate'],
    ]);
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('验证码不对或已过期');
    const again = await post([
      ['channel', 'sms'],
      ['address', '13800138000'],
      ['step', 'code'],
    ]);
    expect(again.statusCode).toBe(429);
    expect(again.body).toContain('请1分钟后再试');
    expect(gateway.requests).toHaveLength(1);
  });

  it('subscribes the mobile with the right code, at once', async () => {
    const code = /验证码是(\d{6})/.exec(String(gateway.requests[0]!.body.text))![1]!;
    const response = await post([
      ['channel', 'sms'],
      ['address', '13800138000'],
      ['code', code],
      ['policy', '民生'],
      ['audience', '老年人'],
      ['frequency', 'immediate'],
    ]);
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('订阅已确认');
  });

  it('gets a message to a gateway that fails twice exactly once, after backing off', async () => {
    gateway.failNext(2, 503);
    await publish('关于提高城乡低保标准的通知');
    expect(gateway.requests).toHaveLength(2);
    expect(gateway.requests[1]!.status).toBe(503);
    await deliverAfter(10);
    expect(gateway.requests).toHaveLength(2);
    await deliverAfter(25);
    expect(gateway.requests).toHaveLength(3);
    expect(gateway.requests[2]!.status).toBe(503);
    await deliverAfter(61);
    expect(gateway.requests).toHaveLength(4);
    const sms = gateway.requests.slice(1);
    expect(sms.every((r) => r.signature === 'ok')).toBe(true);
    expect(new Set(sms.map((r) => r.key)).size).toBe(1);
    expect(gateway.accepted().filter((r) => r.key === sms[0]!.key)).toHaveLength(1);
    const text = String(sms[2]!.body.text);
    expect(text).toContain('关于提高城乡低保标准的通知');
    expect([...text].length).toBeLessThanOrEqual(SMS_MAX_CHARACTERS);
    await deliverAfter(600);
    expect(gateway.requests).toHaveLength(4);
  });

  it('posts a signed payload of each matching publication to a registered webhook', async () => {
    const { secret } = await registerWebhook({
      uow: app.uow,
      clock: app.clock,
      actor: fixture.staff('dist.system_admin'),
      vocabulary: {
        org: [...fixture.orgs.values()].map((o) => o.id),
        field: [],
        topic: [],
        audience: [],
        policy: ['民生'],
      },
      input: { label: '省政务服务App', url: 'http://127.0.0.1:9/hook', choices: { policy: ['民生'] } },
    }).then(async (registered) => {
      // The sink is started with the secret made at registration; its address is set afterwards.
      hook = await startHttpSink({ secret: registered.secret, now: () => app.clock.now() });
      await app.stores.notifications.saveSubscriber({ ...registered.subscriber, address: `${hook.url}/hook` });
      return registered;
    });
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const edition = await publish('关于发放困难群众一次性生活补贴的通知');
    await hook!.waitFor(1);
    const [delivery] = hook!.requests;
    expect(delivery!.signature).toBe('ok');
    expect(delivery!.key).toMatch(/^[0-9a-z]{16}\.[0-9a-z]{16}$/);
    expect(delivery!.body).toMatchObject({
      kind: 'publication',
      title: '关于发放困难群众一次性生活补贴的通知',
      url: `${ORIGIN}/xxgk/doc/${edition.documentId}`,
      documentId: edition.documentId,
    });
  });

  it('does not try again a message the receiver refused for good', async () => {
    hook!.failNext(1, 400);
    const before = hook!.requests.length;
    await publish('关于调整高龄津贴发放办法的通知');
    expect(hook!.requests).toHaveLength(before + 1);
    expect(hook!.requests.at(-1)!.status).toBe(400);
    await deliverAfter(3600);
    expect(hook!.requests).toHaveLength(before + 1);
  });
});
