import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readWorkbook, writeWorkbook } from '../../src/adapters/xlsx/workbook.ts';
import { addLocalField } from '../../src/modules/catalog/commands/add-local-field.ts';
import { approveCatalog } from '../../src/modules/catalog/commands/approve-catalog.ts';
import { importCatalogSheet } from '../../src/modules/catalog/commands/import-catalog-sheet.ts';
import { importCatalogTemplate } from '../../src/modules/catalog/commands/import-catalog-template.ts';
import { addNegativeItem } from '../../src/modules/catalog/commands/manage-negative-list.ts';
import { removeCatalogEntry } from '../../src/modules/catalog/commands/remove-catalog-entry.ts';
import { returnCatalog } from '../../src/modules/catalog/commands/return-catalog.ts';
import { saveCatalogEntry } from '../../src/modules/catalog/commands/save-catalog-entry.ts';
import { startCatalogVersion } from '../../src/modules/catalog/commands/start-catalog-version.ts';
import { submitCatalog } from '../../src/modules/catalog/commands/submit-catalog.ts';
import { catalogToSheets } from '../../src/modules/catalog/domain/sheet.ts';
import { sameContent } from '../../src/modules/catalog/domain/version.ts';
import { getCatalogWorkspace, getPublicCatalog } from '../../src/modules/catalog/queries/catalog-views.ts';
import { timelinessReport } from '../../src/modules/catalog/queries/timeliness-report.ts';
import { createDraft } from '../../src/modules/documents/commands/create-draft.ts';
import { publishEdition } from '../../src/modules/documents/commands/publish-edition.ts';
import { submitEdition } from '../../src/modules/documents/commands/submit-edition.ts';
import { createTestApp, type TestApp } from '../app.ts';
import { DIALECTS } from '../databases.ts';
import { sampleContent, seedFixture, type Fixture } from '../fixtures.ts';

