import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDepsOf, seedDemoDistrict } from '../../src/demo/seed-demo.ts';
import { createTestApp, createTestServer, type TestApp } from '../app.ts';
import { DIALECTS } from '../databases.ts';
import { signIn } from '../http/http-kit.ts';

/**
 * The demo's 订阅推送: invented subscribers, a sent push with its report, and none of the demo's own
 * publications pushed to anybody (they were published before the subscribers subscribed).
 */
describe('demo district subscriptions', () => {
  let app: TestApp;
  let server: FastifyInstance;

  beforeAll(async () => {
    app = await createTestApp(DIALECTS[0]!, { now: '2026-11-20T02:00:00Z' });
    await seedDemoDistrict(seedDepsOf(app), { password: 'demo-password-1', now: app.clock.now() });
    server = await createTestServer(app);
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await app?.cleanup();
  });

  it('has subscribers under .example and a push whose report counts sent, bounced and unsubscribed', async () => {
    const counts = await app.stores.notifications.countActive();
    expect(counts.email).toBe(13);
    const { items } = await app.stores.notifications.messages({
      orgIds: null,
      kinds: ['targeted'],
      offset: 0,
      limit: 10,
    });
    expect(items).toHaveLength(1);
    const push = items[0]!;
    expect(push.title).toContain('（演示）');
    expect(push.recipients).toBe(8);
    expect(push.report).toMatchObject({ sent: 6, bounced: 1, unsubscribed: 1, queued: 0, sending: 0 });
    const { jar } = await signIn(server, 'czj.reviewer', { password: 'demo-password-1' });
    const report = await server.inject({ method: 'GET', url: `/admin/push/${push.id}`, cookies: jar });
    expect(report.statusCode).toBe(200);
    expect(report.body).toContain('小微企业减税降费政策申报提醒（演示）');
  });

  it('pushes none of the demo’s own publications to the demo’s subscribers', async () => {
    await app.jobs.runner.runDue();
    const publications = await app.stores.notifications.messages({
      orgIds: null,
      kinds: ['publication'],
      offset: 0,
      limit: 500,
    });
    expect(publications.items.every((m) => m.recipients === 0)).toBe(true);
  });
});
