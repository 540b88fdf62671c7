import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approveCatalog } from '../../src/modules/catalog/commands/approve-catalog.ts';
import { rebuildCatalogIndex } from '../../src/modules/catalog/commands/catalog-search-index.ts';
import { importCatalogTemplate } from '../../src/modules/catalog/commands/import-catalog-template.ts';
import { saveCatalogEntry } from '../../src/modules/catalog/commands/save-catalog-entry.ts';
import { startCatalogVersion } from '../../src/modules/catalog/commands/start-catalog-version.ts';
import { submitCatalog } from '../../src/modules/catalog/commands/submit-catalog.ts';
import { addAttachment } from '../../src/modules/documents/commands/add-attachment.ts';
import { createDraft } from '../../src/modules/documents/commands/create-draft.ts';
import { publishEdition } from '../../src/modules/documents/commands/publish-edition.ts';
import { rebuildPublicIndex } from '../../src/modules/documents/commands/rebuild-public-index.ts';
import { submitEdition } from '../../src/modules/documents/commands/submit-edition.ts';
import { TOPICS, VALIDITIES } from '../../src/modules/documents/index.ts';
import type { Edition } from '../../src/modules/documents/domain/workflow.ts';
import { updateOrg } from '../../src/modules/orgs/commands/update-org.ts';
import { saveSynonyms, searchPublic, type SearchInput } from '../../src/modules/search/index.ts';
import { createTestApp, type TestApp } from '../app.ts';
import { DIALECTS } from '../databases.ts';
import { publishedDocument, sampleContent, seedFixture, type Fixture } from '../fixtures.ts';
import { docxWith, pdfWith, xlsxWith } from './attachment-fixtures.ts';

