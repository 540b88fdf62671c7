import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDepsOf, seedDemoDistrict } from '../../src/demo/seed-demo.ts';
import type { Interview } from '../../src/modules/participation/index.ts';
import { createTestApp, createTestServer, type TestApp } from '../app.ts';
import { DIALECTS } from '../databases.ts';
import { signIn } from '../http/http-kit.ts';

/** Late evening in China (23:30): the demo's interviews are dated by whole days around the seeding day. */
const NOW = '2026-11-20T15:30:00Z';

/**
 * The demo district's online interviews: one ended with its transcript, answered questions and a
 * photo with alt text; one live; one announced with questions pending and shown; one cancelled.
 */
describe.each(DIALECTS)('demo district interviews on $name', (dialect) => {
  let app: TestApp;
  let server: FastifyInstance;
  let interviews: Interview[];

  beforeAll(async () => {
    app = await createTestApp(dialect, { now: NOW });
    await seedDemoDistrict(seedDepsOf(app), { password: 'demo-password-1', now: app.clock.now() });
    app.clock.set(NOW);
    server = await createTestServer(app);
    interviews = (await app.stores.interviews.list({ orgIds: null, publicOnly: false, limit: 50, offset: 0 })).items;
  }, 180_000);
  afterAll(async () => {
    await server?.close();
    await app?.cleanup();
  });

  const get = (url: string) => server.inject({ method: 'GET', url });
  const inState = (state: Interview['state']) => {
    const found = interviews.filter((i) => i.state === state);
    expect(found, state).toHaveLength(1);
    return found[0]!;
  };

  it('has one interview in each public state, all on the list', async () => {
    expect(interviews.map((i) => i.state).sort()).toEqual(['cancelled', 'ended', 'live', 'scheduled']);
    const list = await get('/hdjl/zxft/');
    expect(list.statusCode).toBe(200);
    for (const i of interviews) expect(list.body).toContain(`href="/hdjl/zxft/${i.id}"`);
  });

  it('shows the ended one with its transcript, answered questions, hidden count and photo', async () => {
    const page = await get(`/hdjl/zxft/${inState('ended').id}`);
    expect(page.body).toContain('文字实录');
    expect(page.body).toContain('示范区民政局局长 赵示范');
    expect(page.body.match(/class="tag answered"/g)).toHaveLength(2);
    expect(page.body).toContain('另有1个问题因不符合提问须知未公开。');
    expect(page.body).toContain('src="/static/demo-interview.svg"');
    expect(page.body).toContain('alt="访谈现场：三位嘉宾坐在“示范区在线访谈”背景板前的桌边"');
    expect((await get('/static/demo-interview.svg')).statusCode).toBe(200);
  });

  it('shows the live one following its stream, and the announced one taking questions', async () => {
    const live = await get(`/hdjl/zxft/${inState('live').id}`);
    expect(live.body).toContain('直播中');
    expect(live.body).toContain('data-interview-live=');
    expect(live.body).toContain('一般到下午六点');
    const scheduled = inState('scheduled');
    const page = await get(`/hdjl/zxft/${scheduled.id}`);
    expect(page.body).toContain('我要提问');
    expect(page.body).toContain('老旧小区能不能增设停车位？（示范）');
    expect(page.body).not.toContain('夜间路边停车能否放宽？');
    expect(await app.stores.interviews.questions(scheduled.id, ['pending'])).toHaveLength(1);
    expect((await get(`/hdjl/zxft/${inState('cancelled').id}`)).body).toContain('嘉宾临时公务');
  });

  it('lets the demo’s interaction officer see all four in the back office', async () => {
    const { response, jar } = await signIn(server, 'district.hudong', { password: 'demo-password-1' });
    expect(response.statusCode).toBe(303);
    const list = await server.inject({ method: 'GET', url: '/admin/participation/interviews', cookies: jar });
    expect(list.statusCode).toBe(200);
    for (const i of interviews) expect(list.body).toContain(i.title);
  });
});
