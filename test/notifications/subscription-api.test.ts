import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestServer, type TestApp } from '../app.ts';
import { DIALECTS } from '../databases.ts';
import { seedFixture } from '../fixtures.ts';
import { startSmtpServer } from '../mail/smtp-kit.ts';

const ORIGIN = 'https://gk.example.gov.cn';
const JSON_HEADERS = { 'content-type': 'application/json' };

/** Subscriptions through the open API: the same double opt-in, and a subscriber's own reads and changes by the signed link. */
describe.each(DIALECTS)('the subscriptions API on $name', (dialect) => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let app: TestApp;
  let server: FastifyInstance;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    app = await createTestApp(dialect, {
      now: '2026-03-02T02:00:00Z',
      env: { GONGKAI_SMTP_URL: smtp.url, GONGKAI_PUBLIC_URL: ORIGIN },
    });
    await seedFixture(app, []);
    server = await createTestServer(app);
  });
  afterAll(async () => {
    await server?.close();
    await app?.cleanup();
    await smtp?.close();
  });

  it('lists what may be chosen, with names', async () => {
    const response = await server.inject({ method: 'GET', url: '/api/v1/subscriptions/options' });
    expect(response.statusCode).toBe(200);
    const options = response.json<Record<string, { value: string; label: string }[]>>();
    expect(options.policy).toContainEqual({ value: '减税降费', label: '减税降费' });
    expect(options.org!.map((o) => o.label)).toContain('测试区甲镇人民政府');
    expect(options.field!.length).toBe(26);
    expect(response.headers['access-control-allow-origin']).toBe('*');
  });

  it('refuses a bad subscription with a stable code and Chinese messages', async () => {
    const response = await server.inject({
      method: 'POST',
      url: '/api/v1/subscriptions',
      headers: JSON_HEADERS,
      payload: JSON.stringify({ channel: 'email', address: 'nobody', choices: { policy: ['没有'] } }),
    });
    expect(response.statusCode).toBe(400);
    const error = response.json<{ code: string; fields: { field: string; message: string }[] }>();
    expect(error.code).toBe('validation_failed');
    expect(error.fields.map((f) => f.field).sort()).toEqual(['address', 'policy']);
    expect(error.fields.every((f) => /[\u4e00-\u9fa5]/.test(f.message))).toBe(true);
  });

  it('subscribes, confirms, changes, unsubscribes and erases through the signed link', async () => {
    const created = await server.inject({
      method: 'POST',
      url: '/api/v1/subscriptions',
      headers: JSON_HEADERS,
      payload: JSON.stringify({
        channel: 'email',
        address: 'api.user@example.cn',
        frequency: 'weekly',
        choices: { policy: ['惠企'] },
      }),
    });
    expect(created.statusCode).toBe(202);
    expect(created.json()).toEqual({ status: 'confirmation_sent' });
    await app.jobs.runner.runDue();
    const mail = await smtp.waitFor((m) => m.to.includes('api.user@example.cn'));
    const [, id, token] = /\/dingyue\/s\/([0-9a-z]{16})\/(\S+)/.exec(mail.text)!;
    const url = `/api/v1/subscriptions/${id}?token=${encodeURIComponent(token!)}`;

    const read = await server.inject({ method: 'GET', url });
    expect(read.json()).toMatchObject({ state: 'pending', frequency: 'weekly', address: 'a***@example.cn' });

    const changed = await server.inject({
      method: 'PUT',
      url,
      headers: JSON_HEADERS,
      payload: JSON.stringify({ frequency: 'daily', choices: { policy: ['惠企', '减税降费'], audience: ['企业'] } }),
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({
      state: 'active',
      frequency: 'daily',
      choices: { policy: ['减税降费', '惠企'], audience: ['企业'], org: [], field: [], topic: [] },
    });

    const forged = await server.inject({ method: 'GET', url: `/api/v1/subscriptions/${id}?token=1.${'A'.repeat(43)}` });
    expect(forged.statusCode).toBe(404);
    expect(forged.json<{ code: string }>().code).toBe('link_invalid');

    const left = await server.inject({ method: 'POST', url: url.replace('?', '/unsubscribe?') });
    expect(left.json()).toMatchObject({ state: 'unsubscribed' });

    expect((await server.inject({ method: 'DELETE', url })).statusCode).toBe(204);
    expect((await server.inject({ method: 'GET', url })).statusCode).toBe(404);
    expect(await app.stores.notifications.subscriberByAddress('email', 'api.user@example.cn')).toBeUndefined();
  });
});