/** The catalog's whole life, through the use cases and the real stores, on each database. */
describe.each(DIALECTS)('standard catalog on $name', (dialect) => {
  let app: TestApp;
  let fixture: Fixture;
  const deps = () => ({ uow: app.uow, clock: app.clock, sanitiser: app.sanitiser });
  let townId: string;

  beforeAll(async () => {
    app = await createTestApp(dialect, { now: '2026-03-02T02:00:00Z' });
    fixture = await seedFixture(app, [
      { role: 'editor', org: 'town' },
      { role: 'reviewer', org: 'town' },
      { role: 'editor', org: 'edu' },
      { role: 'district_admin', org: 'dist' },
    ]);
    townId = fixture.orgs.get('town')!.id;
  });
  afterAll(async () => {
    await app.cleanup();
  });

  it('goes from template to draft, is returned with comments per entry, fixed, approved and published', async () => {
    const editor = fixture.staff('town.editor');
    const office = fixture.staff('dist.district_admin');
    const version = await startCatalogVersion({ ...deps(), actor: editor, orgId: townId });
    expect(version).toMatchObject({ number: 1, state: 'draft' });
    expect(await importCatalogTemplate({ ...deps(), actor: editor, versionId: version.id, fieldCode: '20' })).toEqual({
      added: 12,
      skipped: 0,
    });
    // Importing the same template again adds nothing twice.
    expect(await importCatalogTemplate({ ...deps(), actor: editor, versionId: version.id, fieldCode: '20' })).toEqual({
      added: 0,
      skipped: 12,
    });

    const entries = await app.stores.catalogs.entriesOf(version.id);
    const first = entries[0]!;
    await saveCatalogEntry({
      ...deps(),
      actor: editor,
      versionId: version.id,
      entryId: first.id,
      content: { ...first, publisher: '甲镇人民政府' },
    });
    await submitCatalog({ ...deps(), actor: editor, versionId: version.id });

    // The unit cannot edit while the district office reviews.
    await expect(
      saveCatalogEntry({ ...deps(), actor: editor, versionId: version.id, entryId: first.id, content: first }),
    ).rejects.toMatchObject({ code: 'invalid_transition' });
    // Only the district office reviews.
    await expect(
      approveCatalog({ ...deps(), actor: fixture.staff('town.reviewer'), versionId: version.id }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      returnCatalog({ ...deps(), actor: office, versionId: version.id, comment: '', entryComments: {} }),
    ).rejects.toMatchObject({
      code: 'validation_failed',
    });

    await returnCatalog({
      ...deps(),
      actor: office,
      versionId: version.id,
      comment: '请补充依据',
      entryComments: { [first.id]: '公开时限应为20个工作日' },
    });
    const returned = await getCatalogWorkspace({ stores: app.stores, actor: editor, orgId: townId });
    expect(returned.working).toMatchObject({ state: 'returned', reviewComment: '请补充依据' });
    expect(returned.workingEntries.find((e) => e.id === first.id)?.reviewComment).toBe('公开时限应为20个工作日');

    await saveCatalogEntry({
      ...deps(),
      actor: editor,
      versionId: version.id,
      entryId: first.id,
      content: { ...first, publisher: '甲镇人民政府', timeLimit: { kind: 'working_days', days: 20 } },
    });
    await submitCatalog({ ...deps(), actor: editor, versionId: version.id });
    const approved = await approveCatalog({ ...deps(), actor: office, versionId: version.id });
    expect(approved.state).toBe('published');

    const publicView = await getPublicCatalog({ stores: app.stores, orgCode: 'town' });
    expect(publicView.entries).toHaveLength(12);
    expect(publicView.entries.every((e) => e.reviewComment === null)).toBe(true);
    expect(publicView.diff).toBeUndefined();

    const actions = (await app.stores.audit.find({ entityType: 'catalog' }, { offset: 0, limit: 50 })).items.map(
      (e) => e.action,
    );
    expect(actions).toEqual(
      expect.arrayContaining([
        'catalog.version_started',
        'catalog.template_imported',
        'catalog.submitted',
        'catalog.returned',
        'catalog.approved',
      ]),
    );
  });

  it('makes an adjustment a new version, and shows what was added, removed and changed element by element', async () => {
    const editor = fixture.staff('town.editor');
    const published = (await getPublicCatalog({ stores: app.stores, orgCode: 'town' })).entries;
    const next = await startCatalogVersion({ ...deps(), actor: editor, orgId: townId });
    expect(next).toMatchObject({ number: 2, state: 'draft' });
    const draftEntries = await app.stores.catalogs.entriesOf(next.id);
    expect(draftEntries.map((e) => e.key)).toEqual(published.map((e) => e.key));

    const [toChange, toRemove] = draftEntries;
    await saveCatalogEntry({
      ...deps(),
      actor: editor,
      versionId: next.id,
      entryId: toChange!.id,
      content: { ...toChange!, mode: { proactive: true, onRequest: true } },
    });
    await removeCatalogEntry({ ...deps(), actor: editor, entryId: toRemove!.id });
    await saveCatalogEntry({
      ...deps(),
      actor: editor,
      versionId: next.id,
      content: { ...toChange!, itemL1: '临时救助', itemL2: '救助资金发放', contentElements: ['救助对象', '救助金额'] },
    });
    await addNegativeItem({
      ...deps(),
      actor: editor,
      versionId: next.id,
      item: '低保对象的家庭财产明细',
      legalBasis: [
        { kind: '行政法规', title: '《中华人民共和国政府信息公开条例》', docNumber: null, article: '第十五条' },
      ],
      note: '',
    });

    const workspace = await getCatalogWorkspace({ stores: app.stores, actor: editor, orgId: townId });
    expect(workspace.diff!.added.map((e) => e.itemL1)).toEqual(['临时救助']);
    expect(workspace.diff!.removed.map((e) => e.key)).toEqual([toRemove!.key]);
    expect(workspace.diff!.changed).toHaveLength(1);
    expect(workspace.diff!.changed[0]!.changes).toEqual([
      { element: 'mode', label: '公开方式', before: '主动', after: '主动、依申请' },
    ]);

    await submitCatalog({ ...deps(), actor: editor, versionId: next.id });
    await approveCatalog({ ...deps(), actor: fixture.staff('dist.district_admin'), versionId: next.id });
    const now = await getPublicCatalog({ stores: app.stores, orgCode: 'town' });
    expect(now.version.number).toBe(2);
    expect(now.previous?.state).toBe('superseded');
    expect(now.diff).toMatchObject({ added: [expect.objectContaining({ itemL1: '临时救助' })] });
    expect(now.negative.map((n) => n.item)).toEqual(['低保对象的家庭财产明细']);
    const old = await getPublicCatalog({ stores: app.stores, orgCode: 'town', versionNumber: 1 });
    expect(old.entries).toHaveLength(12);
  });

  it('exports a published catalog to XLSX and imports it back to the same entries', async () => {
    const published = await getPublicCatalog({ stores: app.stores, orgCode: 'town' });
    const bytes = await writeWorkbook(catalogToSheets(published.entries, published.org.name, []));
    const draft = await startCatalogVersion({ ...deps(), actor: fixture.staff('town.editor'), orgId: townId });
    const summary = await importCatalogSheet({
      ...deps(),
      actor: fixture.staff('town.editor'),
      versionId: draft.id,
      readWorkbook,
      bytes,
    });
    expect(summary).toEqual({ fields: ['20'], added: 0, changed: published.entries.length, removed: 0 });
    const imported = await app.stores.catalogs.entriesOf(draft.id);
    expect(imported).toHaveLength(published.entries.length);
    for (const entry of published.entries) {
      const twin = imported.find((e) => e.key === entry.key);
      expect(twin && sameContent(twin, entry)).toBe(true);
    }
  });

  it('refuses a broken spreadsheet with every error by row and column, importing nothing', async () => {
    const draft = await startCatalogVersion({ ...deps(), actor: fixture.staff('town.editor'), orgId: townId });
    const before = await app.stores.catalogs.entriesOf(draft.id);
    const header = [
      '序号',
      '一级事项',
      '二级事项',
      '公开内容(要素)',
      '公开依据',
      '公开时限',
      '公开主体',
      '公开渠道和载体',
      '公开对象',
      '公开方式',
      '公开层级',
    ];
    const good = [
      '1',
      '低保',
      '申请',
      '申请条件',
      '【行政法规】《社会救助暂行办法》',
      '20个工作日',
      '甲镇人民政府',
      '政府网站',
      '全社会',
      '主动',
      '乡级',
    ];
    const bytes = await writeWorkbook([
      {
        name: '20 社会救助',
        rows: [
          ['标题'],
          header,
          good,
          ['2', '', '申请', '申请条件', '', '20个工作日', '甲镇', '政府网站', '全社会', '主动', '乡级'],
          ['3', '特困', '', '对象', '', '实时公开', '甲镇', '政府网站', '全社会', '公开', '乡级'],
        ],
      },
      { name: '21 养老服务', rows: [header.filter((h) => h !== '公开方式'), good.slice(0, 10)] },
    ]);
    const attempt = importCatalogSheet({
      ...deps(),
      actor: fixture.staff('town.editor'),
      versionId: draft.id,
      readWorkbook,
      bytes,
    });
    await expect(attempt).rejects.toMatchObject({ code: 'validation_failed' });
    const error = (await attempt.catch((e: unknown) => e)) as { fields: { message: string }[] };
    expect(error.fields.map((f) => f.message)).toEqual([
      '工作表“20 社会救助” 第4行 B列（一级事项）：一级事项不能为空。',
      '工作表“20 社会救助” 第5行 J列（公开方式）：公开方式只能填写“主动”或“依申请”（可同时填写，用顿号分隔）。',
      '工作表“21 养老服务” 第1行：缺少“公开方式”列。',
    ]);
    expect(await app.stores.catalogs.entriesOf(draft.id)).toEqual(before);
  });

  it('refuses a file that is not a spreadsheet', async () => {
    const draft = await startCatalogVersion({ ...deps(), actor: fixture.staff('town.editor'), orgId: townId });
    await expect(
      importCatalogSheet({
        ...deps(),
        actor: fixture.staff('town.editor'),
        versionId: draft.id,
        readWorkbook,
        bytes: Buffer.from('序号,一级事项\n'),
      }),
    ).rejects.toMatchObject({
      code: 'validation_failed',
      fields: [{ message: '文件不是有效的 Excel（.xlsx）文件。' }],
    });
  });

  it('lets the district office add a local field that units can then use, and nobody else', async () => {
    await expect(
      addLocalField({ ...deps(), actor: fixture.staff('town.editor'), name: '河湖长制' }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    const field = await addLocalField({ ...deps(), actor: fixture.staff('dist.district_admin'), name: '河湖长制' });
    expect(field).toEqual({ code: 'L01', name: '河湖长制' });
    await expect(
      addLocalField({ ...deps(), actor: fixture.staff('dist.district_admin'), name: '社会救助' }),
    ).rejects.toMatchObject({ code: 'validation_failed' });
    const draft = await startCatalogVersion({ ...deps(), actor: fixture.staff('town.editor'), orgId: townId });
    const [any] = await app.stores.catalogs.entriesOf(draft.id);
    const saved = await saveCatalogEntry({
      ...deps(),
      actor: fixture.staff('town.editor'),
      versionId: draft.id,
      content: { ...any!, fieldCode: 'L01', itemL1: '河长公示' },
    });
    expect(saved.fieldCode).toBe('L01');
    await expect(
      saveCatalogEntry({
        ...deps(),
        actor: fixture.staff('town.editor'),
        versionId: draft.id,
        content: { ...any!, fieldCode: 'L09' },
      }),
    ).rejects.toMatchObject({ code: 'validation_failed', fields: [{ field: 'fieldCode' }] });
  });

  it('keeps other units out of a unit’s catalog', async () => {
    await expect(
      startCatalogVersion({ ...deps(), actor: fixture.staff('edu.editor'), orgId: townId }),
    ).rejects.toMatchObject({ code: 'out_of_scope' });
    await expect(
      getCatalogWorkspace({ stores: app.stores, actor: fixture.staff('edu.editor'), orgId: townId }),
    ).rejects.toMatchObject({ code: 'not_found' });
  });

  it('files documents under entries and reports late documents and empty entries; the due date itself is on time', async () => {
    const editor = fixture.staff('town.editor');
    const reviewer = fixture.staff('town.reviewer');
    const published = await getPublicCatalog({ stores: app.stores, orgCode: 'town' });
    const entry = published.entries.find((e) => e.timeLimit.kind === 'working_days' && e.timeLimit.days === 20)!;

    // Formed Wednesday 2026-03-11: 20 working days later is Thursday 2026-04-09 (清明 4–6 April not counted).
    const publishOn = async (title: string, date: string, formedOn = '2026-03-11') => {
      app.clock.set(`${date}T01:00:00Z`);
      const { edition } = await createDraft({
        ...deps(),
        actor: editor,
        orgId: townId,
        input: sampleContent({ title, catalogEntryKey: entry.key, formedOn, fieldCode: '20', docNumber: null }),
      });
      await submitEdition({ ...deps(), actor: editor, editionId: edition.id });
      return publishEdition({ ...deps(), actor: reviewer, editionId: edition.id });
    };
    await publishOn('到期当日发布', '2026-04-09');
    await publishOn('到期次日发布', '2026-04-10');
    app.clock.set('2026-04-20T02:00:00Z');

    const report = await timelinessReport({
      stores: app.stores,
      actor: editor,
      clock: app.clock,
      calendar: await app.calendarCache.get(),
      orgId: townId,
    });
    const byTitle = new Map(report.documents.map((d) => [d.item.edition.content.title, d.timeliness]));
    expect(byTitle.get('到期当日发布')).toMatchObject({ kind: 'on_time', dueOn: '2026-04-09' });
    expect(byTitle.get('到期次日发布')).toMatchObject({ kind: 'late', dueOn: '2026-04-09' });
    expect(report.late.map((d) => d.item.edition.content.title)).toEqual(['到期次日发布']);
    expect(report.emptyEntries.map((e) => e.key)).not.toContain(entry.key);
    expect(report.emptyEntries.length).toBe(published.entries.length - 1);
  });

  it('refuses to file a document under an entry of another unit’s catalog', async () => {
    const entry = (await getPublicCatalog({ stores: app.stores, orgCode: 'town' })).entries[0]!;
    await expect(
      createDraft({
        ...deps(),
        actor: fixture.staff('edu.editor'),
        orgId: fixture.orgs.get('edu')!.id,
        input: sampleContent({ catalogEntryKey: entry.key, formedOn: '2026-03-01' }),
      }),
    ).rejects.toMatchObject({ code: 'validation_failed', fields: [{ field: 'catalogEntryKey' }] });
  });
});
