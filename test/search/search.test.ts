import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDraft } from '../../src/modules/documents/commands/create-draft.ts';
import { createNewEdition } from '../../src/modules/documents/commands/create-new-edition.ts';
import { publishEdition } from '../../src/modules/documents/commands/publish-edition.ts';
import { submitEdition } from '../../src/modules/documents/commands/submit-edition.ts';
import { updateDraft } from '../../src/modules/documents/commands/update-draft.ts';
import { withdrawEdition } from '../../src/modules/documents/commands/withdraw-edition.ts';
import { rebuildPublicIndex } from '../../src/modules/documents/commands/rebuild-public-index.ts';
import { normalizeText, searchPublic, type SearchInput } from '../../src/modules/search/index.ts';
import { TOPICS, VALIDITIES } from '../../src/modules/documents/index.ts';
import { createTestApp, type TestApp } from '../app.ts';
import { DIALECTS } from '../databases.ts';
import { publishedDocument, sampleContent, seedFixture, type Fixture } from '../fixtures.ts';

/** 72 real laws and regulations (their first 1,200 characters), a fixed corpus copied from the reference data. */
const CORPUS = JSON.parse(readFileSync(new URL('./regulations-sample.json', import.meta.url), 'utf8')) as {
  title: string;
  text: string;
}[];

/** The units the corpus is spread over, in turn. */
const UNITS = ['edu', 'civ', 'school'] as const;

