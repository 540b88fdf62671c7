import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestServer, markAsDemo, type TestApp } from '../app.ts';
import { DIALECTS } from '../databases.ts';
import { seedFixture } from '../fixtures.ts';
import { csrfFieldOf, keepCookies, multipart, signedIn } from '../http/http-kit.ts';

describe.each(DIALECTS)('calendar back office on $name', (dialect) => {
  let app: TestApp;
  let server: FastifyInstance;

  beforeAll(async () => {
    app = await createTestApp(dialect, { now: '2026-11-20T02:00:00Z' });
    await seedFixture(app, [
      { role: 'district_admin', org: 'dist' },
      { role: 'editor', org: 'edu' },
    ]);
    await markAsDemo(app);
    server = await createTestServer(app);
  });
  afterAll(async () => {
    await server.close();
    await app.cleanup();
  });

  it('warns that next year is missing, imports it from a file, and no longer warns', async () => {
    const jar = await signedIn(server, 'dist.district_admin');
    const page = await server.inject({ method: 'GET', url: '/admin/calendar', cookies: jar });
    expect(page.body).toContain('2027年的节假日安排尚未导入');
    const body = multipart({ _csrf: csrfFieldOf(page.body) }, [
      {
        field: 'file',
        fileName: '2027.json',
        bytes: Buffer.from(JSON.stringify([{ date: '2027-01-01', isOffDay: true, name: '元旦' }])),
      },
    ]);
    const imported = await server.inject({
      method: 'POST',
      url: '/admin/calendar/import',
      cookies: jar,
      headers: body.headers,
      payload: body.payload,
    });
    expect(imported.statusCode).toBe(303);
    const after = await server.inject({ method: 'GET', url: '/admin/calendar', cookies: keepCookies(imported, jar) });
    expect(after.body).toContain('已导入：2027');
    expect(after.body).not.toContain('2027年的节假日安排尚未导入');
  });

  it('keeps the calendar from staff without the calendar permission', async () => {
    const jar = await signedIn(server, 'edu.editor');
    const page = await server.inject({ method: 'GET', url: '/admin/calendar', cookies: jar });
    expect(page.statusCode).toBe(403);
    expect(page.body).toContain('您没有权限执行此操作');
  });
});
