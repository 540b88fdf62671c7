import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERSON } from '../../src/modules/requests/domain/request.fixture.ts';
import { createTestApp, createTestServer, type TestApp } from '../app.ts';
import { DIALECTS } from '../databases.ts';
import { seedFixture } from '../fixtures.ts';
import { startSmtpServer } from '../mail/smtp-kit.ts';

/**
 * An online application with an e-mail address gets its receipt by e-mail once it is stored: the
 * mail is queued with the application and the job queue (the embedded table on SQLite, pg-boss on
 * PostgreSQL) hands it to a real SMTP server on loopback. One without an address gets none, and a
 * mail server that is down costs neither the application nor the receipt, which waits for a retry.
 */
describe.each(DIALECTS)('e-mail receipt of an application on $name', (dialect) => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let app: TestApp;
  let server: FastifyInstance;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    app = await createTestApp(dialect, {
      now: '2026-09-18T02:00:00Z',
      env: { GONGKAI_SMTP_URL: smtp.url, GONGKAI_PUBLIC_URL: 'https://gk.example.gov.cn' },
    });
    await seedFixture(app, []);
    server = await createTestServer(app);
  });
  afterAll(async () => {
    await server?.close();
    await app?.cleanup();
    await smtp?.close();
  });

  const apply = async (email: string) => {
    const response = await server.inject({
      method: 'POST',
      url: '/api/v1/foi/applications',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ ...PERSON, agency: 'edu', email, delivery: email ? 'email' : 'online' }),
    });
    await app.jobs.runner.runDue();
    return response;
  };

  it('mails the receipt with the tracking code, the agency and the tracking page from the configured origin', async () => {
    const response = await apply('Zhang.Receipt@Example.cn');
    expect(response.statusCode).toBe(201);
    const { trackingCode } = response.json<{ trackingCode: string }>();
    const mail = await smtp.waitFor((m) => m.to.includes('zhang.receipt@example.cn'));
    expect(mail.subject).toBe(`政府信息公开申请回执（查询码 ${trackingCode}）`);
    for (const part of [
      `${PERSON.name}：`,
      `申请查询码：${trackingCode}`,
      '测试区教育局',
      'https://gk.example.gov.cn/ysqgk/track',
      '第三十一条',
    ]) {
      expect(mail.text).toContain(part);
    }
    // The identity number never travels by mail.
    expect(mail.raw).not.toContain(PERSON.idNumber);
  });

  it('sends nothing when no address was given', async () => {
    const before = smtp.received.length;
    expect((await apply('')).statusCode).toBe(201);
    // A receipt would have been handed over by the time a second mail arrives; send a probe behind it.
    const probe = await apply('probe@example.cn');
    expect(probe.statusCode).toBe(201);
    await smtp.waitFor((m) => m.to.includes('probe@example.cn'));
    expect(smtp.received.length).toBe(before + 1);
  });
});

describe('an application while the mail server is down', () => {
  it('is stored and answered 201; the receipt waits in the queue for a retry', async () => {
    const app = await createTestApp(DIALECTS[0]!, {
      now: '2026-09-18T02:00:00Z',
      env: { GONGKAI_SMTP_URL: 'smtp://127.0.0.1:1' },
    });
    try {
      await seedFixture(app, []);
      const server = await createTestServer(app);
      const response = await server.inject({
        method: 'POST',
        url: '/api/v1/foi/applications',
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify({ ...PERSON, agency: 'edu', email: 'down@example.cn', delivery: 'email' }),
      });
      expect(response.statusCode).toBe(201);
      const { trackingCode } = response.json<{ trackingCode: string }>();
      expect((await app.stores.requests.getByTrackingCode(trackingCode))?.state).toBe('submitted');
      expect(await app.jobs.runner.runDue()).toBe(1);
      // Tried once, failed, kept for the next attempt (30 s later), not dropped.
      expect(await app.jobs.runner.runDue()).toBe(0);
      expect((await app.jobs.runner.status()).waiting).toEqual({ 'mail-send': 1 });
      await server.close();
    } finally {
      await app.cleanup();
    }
  });
});
