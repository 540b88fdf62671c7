import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PUBLIC_ACTOR } from '../../src/modules/access/index.ts';
import { createDraft } from '../../src/modules/documents/commands/create-draft.ts';
import { createNewEdition } from '../../src/modules/documents/commands/create-new-edition.ts';
import { discardDraft } from '../../src/modules/documents/commands/discard-draft.ts';
import { publishEdition } from '../../src/modules/documents/commands/publish-edition.ts';
import { submitEdition } from '../../src/modules/documents/commands/submit-edition.ts';
import { updateDraft } from '../../src/modules/documents/commands/update-draft.ts';
import { withdrawEdition } from '../../src/modules/documents/commands/withdraw-edition.ts';
import { findEditions } from '../../src/modules/documents/queries/find-editions.ts';
import { createTestApp, type TestApp } from '../app.ts';
import { DIALECTS } from '../databases.ts';
import { publishedDocument, sampleContent, seedFixture, type Fixture } from '../fixtures.ts';

/**
 * The counts per unit and state kept by triggers (migration 0016) stay equal to counting the
 * editions through every step of the workflow, and lists narrowed by unit and state total from them.
 */
describe.each(DIALECTS)('edition counts on $name', (dialect) => {
  let app: TestApp;
  let fixture: Fixture;

  beforeAll(async () => {
    app = await createTestApp(dialect, { now: '2026-03-02T02:00:00Z' });
    fixture = await seedFixture(app, [
      { role: 'editor', org: 'edu' },
      { role: 'reviewer', org: 'edu' },
      { role: 'editor', org: 'civ' },
      { role: 'reviewer', org: 'civ' },
    ]);
  });
  afterAll(async () => {
    await app.cleanup();
  });

  /** `org_id state → n` as kept, leaving out emptied counts, and as counted from the editions. */
  async function keptAndCounted(): Promise<[Record<string, number>, Record<string, number>]> {
    const kept = await sql<{ org_id: string; state: string; n: number | string }>`
      select org_id, state, n from edition_counts where n <> 0`.execute(app.database.db);
    const counted = await sql<{ org_id: string; state: string; n: number | string }>`
      select coalesce(org_id, '') as org_id, state, count(*) as n from editions group by coalesce(org_id, ''), state`.execute(
      app.database.db,
    );
    const byKey = (rows: { org_id: string; state: string; n: number | string }[]) =>
      Object.fromEntries(rows.map((r) => [`${r.org_id} ${r.state}`, Number(r.n)]));
    return [byKey(kept.rows), byKey(counted.rows)];
  }

  const staff = (name: string) => fixture.staff(name);
  const draft = async (org: 'edu' | 'civ', title: string) =>
    (
      await createDraft({
        uow: app.uow,
        clock: app.clock,
        sanitiser: app.sanitiser,
        actor: staff(`${org}.editor`),
        orgId: fixture.orgs.get(org)!.id,
        input: sampleContent({ title }),
      })
    ).edition;
  const publish = async (org: 'edu' | 'civ', editionId: string) => {
    await submitEdition({ uow: app.uow, clock: app.clock, actor: staff(`${org}.editor`), editionId });
    return publishEdition({ uow: app.uow, clock: app.clock, actor: staff(`${org}.reviewer`), editionId });
  };
  let live = '';
  let liveDocument = '';

  const steps: { name: string; run: () => Promise<unknown> }[] = [
    { name: 'a draft', run: () => draft('edu', '计数检验草稿一') },
    {
      name: 'a publication',
      run: async () => {
        const edition = await publishedDocument(app, fixture, {
          org: 'edu',
          editor: 'edu.editor',
          reviewer: 'edu.reviewer',
        });
        live = edition.id;
        liveDocument = edition.documentId;
      },
    },
    {
      name: 'another unit publishes',
      run: () => publishedDocument(app, fixture, { org: 'civ', editor: 'civ.editor', reviewer: 'civ.reviewer' }),
    },
    {
      name: 'a new edition supersedes the live one',
      run: async () => {
        const next = await createNewEdition({
          uow: app.uow,
          clock: app.clock,
          actor: staff('edu.editor'),
          documentId: liveDocument,
        });
        await updateDraft({
          uow: app.uow,
          clock: app.clock,
          sanitiser: app.sanitiser,
          actor: staff('edu.editor'),
          editionId: next.id,
          input: sampleContent({ title: '计数检验新版', changeNote: '更正标题' }),
        });
        live = (await publish('edu', next.id)).id;
      },
    },
    {
      name: 'a discarded draft',
      run: async () => {
        const edition = await draft('civ', '计数检验草稿二');
        await discardDraft({ uow: app.uow, clock: app.clock, actor: staff('civ.editor'), editionId: edition.id });
      },
    },
    {
      name: 'a withdrawal',
      run: () =>
        withdrawEdition({
          uow: app.uow,
          clock: app.clock,
          actor: staff('edu.reviewer'),
          editionId: live,
          reason: '计数检验撤回。',
        }),
    },
  ];

  it.each(steps.map((step, index) => ({ ...step, index })))('agrees with counting after $name', async ({ index }) => {
    await steps[index]!.run();
    const [kept, counted] = await keptAndCounted();
    expect(kept).toEqual(counted);
  });

  it('totals public lists by unit from the kept counts, equal to the rows there are', async () => {
    for (const org of [undefined, 'root', 'edu', 'civ', 'vil']) {
      const orgSubtreeOf = org === undefined ? undefined : fixture.orgs.get(org)?.id;
      if (org !== undefined && orgSubtreeOf === undefined) continue;
      const all = await findEditions({
        documents: app.stores.documents,
        actor: PUBLIC_ACTOR,
        filter: { orgSubtreeOf },
        page: { offset: 0, limit: 1000 },
      });
      expect(all.total, String(org)).toBe(all.items.length);
      // A filter the counts do not keep counts the rows instead, and agrees.
      const byTopic = await findEditions({
        documents: app.stores.documents,
        actor: PUBLIC_ACTOR,
        filter: { orgSubtreeOf, topic: '科技、教育' },
        page: { offset: 0, limit: 1000 },
      });
      expect(byTopic.total, String(org)).toBe(byTopic.items.length);
    }
    const withdrawn = await findEditions({
      documents: app.stores.documents,
      actor: staff('edu.reviewer'),
      filter: { states: ['withdrawn', 'superseded'] },
      page: { offset: 0, limit: 1000 },
    });
    expect(withdrawn.total).toBe(2);
    expect(withdrawn.items).toHaveLength(2);
  });
});
