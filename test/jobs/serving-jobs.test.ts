import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDraft } from '../../src/modules/documents/commands/create-draft.ts';
import { scheduleEdition } from '../../src/modules/documents/commands/schedule-edition.ts';
import { submitEdition } from '../../src/modules/documents/commands/submit-edition.ts';
import { createTestApp, type TestApp } from '../app.ts';
import { DIALECTS } from '../databases.ts';
import { sampleContent, seedFixture, type Fixture } from '../fixtures.ts';

/**
 * The serving process's jobs (src/app/jobs.ts) run on the started queue by themselves: a scheduled
 * edition is published by the recurring sweep without anybody calling it.
 */
describe.each(DIALECTS)('jobs of the serving process on $name', (dialect) => {
  let app: TestApp;
  let fixture: Fixture;

  beforeAll(async () => {
    app = await createTestApp(dialect, { now: '2026-03-02T01:00:00Z', env: { GONGKAI_SCHEDULER_SECONDS: '1' } });
    fixture = await seedFixture(app, [
      { role: 'editor', org: 'edu' },
      { role: 'reviewer', org: 'edu' },
    ]);
  });
  afterAll(async () => {
    await app?.cleanup();
  });

  it('publishes a scheduled edition through the recurring publication job', async () => {
    const deps = { uow: app.uow, clock: app.clock, sanitiser: app.sanitiser };
    const editor = fixture.staff('edu.editor');
    const { edition } = await createDraft({
      ...deps,
      actor: editor,
      orgId: fixture.orgs.get('edu')!.id,
      input: sampleContent(),
    });
    await submitEdition({ ...deps, actor: editor, editionId: edition.id });
    await scheduleEdition({
      ...deps,
      actor: fixture.staff('edu.reviewer'),
      editionId: edition.id,
      at: new Date('2026-03-02T01:30:00Z'),
    });
    app.clock.set('2026-03-02T02:00:00Z');
    await app.jobs.runner.start();
    try {
      const until = Date.now() + 15_000;
      let state = '';
      while (Date.now() < until) {
        state = (await app.stores.documents.getEdition(edition.id))!.state;
        if (state === 'published') break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(state).toBe('published');
    } finally {
      await app.jobs.runner.stop();
    }
  });
});
