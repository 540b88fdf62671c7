import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDepsOf, seedDemoDistrict } from '../../src/demo/seed-demo.ts';
import { phaseOf, type ConsultationPhase, type ConsultationSummary } from '../../src/modules/participation/index.ts';
import { createTestApp, createTestServer, type TestApp } from '../app.ts';
import { DIALECTS } from '../databases.ts';
import { signIn } from '../http/http-kit.ts';

/**
 * Late evening in China (23:30 on 20 November): the demo's consultations are dated by whole days
 * around the seeding day, so their phases must hold even an hour before the date changes.
 */
const NOW = '2026-11-20T15:30:00Z';

/**
 * The demo district's consultations on drafts (意见征集), made through the module's use cases: one
 * in every phase, with invented residents, a moderated comment, a second version, dispositions in
 * groups and a published adoption report.
 */
describe.each(DIALECTS)('demo district consultations on $name', (dialect) => {
  let app: TestApp;
  let server: FastifyInstance;
  let byPhase: Map<ConsultationPhase, ConsultationSummary[]>;

  beforeAll(async () => {
    app = await createTestApp(dialect, { now: NOW });
    await seedDemoDistrict(seedDepsOf(app), { password: 'demo-password-1', now: app.clock.now() });
    // The seeder moves its own clock; the application's stays at the seeding time.
    app.clock.set(NOW);
    server = await createTestServer(app);
    const { items } = await app.stores.consultations.list({ orgIds: null, publicOnly: false, limit: 50, offset: 0 });
    byPhase = new Map();
    for (const item of items) {
      const phase = phaseOf(item, app.clock.now());
      byPhase.set(phase, [...(byPhase.get(phase) ?? []), item]);
    }
  }, 180_000);
  afterAll(async () => {
    await server?.close();
    await app?.cleanup();
  });

  const one = (phase: ConsultationPhase): ConsultationSummary => {
    const found = byPhase.get(phase) ?? [];
    expect(found, phase).toHaveLength(1);
    return found[0]!;
  };
  const get = (url: string) => server.inject({ method: 'GET', url });

  it('has exactly one consultation in each phase, every one marked 示范区', () => {
    expect(Object.fromEntries([...byPhase].map(([phase, items]) => [phase, items.length]))).toEqual({
      draft: 1,
      scheduled: 1,
      open: 1,
      closed: 1,
      completed: 1,
    });
    for (const items of byPhase.values()) {
      for (const c of items) {
        expect(c.title).toContain('示范区');
        expect(c.summary).toContain('示范区演示数据');
      }
    }
  });

  it('signs its comments with invented demo names only, from documentation addresses', async () => {
    for (const items of byPhase.values()) {
      for (const c of items) {
        for (const comment of await app.stores.consultations.comments(c.id)) {
          expect(
            comment.name === '' || /^示范(居民|家长)[甲乙丙丁戊己庚辛壬癸]$/.test(comment.name),
            comment.name,
          ).toBe(true);
        }
      }
    }
    const submitted = await app.database.db
      .selectFrom('audit_log')
      .select('ip')
      .where('action', '=', 'comment.submitted')
      .execute();
    expect(submitted.length).toBeGreaterThan(0);
    expect(submitted.every((row) => String(row.ip).startsWith('192.0.2.'))).toBe(true);
  });

  it('keeps the draft from the public and shows the scheduled one as about to open', async () => {
    expect((await get(`/hdjl/zjyj/${one('draft').id}`)).statusCode).toBe(404);
    const scheduled = await get(`/hdjl/zjyj/${one('scheduled').id}`);
    expect(scheduled.statusCode).toBe(200);
    expect(scheduled.body).toContain('即将开始');
    expect((await get(`/hdjl/zjyj/${one('scheduled').id}/yijian`)).statusCode).toBe(409);
  });

  it('has an open consultation on its second version with paragraph and whole-draft comments, one hidden', async () => {
    const open = one('open');
    expect(open.version).toBe(2);
    const comments = await app.stores.consultations.comments(open.id);
    expect(comments.some((c) => c.paragraph !== null && c.version === 1)).toBe(true);
    expect(comments.some((c) => c.paragraph !== null && c.version === 2)).toBe(true);
    expect(comments.some((c) => c.paragraph === null && c.state === 'shown')).toBe(true);
    expect(comments.filter((c) => c.state === 'hidden')).toHaveLength(1);
    expect([open.shownComments, open.hiddenComments]).toEqual([comments.length - 1, 1]);
    const page = await get(`/hdjl/zjyj/${open.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('正在征集');
    expect(page.body).toContain('1 条因违反留言规则未显示');
    expect(page.body).toContain(`/hdjl/zjyj/${open.id}/yijian?p=2`);
    expect(page.body).toContain('示****');
    expect(page.body).not.toContain('示范家长');
    const compare = await get(`/hdjl/zjyj/${open.id}/bijiao?from=1&to=2`);
    expect(compare.statusCode).toBe(200);
    expect(compare.body).toContain('共 2 处变化');
  });

  it('has a closed consultation with dispositions begun but not finished, and no report yet', async () => {
    const closed = one('closed');
    const comments = await app.stores.consultations.comments(closed.id);
    const disposed = comments.filter((c) => c.disposition !== null).length;
    expect([disposed, comments.length - disposed]).toEqual([2, 4]);
    expect((await get(`/hdjl/zjyj/${closed.id}`)).body).toContain('征集结束，待反馈');
    expect((await get(`/hdjl/zjyj/${closed.id}/cnqk`)).statusCode).toBe(404);
  });

  it('has a completed consultation whose adoption report counts every comment and links a demo document', async () => {
    const completed = one('completed');
    const report = await get(`/hdjl/zjyj/${completed.id}/cnqk`);
    expect(report.statusCode).toBe(200);
    const count = (name: string) => new RegExp(`data-count="${name}">(\\d+)<`).exec(report.body)?.[1];
    expect(['received', 'shown', 'adopted', 'partly', 'rejected', 'hidden'].map(count)).toEqual([
      '8',
      '7',
      '2',
      '2',
      '3',
      '1',
    ]);
    expect(report.body).toContain('补贴对象范围</strong>（同类意见 2 条）');
    expect(report.body).toContain('补贴标准</strong>（同类意见 2 条）');
    expect(completed.finalLink).toMatch(/^\/xxgk\/doc\/[0-9a-z]{16}$/);
    expect(report.body).toContain(`href="${completed.finalLink}"`);
    expect((await get(completed.finalLink!)).statusCode).toBe(200);
  });

  it('lists the year’s major decisions with their methods, four of them linked to their consultation', async () => {
    const page = await get('/hdjl/zdjc/');
    expect(page.statusCode).toBe(200);
    expect(page.body.match(/<tr>/g)?.length).toBe(7); // the header row and six items
    expect(page.body).toContain('示范区社区食堂建设运营扶持政策');
    expect(page.body).toContain('已决策');
    expect(page.body.match(/href="\/hdjl\/zjyj\/[0-9a-z]{16}"/g)?.length).toBe(4);
  });

  it('lets the demo’s interaction officer sign in and see all five in the back office', async () => {
    const { response, jar } = await signIn(server, 'district.hudong', { password: 'demo-password-1' });
    expect(response.statusCode).toBe(303);
    const list = await server.inject({ method: 'GET', url: '/admin/participation/consultations', cookies: jar });
    expect(list.statusCode).toBe(200);
    for (const items of byPhase.values()) for (const c of items) expect(list.body).toContain(c.title);
  });
});