/** Search beyond a document's own text: attachments, catalog entries, synonyms, new filters, facets. */
describe.each(DIALECTS)('search breadth on $name', (dialect) => {
  let app: TestApp;
  let fixture: Fixture;
  const ids = new Map<string, string>();
  const deps = () => ({
    index: app.stores.searchIndex,
    orgs: app.stores.orgs,
    synonyms: app.stores.synonyms,
    vocabulary: { validities: VALIDITIES, topics: TOPICS },
  });
  const search = (input: SearchInput) => searchPublic(deps(), input);
  const hitIds = async (input: SearchInput) => (await search(input)).items.map((item) => item.documentId).sort();
  const workflow = () => ({ uow: app.uow, clock: app.clock, sanitiser: app.sanitiser });

  /** A draft with files attached, submitted and published; the extraction jobs run afterwards. */
  async function publishWithFiles(title: string, files: { name: string; bytes: Buffer }[]): Promise<Edition> {
    const { edition } = await createDraft({
      ...workflow(),
      actor: fixture.staff('civ.editor'),
      orgId: fixture.orgs.get('civ')!.id,
      input: sampleContent({ title, docNumber: null, bodyHtml: '<p>详见附件。</p>', fieldCode: '20' }),
    });
    for (const file of files) {
      await addAttachment({
        ...workflow(),
        actor: fixture.staff('civ.editor'),
        files: app.files,
        sniff: app.sniff,
        maxBytes: 5 * 1024 * 1024,
        editionId: edition.id,
        fileName: file.name,
        content: { bytes: file.bytes },
      });
    }
    await submitEdition({ ...workflow(), actor: fixture.staff('civ.editor'), editionId: edition.id });
    return publishEdition({ ...workflow(), actor: fixture.staff('civ.reviewer'), editionId: edition.id });
  }

  beforeAll(async () => {
    app = await createTestApp(dialect, { now: '2026-03-02T02:00:00Z' });
    fixture = await seedFixture(app, [
      { role: 'editor', org: 'civ' },
      { role: 'reviewer', org: 'civ' },
      { role: 'editor', org: 'edu' },
      { role: 'reviewer', org: 'edu' },
      { role: 'editor', org: 'town' },
      { role: 'district_admin', org: 'dist' },
      { role: 'editor', org: 'dist', username: 'dist.editor' },
      { role: 'system_admin', org: 'dist' },
    ]);
    const docs: [string, string, Partial<Parameters<typeof sampleContent>[0]>][] = [
      ['insurance', 'civ', { title: '城乡居民医疗保障待遇调整的通知', bodyHtml: '<p>医疗保障待遇自四月起调整。</p>' }],
      ['abbrev', 'edu', { title: '学生医保参保提醒', bodyHtml: '<p>请各校组织学生参加医保。</p>', fieldCode: '24' }],
      [
        'expired',
        'edu',
        {
          title: '旧版医疗保障办法',
          bodyHtml: '<p>本办法已失效。</p>',
          validity: '失效',
          validityOn: '2025-12-31',
          topic: '卫生、体育',
          fieldCode: '24',
        },
      ],
      [
        'social',
        'civ',
        { title: '社会保险缴费基数公告', bodyHtml: '<p>社会保险缴费基数调整。</p>', topic: '劳动、人事、监察' },
      ],
    ];
    for (const [key, org, content] of docs) {
      const edition = await publishedDocument(app, fixture, {
        org,
        editor: `${org}.editor`,
        reviewer: `${org}.reviewer`,
        content: { docNumber: null, ...content },
      });
      ids.set(key, edition.documentId);
    }
  }, 120_000);
  afterAll(async () => {
    await app?.cleanup();
  });

  describe('attachments', () => {
    beforeAll(async () => {
      const pdf = await publishWithFiles('关于发放冬季取暖补贴的通知', [
        { name: '补贴标准.pdf', bytes: await pdfWith('附件一：每户冬季取暖补贴标准为八百元') },
        { name: '申领流程.docx', bytes: await docxWith(['附件二：申领取暖补贴须持户口簿到社区服务站登记']) },
        {
          name: '发放名册.xlsx',
          bytes: await xlsxWith('名册', [
            ['序号', '社区', '户数'],
            [1, '青石社区', 128],
          ]),
        },
      ]);
      ids.set('heating', pdf.documentId);
      const broken = await publishWithFiles('关于公布困难家庭名单的通知', [
        { name: '损坏文件.pdf', bytes: Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF garbage') },
        { name: '加密文件.pdf', bytes: await pdfWith('加密内容不应被检索到', { userPassword: 'secret-1234' }) },
      ]);
      ids.set('broken', broken.documentId);
      // The extraction jobs were sent with the uploads and the publications; run them all.
      while ((await app.jobs.runner.runDue()) > 0);
    }, 120_000);

    it.each([
      ['八百元', '补贴标准.pdf'],
      ['户口簿到社区服务站', '申领流程.docx'],
      ['青石社区', '发放名册.xlsx'],
    ])('finds a document by %s inside its attachment %s, and says which', async (phrase, attachment) => {
      const result = await search({ q: phrase });
      expect(result.items.map((item) => item.documentId)).toEqual([ids.get('heating')]);
      expect(result.items[0]!.matchedAttachment).toBe(attachment);
      expect(result.items[0]!.snippetHtml).toContain('<mark>');
    });

    it('names no attachment when the words are in the document itself', async () => {
      const result = await search({ q: '冬季取暖' });
      expect(result.items[0]!.documentId).toBe(ids.get('heating'));
      expect(result.items[0]!.matchedAttachment).toBeNull();
    });

    it('publishes despite a corrupt and an encrypted PDF, which index no text', async () => {
      expect((await hitIds({ q: '困难家庭名单' })).includes(ids.get('broken')!)).toBe(true);
      expect((await search({ q: '加密内容' })).total).toBe(0);
      const edition = (await app.stores.documents.editionsOf(ids.get('broken')!)).find((e) => e.state === 'published')!;
      const files = await app.stores.documents.attachmentsOf(edition.id);
      const texts = await app.stores.attachmentTexts.textsOf(files.map((f) => f.sha256));
      expect(files.map((f) => texts.get(f.sha256)?.status)).toEqual(['failed', 'failed']);
    });

    it('keeps attachment text through a rebuild of the index', async () => {
      await rebuildPublicIndex({ uow: app.uow });
      expect(await hitIds({ q: '八百元' })).toEqual([ids.get('heating')]);
    });
  });

  describe('synonyms', () => {
    it('widens a query with the district synonym list, its own hits first', async () => {
      expect(await hitIds({ q: '医保' })).toEqual([ids.get('abbrev')]);
      await saveSynonyms({
        uow: app.uow,
        clock: app.clock,
        actor: fixture.staff('dist.district_admin'),
        text: '医保 = 医疗保障\n社保，社会保险',
      });
      expect(await hitIds({ q: '医保' })).toEqual(
        [ids.get('abbrev'), ids.get('insurance'), ids.get('expired')].map(String).sort(),
      );
      expect(await hitIds({ q: '社保' })).toEqual([ids.get('social')]);
      // A synonym inside a longer query: 居民医保 → 居民医疗保障.
      expect(await hitIds({ q: '居民医保' })).toEqual([ids.get('insurance')]);
      const marked = await search({ q: '医保', sort: 'relevance' });
      expect(marked.items.find((i) => i.documentId === ids.get('insurance'))!.titleHtml).toContain(
        '<mark>医疗保障</mark>',
      );
    });

    it('records every change of the list in the audit log', async () => {
      const page = await app.stores.audit.find({ action: 'search.synonyms_updated' }, { offset: 0, limit: 50 });
      expect(page.total).toBe(1);
      const entry = page.items[0];
      expect(entry?.after).toEqual({
        groups: [
          ['医保', '医疗保障'],
          ['社保', '社会保险'],
        ],
      });
    });

    it.each([
      ['医保', '只有一个词'],
      ['医 = 医疗', '至少两个字'],
      [`医保 = ${'很'.repeat(21)}`, '过长'],
    ])('refuses %s with a Chinese message naming the line', async (text, message) => {
      const error: unknown = await saveSynonyms({
        uow: app.uow,
        clock: app.clock,
        actor: fixture.staff('dist.district_admin'),
        text,
      }).catch((caught: unknown) => caught);
      expect(error).toMatchObject({ code: 'validation_failed' });
      const fields = (error as { fields: { field: string; message: string }[] }).fields;
      expect(fields.map((f) => f.field)).toEqual(['groups']);
      expect(fields[0]!.message).toContain(message);
    });

    it('is edited by district administrators only', async () => {
      await expect(
        saveSynonyms({ uow: app.uow, clock: app.clock, actor: fixture.staff('civ.editor'), text: '医保 = 医疗保障' }),
      ).rejects.toMatchObject({ code: 'forbidden' });
    });
  });

  describe('filters', () => {
    it.each([
      [{ q: '医疗保障', validity: '失效' }, ['expired']],
      // With the synonyms saved above, 医疗保障 also finds 医保.
      [{ q: '医疗保障', validity: '有效' }, ['insurance', 'abbrev']],
      [{ q: '医疗保障', topic: '卫生、体育' }, ['expired']],
      [{ q: '社会保险', topic: '劳动、人事、监察' }, ['social']],
      [{ q: '社会保险', topic: '卫生、体育' }, []],
    ] as [SearchInput, string[]][])('%o finds %o', async (input, expected) => {
      expect(await hitIds(input)).toEqual(expected.map((key) => ids.get(key)!).sort());
    });

    it.each([
      [{ q: '医保', validity: '过期' }, 'validity'],
      [{ q: '医保', topic: '不存在的主题' }, 'topic'],
    ] as [SearchInput, string][])('refuses %o on its field', async (input, field) => {
      await expect(search(input)).rejects.toMatchObject({ code: 'validation_failed', fields: [{ field }] });
    });
  });

  describe('catalog entries', () => {
    let versionId = '';
    beforeAll(async () => {
      const editor = fixture.staff('town.editor');
      const version = await startCatalogVersion({ ...workflow(), actor: editor, orgId: fixture.orgs.get('town')!.id });
      await importCatalogTemplate({ ...workflow(), actor: editor, versionId: version.id, fieldCode: '20' });
      const [first] = await app.stores.catalogs.entriesOf(version.id);
      await saveCatalogEntry({
        ...workflow(),
        actor: editor,
        versionId: version.id,
        entryId: first!.id,
        content: { ...first!, itemL1: '取暖救助事项', itemL2: '冬季临时救助', contentElements: ['取暖救助对象名单'] },
      });
      // Not public until the district office approves it.
      expect((await search({ q: '冬季临时救助' })).total).toBe(0);
      await submitCatalog({ ...workflow(), actor: editor, versionId: version.id });
      await approveCatalog({ ...workflow(), actor: fixture.staff('dist.district_admin'), versionId: version.id });
      versionId = version.id;
    }, 60_000);

    it('finds a published entry by its name, linked to its public page', async () => {
      const result = await search({ q: '冬季临时救助' });
      expect(result.items).toHaveLength(1);
      const [hit] = result.items;
      expect(hit!.kind).toBe('catalog');
      expect(hit!.href).toMatch(/^\/xxgk\/bzml\/town\/[^/]+$/);
      expect(hit!.orgName).toBe('测试区甲镇人民政府');
      expect((await search({ q: '取暖救助对象名单' })).items.map((i) => i.kind)).toEqual(['catalog']);
    });

    it.each([
      ['catalog', ['catalog']],
      ['document', ['document']],
    ] as const)('filters kind %s', async (kind, kinds) => {
      const result = await search({ q: '取暖', kind });
      expect(result.total).toBeGreaterThan(0);
      expect([...new Set(result.items.map((item) => item.kind))]).toEqual(kinds);
    });

    it('replaces the entries when a new version is published, and a rebuild keeps them', async () => {
      const editor = fixture.staff('town.editor');
      const next = await startCatalogVersion({ ...workflow(), actor: editor, orgId: fixture.orgs.get('town')!.id });
      const entries = await app.stores.catalogs.entriesOf(next.id);
      const renamed = entries.find((entry) => entry.itemL1 === '取暖救助事项')!;
      await saveCatalogEntry({
        ...workflow(),
        actor: editor,
        versionId: next.id,
        entryId: renamed.id,
        content: { ...renamed, itemL2: '春季临时救助' },
      });
      await submitCatalog({ ...workflow(), actor: editor, versionId: next.id });
      await approveCatalog({ ...workflow(), actor: fixture.staff('dist.district_admin'), versionId: next.id });
      expect((await search({ q: '冬季临时救助' })).total).toBe(0);
      const spring = await search({ q: '春季临时救助' });
      expect(spring.items.map((item) => item.kind)).toEqual(['catalog']);
      const before = (await search({ q: '救助', kind: 'catalog', pageSize: 50 })).total;
      expect(before).toBeGreaterThan(0);
      expect(await rebuildCatalogIndex({ uow: app.uow })).toBe(entries.length);
      expect((await search({ q: '救助', kind: 'catalog', pageSize: 50 })).total).toBe(before);
      expect(versionId).not.toBe(next.id);
    });
  });

  describe('facets', () => {
    it('counts the matches per unit and per pilot field', async () => {
      const result = await search({ q: '医疗保障' });
      expect(result.facets).not.toBeNull();
      const units = Object.fromEntries(result.facets!.units.map((unit) => [unit.orgName, unit.count]));
      expect(units).toEqual({ 测试区民政局: 1, 测试区教育局: 2 });
      expect(result.facets!.fields).toEqual([{ fieldCode: '24', count: 3 }]);
    });

    it('counts within the filters, and gives none over the match limit', async () => {
      const criteria = {
        phrases: [['医疗', '疗保', '保障']],
        sort: 'relevance' as const,
        offset: 0,
        limit: 20,
        validity: '有效',
      };
      const within = await app.stores.searchIndex.facets(criteria);
      expect(within!.units).toEqual([{ orgId: fixture.orgs.get('civ')!.id, orgName: '测试区民政局', count: 1 }]);
      // Two entries hold 医疗保障 itself (the synonyms widen only the use case's queries).
      const atLimit = await app.stores.searchIndex.facets({ ...criteria, validity: undefined }, 2);
      expect(atLimit!.units.reduce((sum, unit) => sum + unit.count, 0)).toBe(2);
      expect(await app.stores.searchIndex.facets({ ...criteria, validity: undefined }, 1)).toBeNull();
    });

    it('shows a renamed unit by its new name in results and facets, without reindexing', async () => {
      const civ = fixture.orgs.get('civ')!;
      const rename = (name: string) =>
        updateOrg({
          uow: app.uow,
          clock: app.clock,
          actor: fixture.staff('dist.system_admin'),
          orgId: civ.id,
          input: { code: civ.code, name, shortName: name, levels: civ.levels, sortOrder: civ.sortOrder },
        });
      await rename('测试区民政和退役军人事务局');
      try {
        const result = await search({ q: '医疗保障' });
        const names = result.items.map((item) => item.orgName);
        expect(names).toContain('测试区民政和退役军人事务局');
        expect(names).not.toContain(civ.name);
        expect(result.facets!.units.find((unit) => unit.orgId === civ.id)?.orgName).toBe('测试区民政和退役军人事务局');
      } finally {
        await rename(civ.name);
      }
    });
  });
});