describe.each(DIALECTS)('public search on $name', (dialect) => {
  let app: TestApp;
  let fixture: Fixture;
  /** Document id → what a substring scan reads (title and text), per unit. */
  const published = new Map<string, { unit: string; text: string }>();
  const deps = () => ({
    index: app.stores.searchIndex,
    orgs: app.stores.orgs,
    synonyms: app.stores.synonyms,
    vocabulary: { validities: VALIDITIES, topics: TOPICS },
  });

  /** Every document id a search returns, page by page. */
  async function allHits(input: SearchInput): Promise<Set<string>> {
    const ids = new Set<string>();
    for (let page = 1; ; page++) {
      const result = await searchPublic(deps(), { ...input, page, pageSize: 50 });
      result.items.forEach((item) => ids.add(item.documentId));
      if (page * 50 >= result.total) {
        expect(ids.size).toBe(result.total);
        return ids;
      }
    }
  }

  /** What an exact substring scan over the published corpus finds. */
  function scan(query: string, units: readonly string[] = UNITS): Set<string> {
    const needle = normalizeText(query);
    return new Set(
      [...published]
        .filter(([, doc]) => units.includes(doc.unit) && normalizeText(doc.text).includes(needle))
        .map(([id]) => id),
    );
  }

  beforeAll(async () => {
    app = await createTestApp(dialect, { now: '2026-03-02T02:00:00Z' });
    fixture = await seedFixture(
      app,
      UNITS.flatMap((org) => [
        { role: 'editor' as const, org },
        { role: 'reviewer' as const, org },
      ]),
    );
    for (const [i, doc] of CORPUS.entries()) {
      const unit = UNITS[i % UNITS.length]!;
      const edition = await publishedDocument(app, fixture, {
        org: unit,
        editor: `${unit}.editor`,
        reviewer: `${unit}.reviewer`,
        content: { title: doc.title, docNumber: null, bodyHtml: doc.text, genre: i % 2 === 0 ? '通知' : '办法' },
      });
      published.set(edition.documentId, { unit, text: `${doc.title}\n${doc.text}` });
    }
  }, 300_000);
  afterAll(async () => {
    await app.cleanup();
  });

  it.each([
    '低保',
    '医保',
    '社会保障',
    '征收',
    '人力资源和社会保障',
    '保障',
    '政府',
    '应当',
    '人民政府',
    '国务院',
    '第一条',
  ])('%s finds exactly the documents a substring scan finds', async (query) => {
    const expected = scan(query);
    expect(expected.size).toBeGreaterThan(0);
    expect(await allHits({ q: query })).toEqual(expected);
  });

  it('finds a compound inside a longer name (社会保障 in 人力资源和社会保障局)', async () => {
    const inside = scan('人力资源和社会保障');
    const hits = await allHits({ q: '社会保障' });
    for (const id of inside) expect(hits.has(id)).toBe(true);
  });

  it('filters by unit subtree, genre and date, and pages', async () => {
    expect(await allHits({ q: '应当', org: 'edu' })).toEqual(scan('应当', ['edu', 'school']));
    expect(await allHits({ q: '应当', org: 'school' })).toEqual(scan('应当', ['school']));
    const notices = await allHits({ q: '应当', genre: '通知' });
    expect(notices.size).toBeGreaterThan(0);
    expect(notices.size).toBeLessThan(scan('应当').size);
    expect((await searchPublic(deps(), { q: '应当', from: '2027-01-01' })).total).toBe(0);
    expect((await searchPublic(deps(), { q: '应当', to: '2026-03-02' })).total).toBe(scan('应当').size);
    const first = await searchPublic(deps(), { q: '应当', pageSize: 5, sort: 'date' });
    const second = await searchPublic(deps(), { q: '应当', pageSize: 5, page: 2, sort: 'date' });
    expect(first.items).toHaveLength(5);
    expect(second.items.map((i) => i.documentId)).not.toContain(first.items[0]!.documentId);
  });

  it('ranks a hit in the title above hits in the body, and marks the words in escaped text', async () => {
    const inTitles = CORPUS.filter((doc) => doc.title.includes('保障')).length;
    expect(inTitles).toBeGreaterThan(1);
    const result = await searchPublic(deps(), { q: '保障' });
    expect(result.total).toBeGreaterThan(inTitles);
    for (const item of result.items.slice(0, inTitles)) expect(item.titleHtml).toContain('<mark>保障</mark>');
    expect(result.items[inTitles]!.titleHtml).not.toContain('<mark>');
    expect(result.items.every((i) => i.snippetHtml.includes('<mark>保障</mark>'))).toBe(true);
    for (const item of result.items) expect(item.snippetHtml.replace(/<\/?mark>/g, '')).not.toMatch(/<|>/);
  });

  it('finds a 文号 typed with 〔〕, [] or ()', async () => {
    const edition = await publishedDocument(app, fixture, {
      org: 'civ',
      editor: 'civ.editor',
      reviewer: 'civ.reviewer',
      content: {
        title: '关于调整城乡居民最低生活保障标准的通知',
        docNumber: '余政办发(2020)16号',
        writtenOn: '2020-05-06',
      },
    });
    for (const q of ['余政办发〔2020〕16号', '余政办发[2020]16号', '余政办发(2020)16号', '余政办发（２０２０）16号']) {
      const result = await searchPublic(deps(), { q });
      expect(result.items.map((i) => i.documentId)).toEqual([edition.documentId]);
    }
    const byIndexNumber = (await app.stores.documents.getDocument(edition.documentId))!.indexNumber!;
    expect((await searchPublic(deps(), { q: byIndexNumber })).items[0]!.documentId).toBe(edition.documentId);
  });

  it('never returns withdrawn, superseded or draft editions', async () => {
    const actor = (role: string) => fixture.staff(`civ.${role}`);
    const base = { uow: app.uow, clock: app.clock };
    // Withdrawn: gone from the index in the withdrawal's transaction.
    const withdrawn = await publishedDocument(app, fixture, {
      org: 'civ',
      editor: 'civ.editor',
      reviewer: 'civ.reviewer',
      content: { title: '撤回测试甲乙丙丁通知', bodyHtml: '<p>撤回测试甲乙丙丁</p>' },
    });
    expect((await searchPublic(deps(), { q: '甲乙丙丁' })).total).toBe(1);
    await withdrawEdition({ ...base, actor: actor('reviewer'), editionId: withdrawn.id, reason: '政策已调整' });
    expect((await searchPublic(deps(), { q: '甲乙丙丁' })).total).toBe(0);

    // Superseded: the new edition replaces the old one; a draft of the next one is not found.
    const first = await publishedDocument(app, fixture, {
      org: 'civ',
      editor: 'civ.editor',
      reviewer: 'civ.reviewer',
      content: { title: '替代测试通知', bodyHtml: '<p>旧版戊己庚辛</p>' },
    });
    const second = await createNewEdition({ ...base, actor: actor('editor'), documentId: first.documentId });
    await updateDraft({
      ...base,
      sanitiser: app.sanitiser,
      actor: actor('editor'),
      editionId: second.id,
      input: sampleContent({ title: '替代测试通知', bodyHtml: '<p>新版壬癸子丑</p>', changeNote: '更新标准' }),
    });
    expect((await searchPublic(deps(), { q: '壬癸子丑' })).total).toBe(0);
    await submitEdition({ ...base, actor: actor('editor'), editionId: second.id });
    await publishEdition({ ...base, actor: actor('reviewer'), editionId: second.id });
    expect((await searchPublic(deps(), { q: '戊己庚辛' })).total).toBe(0);
    const now = await searchPublic(deps(), { q: '壬癸子丑' });
    expect(now.items.map((i) => i.documentId)).toEqual([first.documentId]);
    expect((await searchPublic(deps(), { q: '替代测试' })).total).toBe(1);

    // A draft that was never published.
    await createDraft({
      ...base,
      sanitiser: app.sanitiser,
      actor: actor('editor'),
      orgId: fixture.orgs.get('civ')!.id,
      input: sampleContent({ title: '草稿寅卯辰巳', bodyHtml: '<p>草稿寅卯辰巳</p>' }),
    });
    expect((await searchPublic(deps(), { q: '寅卯辰巳' })).total).toBe(0);
  });

  it.each([
    ['保', 'q', '请至少输入两个字'],
    ['，。！？', 'q', '只有标点'],
    ['   ', 'q', '请至少输入两个字'],
    ['政'.repeat(500), 'q', '检索词过长'],
  ])('answers %j in Chinese', async (q, field, message) => {
    const error = (await searchPublic(deps(), { q }).catch((e: unknown) => e)) as {
      code: string;
      fields: { field: string; message: string }[];
    };
    expect(error.code).toBe('validation_failed');
    expect(error.fields[0]!.field).toBe(field);
    expect(error.fields[0]!.message).toContain(message);
  });

  it('refuses an unknown unit and a reversed date range', async () => {
    await expect(searchPublic(deps(), { q: '应当', org: 'nowhere' })).rejects.toMatchObject({
      code: 'validation_failed',
    });
    await expect(searchPublic(deps(), { q: '应当', from: '2026-03-01', to: '2026-01-01' })).rejects.toMatchObject({
      code: 'validation_failed',
    });
  });

  it('rebuilds to the same index from the published editions', async () => {
    const before = await allHits({ q: '保障' });
    const count = await app.stores.searchIndex.count();
    const progress: number[] = [];
    const rebuilt = await rebuildPublicIndex({ uow: app.uow, onProgress: (done) => progress.push(done) });
    expect(rebuilt).toBe(count);
    expect(progress.at(-1)).toBe(count);
    expect(await app.stores.searchIndex.count()).toBe(count);
    expect(await allHits({ q: '保障' })).toEqual(before);
    if (dialect.name === 'sqlite') {
      // The bulk load merged each FTS5 table into one segment and gave writes their merging back.
      const db = app.database.db;
      for (const table of ['search_fts', 'search_titles']) {
        const segments = await sql<{
          n: number;
        }>`select count(distinct segid) as n from ${sql.raw(`${table}_idx`)}`.execute(db);
        expect(segments.rows[0]!.n).toBe(1);
        const config = await sql<{ k: string; v: number }>`select k, v from ${sql.raw(`${table}_config`)}
          where k in ('automerge', 'crisismerge') order by k`.execute(db);
        expect(config.rows).toEqual([
          { k: 'automerge', v: 8 },
          { k: 'crisismerge', v: 16 },
        ]);
      }
    }
  });

  it('rebuilds in place, a batch at a time: a stale entry goes, a missing one returns, changes between batches stay', async () => {
    const base = { uow: app.uow, clock: app.clock };
    const live = [...published.keys()].sort();
    // A live document missing from the index, and an entry for a document that is only a draft.
    await app.uow.run((stores) => stores.searchIndex.remove(live[10]!));
    const draft = await createDraft({
      ...base,
      sanitiser: app.sanitiser,
      actor: fixture.staff('edu.editor'),
      orgId: fixture.orgs.get('edu')!.id,
      input: sampleContent({ title: '草稿午未申酉', bodyHtml: '<p>草稿午未申酉</p>' }),
    });
    const edu = fixture.orgs.get('edu')!;
    await app.uow.run((stores) =>
      stores.searchIndex.put({
        kind: 'document',
        documentId: draft.document.id,
        editionId: draft.edition.id,
        href: `/xxgk/doc/${draft.document.id}`,
        orgId: edu.id,
        orgPath: edu.path,
        orgName: edu.name,
        title: '草稿午未申酉',
        docNumber: null,
        indexNumber: null,
        bodyText: '草稿午未申酉',
        fieldCode: null,
        genre: '通知',
        topic: '综合政务',
        validity: '有效',
        publishedOn: '2026-03-02',
        attachments: [],
      }),
    );
    expect((await searchPublic(deps(), { q: '午未申酉' })).total).toBe(1);

    // After the first batch: withdraw one document the rebuild has passed and one it has not reached.
    const liveEditionOf = async (documentId: string) =>
      (await app.stores.documents.editionsOf(documentId)).find((e) => e.state === 'published')!;
    const passed = live[0]!;
    const ahead = live[live.length - 1]!;
    const progress: number[] = [];
    const rebuilt = await rebuildPublicIndex({
      uow: app.uow,
      batch: 5,
      onProgress: async (done) => {
        progress.push(done);
        if (progress.length !== 1) return;
        for (const documentId of [passed, ahead]) {
          const edition = await liveEditionOf(documentId);
          await withdrawEdition({
            ...base,
            actor: fixture.staff(`${published.get(documentId)!.unit}.reviewer`),
            editionId: edition.id,
            reason: '政策已调整',
          });
          published.delete(documentId);
        }
      },
    });
    expect(progress.length).toBeGreaterThan(10);
    expect(progress[0]).toBe(5);
    expect((await searchPublic(deps(), { q: '午未申酉' })).total).toBe(0);
    expect(await app.stores.searchIndex.indexedDocumentIds('', null)).not.toContain(passed);
    expect(await app.stores.searchIndex.indexedDocumentIds('', null)).not.toContain(ahead);
    expect(await app.stores.searchIndex.indexedDocumentIds('', null)).toContain(live[10]);
    // The document withdrawn behind the rebuild was counted when its batch indexed it.
    expect(rebuilt).toBe((await app.stores.searchIndex.indexedDocumentIds('', null)).length + 1);
    for (const query of ['应当', '社会保障', '第一条']) expect(await allHits({ q: query })).toEqual(scan(query));
  });
});
