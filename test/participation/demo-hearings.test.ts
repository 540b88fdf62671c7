import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDepsOf, seedDemoDistrict } from '../../src/demo/seed-demo.ts';
import type { Meeting } from '../../src/modules/participation/index.ts';
import { createTestApp, createTestServer, type TestApp } from '../app.ts';
import { DIALECTS } from '../databases.ts';

/** Late evening in China (23:30): the demo's meetings are dated by whole days around the seeding day. */
const NOW = '2026-11-20T15:30:00Z';

/**
 * The demo district's hearings and meetings of major decisions: one held with its minutes public,
 * one announced with registrations and its form open, one cancelled with its reason; registrants are
 * invented, their contacts sealed and never on the public pages.
 */
describe.each(DIALECTS)('demo district hearings on $name', (dialect) => {
  let app: TestApp;
  let server: FastifyInstance;
  let meetings: Meeting[];

  beforeAll(async () => {
    app = await createTestApp(dialect, { now: NOW });
    await seedDemoDistrict(seedDepsOf(app), { password: 'demo-password-1', now: app.clock.now() });
    app.clock.set(NOW);
    server = await createTestServer(app);
    const decisions = await app.stores.decisions.ofYear(2026, null);
    meetings = await app.stores.meetings.ofDecisions(
      decisions.map((d) => d.id),
      false,
    );
  }, 180_000);
  afterAll(async () => {
    await server?.close();
    await app?.cleanup();
  });

  const get = (url: string) => server.inject({ method: 'GET', url });
  const inState = (state: Meeting['state']) => {
    const found = meetings.filter((m) => m.state === state);
    expect(found, state).toHaveLength(1);
    return found[0]!;
  };

  it('has a held hearing with minutes, an announced one taking registrations and a cancelled symposium', async () => {
    expect(meetings.map((m) => m.state).sort()).toEqual(['announced', 'cancelled', 'minuted']);
    const minuted = inState('minuted');
    const page = await get(`/hdjl/zdjc/tz/${minuted.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('听证笔录');
    expect(page.body).toContain('shifanqu-demo-draw-2026');
    expect(page.body).toMatch(/<th scope="row">合计<\/th>\s*<td>8<\/td>\s*<td>5<\/td>\s*<td>4<\/td>/);
    expect(page.body).not.toContain('林晓梅');
    expect(page.body).not.toContain('1390000');
    const announced = inState('announced');
    const open = await get(`/hdjl/zdjc/tz/${announced.id}`);
    expect(open.body).toContain('提交报名');
    expect(await app.stores.meetings.registrations(announced.id)).toHaveLength(4);
    const cancelled = await get(`/hdjl/zdjc/tz/${inState('cancelled').id}`);
    expect(cancelled.body).toContain('报告厅改造');
    const directory = await get('/hdjl/zdjc/?year=2026');
    for (const m of meetings) expect(directory.body).toContain(`href="/hdjl/zdjc/tz/${m.id}"`);
  });
});
