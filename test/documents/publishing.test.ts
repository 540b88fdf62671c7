import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scopeFor } from '../../src/modules/access/domain/actor.ts';
import { addAttachment } from '../../src/modules/documents/commands/add-attachment.ts';
import { createDraft } from '../../src/modules/documents/commands/create-draft.ts';
import { createNewEdition } from '../../src/modules/documents/commands/create-new-edition.ts';
import { discardDraft } from '../../src/modules/documents/commands/discard-draft.ts';
import { publishEdition } from '../../src/modules/documents/commands/publish-edition.ts';
import { scheduleEdition } from '../../src/modules/documents/commands/schedule-edition.ts';
import { submitEdition } from '../../src/modules/documents/commands/submit-edition.ts';
import { updateDraft } from '../../src/modules/documents/commands/update-draft.ts';
import { withdrawEdition } from '../../src/modules/documents/commands/withdraw-edition.ts';
import { publishDueEditions } from '../../src/modules/documents/jobs/publish-due-editions.ts';
import { getPublicDocument } from '../../src/modules/documents/queries/get-document.ts';
import { makePdf } from '../../src/demo/files.ts';
import { createTestApp, type TestApp } from '../app.ts';
import { DIALECTS } from '../databases.ts';
import { publishedDocument, sampleContent, seedFixture, type Fixture } from '../fixtures.ts';

