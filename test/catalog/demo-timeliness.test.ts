import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDepsOf, seedDemoDistrict, type DemoSummary } from '../../src/demo/seed-demo.ts';
import { systemActor } from '../../src/modules/access/domain/actor.ts';
import { getCatalogOverview } from '../../src/modules/catalog/queries/catalog-views.ts';
import { timelinessReport } from '../../src/modules/catalog/queries/timeliness-report.ts';
import { addWorkingDays } from '../../src/platform/working-days.ts';
import { createTestApp, type TestApp } from '../app.ts';
import { DIALECTS } from '../databases.ts';

/** The demo district's catalogs and timeliness, as a reviewer opening the back office sees them. */
describe('demo district catalogs', () => {
  let app: TestApp;
  let summary: DemoSummary;

  beforeAll(async () => {
    app = await createTestApp(DIALECTS[0]!, { now: '2026-11-20T02:00:00Z' });
    summary = await seedDemoDistrict(seedDepsOf(app), { password: 'demo-password-1', now: app.clock.now() });
  });
  afterAll(async () => {
    await app.cleanup();
  });

  it('reports as many publications as the audit log records', async () => {
    const count = async (action: string) => (await app.stores.audit.find({ action }, { offset: 0, limit: 1 })).total;
    const recorded = (await count('document.published')) + (await count('document.force_published'));
    expect(summary.published).toBe(recorded);
    expect(summary.published).toBeGreaterThan(300);
  });

  it('has a published catalog for every department and town, covering the fields each handles', async () => {
    const overview = await getCatalogOverview({ stores: app.stores });
    const units = overview.orgs.filter((o) => o.type === 'department' || o.type === 'town');
    expect(units.length).toBe(26);
    expect(units.every((o) => overview.published.has(o.id))).toBe(true);
    const education = overview.orgs.find((o) => o.code === 'sfq-jyj')!;
    expect(overview.published.get(education.id)?.fieldCodes).toEqual(['24']);
  });

  it('lists late documents and empty entries in the timeliness reports', async () => {
    const calendar = await app.calendarCache.get();
    let late = 0;
    let empty = 0;
    let onTime = 0;
    for (const org of await app.stores.orgs.listAll()) {
      const report = await timelinessReport({
        stores: app.stores,
        actor: systemActor('test'),
        clock: app.clock,
        calendar,
        orgId: org.id,
      });
      late += report.late.length;
      empty += report.emptyEntries.length;
      onTime += report.documents.filter((d) => d.timeliness.kind === 'on_time').length;
      // Each late document recounted here from its entry's limit: formed + N working days, then published after.
      for (const { item, entry } of report.late) {
        expect(entry.timeLimit.kind).toBe('working_days');
        if (entry.timeLimit.kind !== 'working_days') continue;
        const due = addWorkingDays(calendar, item.edition.content.formedOn!, entry.timeLimit.days).date;
        expect(item.edition.content.publishedOn! > due, `${item.edition.content.title}: due ${due}`).toBe(true);
      }
      // And no document left out of the late list was in fact published after its due date.
      for (const { item, entry, timeliness } of report.documents.filter((d) => !report.late.includes(d))) {
        if (entry.timeLimit.kind !== 'working_days' || !item.edition.content.formedOn) continue;
        const due = addWorkingDays(calendar, item.edition.content.formedOn, entry.timeLimit.days).date;
        expect(item.edition.content.publishedOn! <= due, `${item.edition.content.title}: ${timeliness.kind}`).toBe(
          true,
        );
      }
    }
    expect(late).toBeGreaterThan(10);
    expect(onTime).toBeGreaterThan(late);
    expect(empty).toBeGreaterThan(50);
  });
});
