import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoDistrict } from '../../src/demo/seed-demo.ts';
import type { FoiRequest } from '../../src/modules/requests/index.ts';
import { createTestApp, type TestApp } from '../app.ts';
import { DIALECTS } from '../databases.ts';

/**
 * The demo district's disclosure requests: a closed year before this one and this year's requests
 * in every state, made through the product's own use cases, all with made-up applicants.
 */
describe('demo disclosure requests', () => {
  let app: TestApp;
  let requests: FoiRequest[];

  beforeAll(async () => {
    app = await createTestApp(DIALECTS[0]!, { now: '2026-11-20T02:00:00Z' });
    await seedDemoDistrict(
      {
        stores: app.stores,
        uow: app.uow,
        hasher: app.hasher,
        files: app.files,
        sniff: app.sniff,
        sanitiser: app.sanitiser,
        maxUploadBytes: app.config.maxUploadBytes,
        cipher: app.cipher,
      },
      { password: 'demo-password-1', now: app.clock.now() },
    );
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

  it('holds no real person: every applicant is marked 演示', () => {
    expect(requests.every((r) => r.applicant.name.includes('（演示）'))).toBe(true);
  });
});