/** Publication as a whole, through the use cases and the real stores, on each database. */
describe.each(DIALECTS)('publishing on $name', (dialect) => {
  let app: TestApp;
  let fixture: Fixture;
  const deps = () => ({ uow: app.uow, clock: app.clock, sanitiser: app.sanitiser });

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

  it('numbers 索引号 per unit and year, in order of first publication', async () => {
    const numbers: string[] = [];
    for (const org of ['edu', 'edu', 'civ', 'edu']) {
      const edition = await publishedDocument(app, fixture, {
        org,
        editor: `${org}.editor`,
        reviewer: `${org}.reviewer`,
      });
      numbers.push((await app.stores.documents.getDocument(edition.documentId))!.indexNumber!);
    }
    expect(numbers).toEqual(['edu/2026-00001', 'edu/2026-00002', 'civ/2026-00001', 'edu/2026-00003']);
    app.clock.set('2027-01-04T02:00:00Z');
    const next = await publishedDocument(app, fixture, { org: 'edu', editor: 'edu.editor', reviewer: 'edu.reviewer' });
    expect((await app.stores.documents.getDocument(next.documentId))!.indexNumber).toBe('edu/2027-00001');
    app.clock.set('2026-03-02T02:00:00Z');
  });

  it('keeps the live edition public while a new one is drafted, then supersedes it with a change note', async () => {
    const first = await publishedDocument(app, fixture, { org: 'edu', editor: 'edu.editor', reviewer: 'edu.reviewer' });
    const editor = fixture.staff('edu.editor');
    const draft = await createNewEdition({ ...deps(), actor: editor, documentId: first.documentId });
    await expect(createNewEdition({ ...deps(), actor: editor, documentId: first.documentId })).rejects.toMatchObject({
      code: 'draft_exists',
    });
    await updateDraft({
      ...deps(),
      actor: editor,
      editionId: draft.id,
      input: sampleContent({ title: '新标题', changeNote: '更正标题' }),
    });

    const meanwhile = await getPublicDocument({
      documents: app.stores.documents,
      orgs: app.stores.orgs,
      documentId: first.documentId,
    });
    expect(meanwhile.edition.id).toBe(first.id);

    await submitEdition({ ...deps(), actor: editor, editionId: draft.id });
    const second = await publishEdition({ ...deps(), actor: fixture.staff('edu.reviewer'), editionId: draft.id });
    expect(second).toMatchObject({ versionMajor: 2, versionMinor: 0, state: 'published' });
    expect((await app.stores.documents.getEdition(first.id))!.state).toBe('superseded');

    const view = await getPublicDocument({
      documents: app.stores.documents,
      orgs: app.stores.orgs,
      documentId: first.documentId,
    });
    expect(view.edition.content.title).toBe('新标题');
    expect(view.history.map((h) => [h.version, h.changeNote])).toEqual([
      ['2.0', '更正标题'],
      ['1.0', '首次发布'],
    ]);
  });

  it('numbers a minor change 1.1 and records no change note for it', async () => {
    const first = await publishedDocument(app, fixture, { org: 'civ', editor: 'civ.editor', reviewer: 'civ.reviewer' });
    const editor = fixture.staff('civ.editor');
    const draft = await createNewEdition({ ...deps(), actor: editor, documentId: first.documentId });
    await updateDraft({ ...deps(), actor: editor, editionId: draft.id, input: sampleContent({ isMajor: false }) });
    await submitEdition({ ...deps(), actor: editor, editionId: draft.id });
    const second = await publishEdition({ ...deps(), actor: fixture.staff('civ.reviewer'), editionId: draft.id });
    expect([second.versionMajor, second.versionMinor]).toEqual([1, 1]);
    const view = await getPublicDocument({
      documents: app.stores.documents,
      orgs: app.stores.orgs,
      documentId: first.documentId,
    });
    expect(view.history[0]).toMatchObject({ version: '1.1', changeNote: null, isMajor: false });
  });

  it('keeps a withdrawn document public with its notice, and lets a corrected edition replace it', async () => {
    const first = await publishedDocument(app, fixture, { org: 'edu', editor: 'edu.editor', reviewer: 'edu.reviewer' });
    await withdrawEdition({ ...deps(), actor: fixture.staff('edu.reviewer'), editionId: first.id, reason: '数据有误' });
    const withdrawn = await getPublicDocument({
      documents: app.stores.documents,
      orgs: app.stores.orgs,
      documentId: first.documentId,
    });
    expect(withdrawn.edition).toMatchObject({ state: 'withdrawn', withdrawalReason: '数据有误' });
    const list = await app.stores.documents.findEditions(
      { kind: 'public' },
      { states: ['published'] },
      { offset: 0, limit: 1000 },
    );
    expect(list.items.some((i) => i.document.id === first.documentId)).toBe(false);

    const editor = fixture.staff('edu.editor');
    const draft = await createNewEdition({ ...deps(), actor: editor, documentId: first.documentId });
    await updateDraft({
      ...deps(),
      actor: editor,
      editionId: draft.id,
      input: sampleContent({ changeNote: '更正数据后重新发布' }),
    });
    await submitEdition({ ...deps(), actor: editor, editionId: draft.id });
    await publishEdition({ ...deps(), actor: fixture.staff('edu.reviewer'), editionId: draft.id });
    const editions = await app.stores.documents.editionsOf(first.documentId);
    expect(editions.map((e) => e.state)).toEqual(['superseded', 'published']);
  });

  it('publishes a scheduled edition when its time comes, once, even with two sweepers', async () => {
    const editor = fixture.staff('edu.editor');
    const { edition } = await createDraft({
      ...deps(),
      actor: editor,
      orgId: fixture.orgs.get('edu')!.id,
      input: sampleContent(),
    });
    await submitEdition({ ...deps(), actor: editor, editionId: edition.id });
    await scheduleEdition({
      ...deps(),
      actor: fixture.staff('edu.reviewer'),
      editionId: edition.id,
      at: new Date('2026-03-02T08:00:00Z'),
    });
    const sweep = () => publishDueEditions({ stores: app.stores, uow: app.uow, clock: app.clock });

    app.clock.set('2026-03-02T07:59:59Z');
    expect(await sweep()).toEqual([]);
    app.clock.set('2026-03-02T08:00:00Z');
    const [a, b] = await Promise.all([sweep(), sweep()]);
    expect([...a, ...b]).toEqual([edition.id]);
    const published = (await app.stores.documents.getEdition(edition.id))!;
    expect(published).toMatchObject({ state: 'published', reviewedBy: fixture.staff('edu.reviewer').userId });
    expect(published.content.publishedOn).toBe('2026-03-02');
    const audit = await app.stores.audit.find({ entityId: edition.documentId }, { offset: 0, limit: 10 });
    expect(audit.items.map((e) => e.action)).toContain('document.published_on_schedule');
    app.clock.set('2026-03-02T02:00:00Z');
  });

  it('blocks identity, mobile and bank-card numbers at submission unless a reviewer overrides with a reason', async () => {
    const editor = fixture.staff('edu.editor');
    const reviewer = fixture.staff('edu.reviewer');
    const { edition } = await createDraft({
      ...deps(),
      actor: editor,
      orgId: fixture.orgs.get('edu')!.id,
      input: sampleContent({ bodyHtml: '<p>联系人手机13800138000，身份证号11010519491231002X。</p>' }),
    });
    await expect(submitEdition({ ...deps(), actor: editor, editionId: edition.id })).rejects.toMatchObject({
      code: 'sensitive_data_found',
    });
    await expect(
      submitEdition({ ...deps(), actor: editor, editionId: edition.id, overrideReason: '编辑不能放行' }),
    ).rejects.toMatchObject({
      code: 'sensitive_data_found',
    });
    const submitted = await submitEdition({
      ...deps(),
      actor: reviewer,
      editionId: edition.id,
      overrideReason: '公示需要，已征得本人同意',
    });
    expect(submitted).toMatchObject({
      state: 'submitted',
      sensitiveOverrideReason: '公示需要，已征得本人同意',
      sensitiveOverrideBy: reviewer.userId,
    });
  });

  it('discards a never-published draft together with its document and attachments', async () => {
    const editor = fixture.staff('edu.editor');
    const { document, edition } = await createDraft({
      ...deps(),
      actor: editor,
      orgId: fixture.orgs.get('edu')!.id,
      input: sampleContent(),
    });
    await addAttachment({
      ...deps(),
      actor: editor,
      files: app.files,
      sniff: app.sniff,
      maxBytes: 1024 * 1024,
      editionId: edition.id,
      fileName: '附件.pdf',
      content: { bytes: makePdf('draft attachment') },
    });
    expect(await discardDraft({ ...deps(), actor: editor, editionId: edition.id })).toEqual({ documentDeleted: true });
    expect(await app.stores.documents.getDocument(document.id)).toBeUndefined();
    expect(await app.stores.documents.attachmentsOf(edition.id)).toEqual([]);
  });

  it('refuses to save over a change someone else saved first', async () => {
    const editor = fixture.staff('edu.editor');
    const { edition } = await createDraft({
      ...deps(),
      actor: editor,
      orgId: fixture.orgs.get('edu')!.id,
      input: sampleContent(),
    });
    app.clock.set('2026-03-02T02:05:00Z');
    await updateDraft({
      ...deps(),
      actor: editor,
      editionId: edition.id,
      input: sampleContent({ title: '甲的修改' }),
      expectedUpdatedAt: edition.updatedAt,
    });
    await expect(
      updateDraft({
        ...deps(),
        actor: editor,
        editionId: edition.id,
        input: sampleContent({ title: '乙的修改' }),
        expectedUpdatedAt: edition.updatedAt,
      }),
    ).rejects.toMatchObject({ code: 'conflict' });
    expect((await app.stores.documents.getEdition(edition.id))!.content.title).toBe('甲的修改');
    app.clock.set('2026-03-02T02:00:00Z');
  });

  it('counts editions by state through the reader scope', async () => {
    const staffCounts = await app.stores.documents.countByState(scopeFor(fixture.staff('civ.editor'), 'document.read'));
    const publicCounts = await app.stores.documents.countByState({ kind: 'public' });
    expect(staffCounts.published).toBeGreaterThan(0);
    expect(publicCounts.draft).toBeUndefined();
    expect(publicCounts.published!).toBeGreaterThan(staffCounts.published!);
  });
});
