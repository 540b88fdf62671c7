import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDepsOf, seedDemoDistrict } from '../../src/demo/seed-demo.ts';
import type { MessageSummary } from '../../src/modules/participation/index.ts';
import { createTestApp, createTestServer, type TestApp } from '../app.ts';
import { DIALECTS } from '../databases.ts';
import { signIn } from '../http/http-kit.ts';

/**
 * Late evening in China (23:30 on Friday 20 November): the demo's messages are dated by whole days
 * before the seeding day, so their states and deadlines must hold even just before the date changes.
 */
const NOW = '2026-11-20T15:30:00Z';

/**
 * The demo district's residents' messages (政民互动), made through the module's use cases: one in
 * every state, to several units, from invented residents with fictional contacts, shown on the
 * public list (published ones only, names masked), in the statistics and in the back office.
 */
describe.each(DIALECTS)('demo district messages on $name', (dialect) => {
  let app: TestApp;
  let server: FastifyInstance;
  let all: MessageSummary[];

  beforeAll(async () => {
    app = await createTestApp(dialect, { now: NOW });
    await seedDemoDistrict(seedDepsOf(app), { password: 'demo-password-1', now: app.clock.now() });
    // The seeder moves its own clock; the application's stays at the seeding time.
    app.clock.set(NOW);
    server = await createTestServer(app);
    ({ items: all } = await app.stores.messages.list({
      orgIds: null,
      states: null,
      publishedOnly: false,
      limit: 100,
      offset: 0,
    }));
  }, 180_000);
  afterAll(async () => {
    await server?.close();
    await app?.cleanup();
  });

  const get = (url: string) => server.inject({ method: 'GET', url });
  const orgName = async (code: string) => (await app.stores.orgs.getByCode(code))!.name;
  const titled = (part: string): MessageSummary => {
    const found = all.filter((m) => m.title.includes(part));
    expect(found, part).toHaveLength(1);
    return found[0]!;
  };

  it('has messages in every state, from invented residents with fictional contacts and addresses', async () => {
    const byState = (state: string) => all.filter((m) => m.state === state);
    expect(byState('answered').length).toBeGreaterThanOrEqual(5);
    expect(byState('answered').filter((m) => m.published).length).toBeGreaterThanOrEqual(4);
    expect(byState('answered').filter((m) => m.rating !== null).length).toBeGreaterThanOrEqual(2);
    expect(byState('accepted')).toHaveLength(1);
    expect(byState('declined')).toHaveLength(1);
    expect(byState('declined')[0]!.declineReason).toContain('商业广告');
    // Received: one due soon, one overdue, and the transferred one waiting at its new unit.
    expect(byState('received')).toHaveLength(3);
    const transferred = all.filter((m) => m.transfers.length > 0);
    expect(transferred).toHaveLength(1);
    expect(transferred[0]!.orgName).toBe(await orgName('sfq-water'));
    expect(transferred[0]!.transfers[0]!.reason).toContain('区自来水公司');
    expect(transferred[0]!.state).toBe('received');

    const withheld = byState('answered').filter((m) => !m.published);
    expect(withheld).toHaveLength(1);
    expect(withheld[0]!.publicConsent).toBe(false);

    expect(new Set(all.map((m) => m.orgId)).size).toBeGreaterThanOrEqual(6);
    for (const m of all) {
      expect(m.name, m.title).toMatch(/^示范居民[子丑寅卯辰巳午未申酉戌亥]$/);
      expect(m.body, m.title).toContain('示范区演示数据');
      expect(app.cipher.open(m.contactSealed), m.title).toMatch(/^138000000\d\d$/);
    }
    const submitted = await app.database.db
      .selectFrom('audit_log')
      .select('ip')
      .where('action', '=', 'message.submitted')
      .execute();
    expect(submitted).toHaveLength(all.length);
    expect(submitted.every((row) => String(row.ip).startsWith('192.0.2.'))).toBe(true);
  });

  it('lists only the published messages to the public, the names masked', async () => {
    const list = await get('/hdjl/liuyan/');
    expect(list.statusCode).toBe(200);
    for (const m of all) {
      expect(list.body.includes(`/hdjl/liuyan/${m.id}"`), m.title).toBe(m.published);
      expect((await get(`/hdjl/liuyan/${m.id}`)).statusCode, m.title).toBe(m.published ? 200 : 404);
    }
    expect(list.body).toContain('示****');
    expect(list.body).not.toContain('示范居民');
    const rated = all.find((m) => m.published && m.rating === 'satisfied')!;
    const page = await get(`/hdjl/liuyan/${rated.id}`);
    expect(page.body).toContain(rated.answer);
    expect(page.body).toContain('满意');
    expect(page.body).not.toContain(rated.name);
    expect(page.body).not.toContain('13800000');
  });

  it('counts every unit with a valid message in the statistics, the transferred one at its new unit', async () => {
    const page = await get('/hdjl/liuyan/tongji');
    expect(page.statusCode).toBe(200);
    const rowOf = async (code: string): Promise<Record<string, string>> => {
      const label = await orgName(code);
      const row = new RegExp(`<th scope="row">${label}</th>([\\s\\S]*?)</tr>`).exec(page.body)?.[1] ?? '';
      return Object.fromEntries([...row.matchAll(/data-count="([^"]+)">([^<]*)</g)].map((m) => [m[1]!, m[2]!]));
    };
    expect(await rowOf('sfq-rsj')).toMatchObject({ received: '1', answered: '1', 'on-time': '1' });
    expect(await rowOf('sfq-cgj')).toMatchObject({ received: '2', answered: '1' });
    expect(await rowOf('sfq-mzj')).toMatchObject({ received: '2', answered: '1' });
    expect(await rowOf('sfq-jyj')).toMatchObject({ received: '2', answered: '1' });
    expect(await rowOf('sfq-zjj')).toMatchObject({ received: '1', answered: '1' });
    expect(await rowOf('sfq-wjj')).toMatchObject({ received: '1', answered: '1' });
    expect(await rowOf('sfq-water')).toMatchObject({ received: '1', answered: '0' });
    // The declined advertisement is not a valid message: its unit has no row.
    expect(page.body).not.toContain(`<th scope="row">${await orgName('sfq-scj')}</th>`);
  });

  it('shows the district’s interaction officer the overdue message, and the one due soon still in time', async () => {
    const { response, jar } = await signIn(server, 'district.hudong', { password: 'demo-password-1' });
    expect(response.statusCode).toBe(303);
    const list = await server.inject({
      method: 'GET',
      url: '/admin/participation/messages?state=received',
      cookies: jar,
    });
    expect(list.statusCode).toBe(200);
    const rowOf = (m: MessageSummary) => list.body.split('<tr>').find((row) => row.includes(m.trackingCode)) ?? '';
    const overdue = titled('占道经营');
    expect(rowOf(overdue)).toContain('已超期');
    const dueSoon = titled('老年人优待证');
    expect(rowOf(dueSoon)).not.toContain('已超期');
    // Received Monday 11-16: five working days end Monday 11-23, one working day from today.
    expect(rowOf(dueSoon)).toContain('2026-11-23');
    expect(rowOf(dueSoon)).toContain('剩1个工作日');
    expect(rowOf(titled('水压偏低'))).not.toContain('已超期');
    const accepted = await server.inject({
      method: 'GET',
      url: '/admin/participation/messages?state=accepted',
      cookies: jar,
    });
    expect(accepted.body).toContain(titled('交通协管员').trackingCode);
    expect(accepted.body).not.toContain('已超期');
  });
});
