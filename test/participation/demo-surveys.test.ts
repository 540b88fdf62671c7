import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDepsOf, seedDemoDistrict } from '../../src/demo/seed-demo.ts';
import type { SurveySummary } from '../../src/modules/participation/index.ts';
import { createTestApp, createTestServer, type TestApp } from '../app.ts';
import { DIALECTS } from '../databases.ts';

/**
 * Late evening in China (23:30 on Friday 20 November): the demo's surveys are dated by whole days
 * around the seeding day, so their phases must hold even just before the date changes.
 */
const NOW = '2026-11-20T15:30:00Z';

/**
 * The demo district's online surveys (网络调查), made through the module's use cases: one in every
 * phase, answered by invented residents from documentation addresses, with public results.
 */
describe.each(DIALECTS)('demo district surveys on $name', (dialect) => {
  let app: TestApp;
  let server: FastifyInstance;
  let all: SurveySummary[];

  beforeAll(async () => {
    app = await createTestApp(dialect, { now: NOW });
    await seedDemoDistrict(seedDepsOf(app), { password: 'demo-password-1', now: app.clock.now() });
    app.clock.set(NOW);
    server = await createTestServer(app);
    ({ items: all } = await app.stores.surveys.list({ orgIds: null, publicOnly: false, limit: 100, offset: 0 }));
  }, 180_000);
  afterAll(async () => {
    await server?.close();
    await app?.cleanup();
  });

  const get = (url: string) => server.inject({ method: 'GET', url });
  const titled = (part: string): SurveySummary => {
    const found = all.filter((s) => s.title.includes(part));
    expect(found, part).toHaveLength(1);
    return found[0]!;
  };
  const storedSheets = async (surveyId: string) =>
    app.database.db.selectFrom('survey_answers').select('answers').where('survey_id', '=', surveyId).execute();

  it.each([
    ['政务服务满意度', 'closed', 36],
    ['错时停车', 'closed', 9],
    ['就诊体验', 'open', 6],
    ['志愿服务意向', 'open', 3],
    ['暑期托管', 'upcoming', 0],
    ['夜间经济', 'draft', 0],
  ])('has the survey on %s %s, with %i answer sheets', async (part, phase, sheets) => {
    const survey = titled(part);
    expect(survey.description).toContain('示范区演示数据');
    const page = await get(`/hdjl/wldc/${survey.id}`);
    expect(page.statusCode).toBe(phase === 'draft' ? 404 : 200);
    expect(await storedSheets(survey.id)).toHaveLength(sheets);
    if (phase === 'draft') return;
    const api = await get(`/api/v1/surveys/${survey.id}`);
    expect(api.json<{ phase: string; respondents: number }>()).toMatchObject({ phase, respondents: sheets });
  });

  it('shows the closed survey results counted from its stored sheets, with every option present', async () => {
    const survey = titled('政务服务满意度');
    const page = await get(`/hdjl/wldc/${survey.id}/jieguo`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('共收到答卷 36 份');
    const rows = (await storedSheets(survey.id)).map(
      (row) => JSON.parse(row.answers) as { kind: string; option?: number }[],
    );
    const first = [0, 0, 0];
    for (const sheet of rows) first[sheet[0]!.option!]!++;
    // Every channel was chosen by someone, and the counts are those of the page.
    expect(first.every((count) => count > 0)).toBe(true);
    const section = page.body.split('id="q1"')[1]!.split('class="survey-question-result"')[0]!;
    const fromTable = [...section.matchAll(/<td class="count">(\d+)<\/td>/g)].map((m) => Number(m[1]));
    expect(fromTable).toEqual(first);
    // Written suggestions are shown, as typed.
    expect(page.body).toContain('建议在社区设置自助打印终端。');
  });

  it('answers from documentation addresses and demo devices only, every sheet audited', async () => {
    const addresses = await app.database.db
      .selectFrom('audit_log')
      .select('ip')
      .where('action', '=', 'survey.answered')
      .execute();
    expect(addresses).toHaveLength(36 + 9 + 6 + 3);
    for (const { ip } of addresses) expect(ip).toMatch(/^198\.51\.100\.\d+$/);
  });

  it('asks for verification on the survey for verified people, each sheet under its own person key', async () => {
    const survey = titled('志愿服务意向');
    expect(survey.limit).toEqual({ kind: 'one_per_person' });
    const page = await get(`/hdjl/wldc/${survey.id}`);
    expect(page.body).toContain('验证身份后答卷');
    const sheets = await app.stores.surveys.answers(survey.id);
    expect(new Set(sheets.map((s) => s.personKey)).size).toBe(3);
    expect(sheets.every((s) => s.deviceKey === null && /^[0-9a-f]{32}$/.test(s.personKey ?? ''))).toBe(true);
  });

  it('lists the four public surveys on the column page, the draft left out', async () => {
    const list = await get('/hdjl/wldc/');
    expect(list.statusCode).toBe(200);
    for (const part of ['政务服务满意度', '错时停车', '就诊体验', '暑期托管']) expect(list.body).toContain(part);
    expect(list.body).not.toContain('夜间经济');
  });
});
