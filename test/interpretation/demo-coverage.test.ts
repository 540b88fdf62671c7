import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDepsOf, seedDemoDistrict } from '../../src/demo/seed-demo.ts';
import { systemActor } from '../../src/modules/access/domain/actor.ts';
import { coverageForActor } from '../../src/modules/interpretation/index.ts';
import { addWorkingDays } from '../../src/platform/working-days.ts';
import { createTestApp, type TestApp } from '../app.ts';
import { DIALECTS } from '../databases.ts';

/**
 * The demo district's graphic-interpretation indicator (plan §三.5) against counts taken straight from
 * the tables, and its late list against the 3-working-day rule recomputed from the calendar.
 */
describe('demo district interpretation coverage', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await createTestApp(DIALECTS[0]!, { now: '2026-11-20T02:00:00Z' });
    await seedDemoDistrict(seedDepsOf(app), { password: 'demo-password-1', now: app.clock.now() });
  });
  afterAll(async () => {
    await app.cleanup();
  });

  it('counts what the tables hold, with some documents missing and some late', async () => {
    const calendar = await app.calendarCache.get();
    const view = (await coverageForActor({ stores: app.stores, actor: systemActor('test'), calendar }))!;
    const { rows: normative } = await sql<{ document_id: string; published_on: string }>`
      select document_id, published_on from editions
      where state = 'published' and is_normative = 1 and validity = '有效'`.execute(app.database.db);
    const { rows: interpreted } = await sql<{ policy_document_id: string; first_on: string }>`
      select l.policy_document_id, min(e.published_on) as first_on
      from interpretation_links l
      join editions e on e.id = l.edition_id and e.state = 'published'
      join interpretation_editions i on i.edition_id = l.edition_id and i.kind = 'graphic'
      group by l.policy_document_id`.execute(app.database.db);
    const firstOn = new Map(interpreted.map((row) => [row.policy_document_id, row.first_on]));
    const covered = normative.filter((row) => firstOn.has(row.document_id));

    expect(view.total.total).toBe(normative.length);
    expect(view.total.covered).toBe(covered.length);
    expect(view.total.share).toBeCloseTo(covered.length / normative.length, 10);
    expect(view.units.reduce((sum, unit) => sum + unit.figure.total, 0)).toBe(normative.length);
    expect(view.missing.length).toBe(normative.length - covered.length);
    expect(view.missing.length).toBeGreaterThan(0);

    const late = covered.filter(
      (row) => firstOn.get(row.document_id)! > addWorkingDays(calendar, row.published_on, 3).date,
    );
    expect(view.late.map((item) => item.documentId).sort()).toEqual(late.map((row) => row.document_id).sort());
    expect(view.late.length).toBeGreaterThan(0);
    expect(view.late.length).toBeLessThan(covered.length);
  });

  it('has two concerns with published responses, each linking a live document, answered within days', async () => {
    const concerns = await app.stores.concerns.list({ orgIds: null, publishedOnly: true, limit: 10 });
    expect(concerns.map((c) => c.publishedResponses).sort()).toEqual([1, 2]);
    for (const { concern, firstResponseAt } of concerns) {
      expect(concern.title).not.toBe('');
      const hours = (Date.parse(firstResponseAt!) - Date.parse(concern.reportedAt)) / 3_600_000;
      expect(hours).toBeGreaterThan(0);
      expect(hours).toBeLessThan(48);
      for (const response of await app.stores.concerns.responsesOf(concern.id)) {
        expect(response.state).toBe('published');
        expect(response.bodyHtml).toContain('演示数据');
        for (const id of response.linkedDocumentIds) {
          expect((await app.stores.documents.editionsOf(id)).some((e) => e.state === 'published')).toBe(true);
        }
      }
    }
  });
});
