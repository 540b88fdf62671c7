import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishConsultation, saveDraft } from '../../src/modules/participation/index.ts';
import { createTestApp, createTestServer, type TestApp } from '../app.ts';
import { DIALECTS } from '../databases.ts';
import { seedFixture, type Fixture } from '../fixtures.ts';
import { auditTrail, signedIn, type CookieJar, postFromPage } from '../http/http-kit.ts';

/**
 * The yearly directory of major administrative decisions (暂行条例 Art. 10) through the real pages: an
 * interaction officer lists an item with the participation methods, links its consultation, moves
 * it on to 已决策; the public reads the year's directory; bad input comes back in Chinese with what
 * was typed, and staff of another unit cannot touch it.
 */
describe.each(DIALECTS)('major decisions directory on $name', (dialect) => {
  let app: TestApp;
  let server: FastifyInstance;
  let fixture: Fixture;
  let civ: CookieJar;
  let consultationId: string;
  let id: string;

  beforeAll(async () => {
    app = await createTestApp(dialect, { now: '2026-03-02T02:00:00Z' });
    fixture = await seedFixture(app, [
      { role: 'interaction_officer', org: 'civ' },
      { role: 'interaction_officer', org: 'edu' },
    ]);
    server = await createTestServer(app);
    civ = await signedIn(server, 'civ.interaction_officer');
    const draft = await saveDraft({
      uow: app.uow,
      clock: app.clock,
      actor: fixture.staff('civ.interaction_officer'),
      consultationId: null,
      input: {
        orgId: fixture.orgs.get('civ')!.id,
        title: '示范区养老服务补贴办法（征求意见稿）',
        summary: '',
        major: true,
        shortReason: '',
        opensOn: '2026-03-02',
        closesOn: '2026-04-10',
        text: '第一条 示范条款。',
      },
    });
    await publishConsultation({
      uow: app.uow,
      clock: app.clock,
      actor: fixture.staff('civ.interaction_officer'),
      consultationId: draft.id,
    });
    consultationId = draft.id;
  });
  afterAll(async () => {
    await server?.close();
    await app?.cleanup();
  });

  const post = (jar: CookieJar, page: string, url: string, fields: [string, string][]) =>
    postFromPage(server, jar, page, url, fields);
  const item = (overrides: Record<string, string | string[]> = {}): [string, string][] => {
    const fields: Record<string, string | string[]> = {
      orgId: fixture.orgs.get('civ')!.id,
      year: '2026',
      title: '示范区养老服务补贴标准调整',
      summary: '调整居家养老服务补贴的对象和标准（示范）',
      basis: '《示范区养老服务条例》',
      methods: ['consultation', 'hearing', 'risk'],
      status: 'participation',
      plannedTime: '2026年第三季度',
      consultationId: '',
      decidedOn: '',
      resultLink: '',
      withdrawnReason: '',
      ...overrides,
    };
    return Object.entries(fields).flatMap(([name, value]) =>
      (Array.isArray(value) ? value : [value]).map((v): [string, string] => [name, v]),
    );
  };
  const NEW = '/admin/participation/decisions/new';
  const LIST = '/admin/participation/decisions';

  it.each<{ name: string; overrides: Record<string, string | string[]>; message: string }>([
    { name: 'no title', overrides: { title: '  ' }, message: '请填写决策事项名称。' },
    { name: 'an odd year', overrides: { year: '26' }, message: '年度应为2000至2100之间的年份。' },
    { name: 'an unknown method', overrides: { methods: ['lottery'] }, message: '公众参与方式不在可选范围内' },
    { name: 'a decision without its date', overrides: { status: 'decided' }, message: '已决策的事项请填写决策日期' },
    {
      name: 'a withdrawal without a reason',
      overrides: { status: 'withdrawn' },
      message: '调出目录的事项须说明理由。',
    },
    { name: 'a link elsewhere', overrides: { resultLink: 'javascript:alert(1)' }, message: '请填写本网站上的路径' },
  ])('refuses $name in Chinese and keeps what was typed', async ({ overrides, message }) => {
    const response = await post(civ, NEW, LIST, item(overrides));
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain(message);
    expect(response.body).toContain('调整居家养老服务补贴的对象和标准（示范）');
    expect(await app.stores.decisions.ofYear(2026, null)).toEqual([]);
  });

  it('lists an item with its methods and consultation, shown on the public directory', async () => {
    const saved = await post(civ, NEW, LIST, item({ consultationId }));
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe('/admin/participation/decisions?year=2026');
    const [stored] = await app.stores.decisions.ofYear(2026, null);
    expect(stored).toMatchObject({ status: 'participation', methods: ['consultation', 'hearing', 'risk'] });
    id = stored!.id;
    const page = await server.inject({ method: 'GET', url: '/hdjl/zdjc/' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('2026年度重大行政决策事项目录');
    expect(page.body).toContain('示范区养老服务补贴标准调整');
    expect(page.body).toContain('公开征求意见、听证会、风险评估');
    expect(page.body).toContain(`href="/hdjl/zjyj/${consultationId}"`);
    // The adoption report is linked once it is out, not before.
    expect(page.body).not.toContain(`/hdjl/zjyj/${consultationId}/cnqk`);
    expect(page.body).toContain('公众参与中');
    expect((await server.inject({ method: 'GET', url: '/hdjl/' })).body).toContain('href="/hdjl/zdjc/"');
  });

  it('moves the item on to 已决策 with its date and result, audited', async () => {
    const edit = `/admin/participation/decisions/${id}/edit`;
    const saved = await post(
      civ,
      edit,
      `/admin/participation/decisions/${id}`,
      item({ consultationId, status: 'decided', decidedOn: '2026-06-30', resultLink: '/xxgk/' }),
    );
    expect(saved.statusCode).toBe(303);
    const page = await server.inject({ method: 'GET', url: '/hdjl/zdjc/?year=2026' });
    expect(page.body).toContain('已决策');
    expect(page.body).toContain('2026-06-30');
    expect(page.body).toContain('href="/xxgk/"');
    expect(await auditTrail(app, { entityType: 'major_decision', entityId: id })).toEqual([
      'decision.listed',
      'decision.edited',
    ]);
  });

  it("keeps another unit's officers out, and a consultation of another unit out of the item", async () => {
    const edu = await signedIn(server, 'edu.interaction_officer');
    const page = await server.inject({ method: 'GET', url: `/admin/participation/decisions/${id}/edit`, cookies: edu });
    expect(page.statusCode).toBe(404);
    const list = await server.inject({ method: 'GET', url: LIST, cookies: edu });
    expect(list.body).not.toContain('示范区养老服务补贴标准调整');
    const foreign = await post(
      edu,
      NEW,
      LIST,
      item({ orgId: fixture.orgs.get('edu')!.id, title: '示范教育事项', consultationId }),
    );
    expect(foreign.statusCode).toBe(400);
    expect(foreign.body).toContain('关联的意见征集不存在或不属于本单位。');
  });

  it('answers an odd year with 400 in Chinese and an empty year with its notice', async () => {
    const bad = await server.inject({ method: 'GET', url: '/hdjl/zdjc/?year=abc' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('年度不正确。');
    const empty = await server.inject({ method: 'GET', url: '/hdjl/zdjc/?year=2025' });
    expect(empty.statusCode).toBe(200);
    expect(empty.body).toContain('本年度暂无列入目录的重大行政决策事项。');
  });
});
