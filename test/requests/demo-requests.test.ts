import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDepsOf, seedDemoDistrict } from '../../src/demo/seed-demo.ts';
import type { FoiRequest } from '../../src/modules/requests/index.ts';
import { sql } from 'kysely';
import { createTestApp, createTestServer, type TestApp } from '../app.ts';
import { buildStaffActor } from '../../src/modules/auth/index.ts';
import { annualTable3 } from '../../src/modules/requests/queries/annual-table.ts';
import { signIn } from '../http/http-kit.ts';
import { DIALECTS } from '../databases.ts';
import { TABLE3 } from '../../src/reference/annual-report.ts';
import { TABLE3_COLUMNS } from '../../src/modules/requests/index.ts';
import { escapeHtml } from '../../src/platform/html-text.ts';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The demo district's disclosure requests: a closed year before this one and this year's requests
 * in every state, made through the product's own use cases, all with made-up applicants.
 */
describe('demo disclosure requests', () => {
  let app: TestApp;
  let requests: FoiRequest[];

  beforeAll(async () => {
    app = await createTestApp(DIALECTS[0]!, { now: '2026-11-20T02:00:00Z' });
    await seedDemoDistrict(seedDepsOf(app), { password: 'demo-password-1', now: app.clock.now() });
    const ids = await app.database.db.selectFrom('foi_requests').select('id').execute();
    requests = (await Promise.all(ids.map((r) => app.stores.requests.getById(r.id)))).filter((r) => r !== undefined);
  }, 120_000);
  afterAll(async () => {
    await app?.cleanup();
  });

  it('has this year’s requests in every state of the workflow', () => {
    const states = new Set(requests.filter((r) => r.submittedAt >= '2026').map((r) => r.state));
    for (const state of [
      'submitted',
      'registered',
      'processing',
      'awaiting_correction',
      'third_party_consult',
      'agency_consult',
      'replied',
      'withdrawn',
      'closed_abandoned',
    ]) {
      expect(states, state).toContain(state);
    }
  });

  it('has overdue, due-soon, extended, corrected and consulted requests', () => {
    const open = requests.filter((r) => r.closedOn === null);
    expect(open.some((r) => r.dueOn !== null && r.dueOn < '2026-11-20')).toBe(true);
    expect(open.some((r) => r.dueOn !== null && r.dueOn >= '2026-11-20' && r.dueOn <= '2026-11-27')).toBe(true);
    expect(requests.some((r) => r.extension !== null)).toBe(true);
    expect(requests.some((r) => r.correctedOn !== null)).toBe(true);
    expect(requests.some((r) => r.pauses.some((p) => p.reason === 'third_party' && p.until === null))).toBe(true);
  });

  it('closed every request of 2025, each replied one with its letter, over many rows of table 三', () => {
    const lastYear = requests.filter((r) => (r.receivedOn ?? '').startsWith('2025'));
    expect(lastYear.length).toBeGreaterThanOrEqual(50);
    expect(lastYear.every((r) => r.closedOn !== null)).toBe(true);
    expect(new Set(lastYear.map((r) => r.reply?.outcome)).size).toBeGreaterThanOrEqual(10);
    expect(lastYear.filter((r) => r.state === 'replied').every((r) => r.reply?.letter !== null)).toBe(true);
    expect(new Set(lastYear.map((r) => r.applicant.organisationKind ?? 'natural')).size).toBeGreaterThanOrEqual(4);
  });

  it('gives a 2025 table 三 that passes the 勾稽 check, every cell recounted straight from the stored requests', async () => {
    const admin = await buildStaffActor(
      app.stores,
      (await app.stores.users.getByUsername('district.admin'))!,
      undefined,
    );
    const report = await annualTable3({ stores: app.stores, actor: admin, year: 2025 });
    expect(report.problems).toEqual([]);
    expect(report.table.cells['1']!.total).toBeGreaterThanOrEqual(50);
    // Every cell again, this time as the database counts it, with the rules written out in SQL.
    const rows = await sql<{ row: string; col: string; n: number | string }>`
      with facts as (
        select received_on, closed_on, outcome,
               case when applicant_kind = 'natural' then 'natural' else organisation_kind end as col
        from foi_requests
        where received_on is not null and received_on <= '2025-12-31'
          and (closed_on is null or closed_on >= '2025-01-01')
      ), counted as (
        select case when received_on >= '2025-01-01' then '1' else '2' end as row, col from facts
        union all select outcome, col from facts where closed_on <= '2025-12-31'
        union all select '3.7', col from facts where closed_on <= '2025-12-31'
        union all select '4', col from facts where closed_on is null or closed_on > '2025-12-31'
      )
      select row, col, count(*) as n from counted group by row, col`.execute(app.database.db);
    const expected: Record<string, Record<string, number>> = {};
    for (const r of rows.rows) {
      const cells = (expected[r.row] ??= {});
      cells[r.col] = Number(r.n);
      cells.total = (cells.total ?? 0) + Number(r.n);
    }
    for (const [row, cells] of Object.entries(report.table.cells)) {
      for (const [column, value] of Object.entries(cells)) {
        expect(value, `row ${row}, column ${column}`).toBe(expected[row]?.[column] ?? 0);
      }
    }
    // The district's published 2025 report carries the same table, cell for cell.
    const published = await app.database.db
      .selectFrom('editions')
      .innerJoin('orgs', 'orgs.id', 'editions.org_id')
      .select(['editions.document_id', 'editions.body_html', 'editions.title'])
      .where('editions.genre', '=', '年度报告')
      .where('editions.state', '=', 'published')
      .where('orgs.code', '=', 'sfq')
      .where('editions.title', 'like', '%2025年%')
      .execute();
    expect(published).toHaveLength(1);
    const body = published[0]!.body_html;
    for (const row of TABLE3.rows) {
      const label = row.label.split('/').at(-1)!;
      const match = new RegExp(`<th scope="row">${escapeRegExp(escapeHtml(label))}</th>((?:<td>\\d+</td>){7})`).exec(
        body,
      );
      expect(match, `row ${row.id} in the published report`).not.toBeNull();
      const numbers = [...match![1]!.matchAll(/<td>(\d+)<\/td>/g)].map((m) => Number(m[1]));
      expect(numbers, `row ${row.id}`).toEqual(TABLE3_COLUMNS.map((column) => expected[row.id]?.[column] ?? 0));
    }
    // And the page shows the table under its official title.
    const server = await createTestServer(app);
    try {
      const column = await server.inject({ method: 'GET', url: '/xxgk/gknb' });
      expect(column.body).toContain(published[0]!.title);
      const page = await server.inject({ method: 'GET', url: `/xxgk/doc/${published[0]!.document_id}` });
      expect(page.statusCode).toBe(200);
      for (const title of [
        '二、主动公开政府信息情况',
        '三、收到和处理政府信息公开申请情况',
        '四、政府信息公开行政复议、行政诉讼情况',
      ]) {
        expect(page.body).toContain(title);
      }
      expect(page.body).toContain('示范区演示数据');
      expect(page.body).toMatch(/\.docx/);
      expect(page.body).toMatch(/\.xlsx/);
      const { response, jar } = await signIn(server, 'district.admin', { password: 'demo-password-1' });
      expect(response.statusCode).toBe(303);
      const staffPage = await server.inject({ method: 'GET', url: '/admin/ysqgk/report?year=2025', cookies: jar });
      expect(staffPage.statusCode).toBe(200);
      expect(staffPage.body).toContain('三、收到和处理政府信息公开申请情况');
      expect(staffPage.body).toContain('勾稽关系核对通过');
    } finally {
      await server.close();
    }
  });

  it('has replies with released files and served replies with their proof, every file marked 演示', async () => {
    const files = (await Promise.all(requests.map((r) => app.stores.requestFiles.filesOf(r.id)))).flat();
    const purposes = new Set(files.map((f) => f.purpose));
    expect([...purposes].sort()).toEqual(['application', 'delivery_proof', 'released']);
    expect(files.every((f) => f.fileName.includes('（演示）') || f.fileName.includes('演示）'))).toBe(true);
    for (const file of files) expect(await app.files.read(file.sha256), file.fileName).toBeDefined();
    const served = requests.filter((r) => r.service !== null);
    expect(new Set(served.map((r) => r.service!.method)).size).toBeGreaterThanOrEqual(2);
    expect(served.every((r) => r.state === 'replied' && r.service!.on >= r.reply!.repliedOn)).toBe(true);
    expect(served.filter((r) => r.service!.method === 'post').every((r) => r.service!.proof.includes('（演示）'))).toBe(
      true,
    );
    // This year's replies with released files were served too.
    const released = new Set(files.filter((f) => f.purpose === 'released').map((f) => f.requestId));
    expect(released.size).toBeGreaterThanOrEqual(2);
    expect(requests.filter((r) => released.has(r.id)).every((r) => r.service !== null)).toBe(true);
  });

  it('holds no real person: every applicant is marked 演示', () => {
    expect(requests.every((r) => r.applicant.name.includes('（演示）'))).toBe(true);
  });
});
