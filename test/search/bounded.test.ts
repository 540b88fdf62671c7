import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchLimits } from '../../src/adapters/search/bounded.ts';
import { createPostgresSearchIndex } from '../../src/adapters/search/postgres-tsvector.ts';
import { createSqliteSearchIndex } from '../../src/adapters/search/sqlite-fts5.ts';
import { parseQuery, type SearchCriteria, type SearchEntry, type SearchIndex } from '../../src/modules/search/index.ts';
import { newId } from '../../src/platform/ids.ts';
import { createTestApp, type TestApp } from '../app.ts';
import { DIALECTS } from '../databases.ts';

/**
 * The bounded search of a very common word, with pools small enough to see every tier: 30 entries
 * all containing 政府, counted 10, title tier 2, ranked pool 5 (the product uses 2,000, 200, 400).
 */
const LIMITS: SearchLimits = { counted: 10, titled: 2, ranked: 5 };
const COUNT = 30;
/** Entries with 政府 in the title: the newest two form the title tier, the oldest does not. */
const TITLED: Record<number, string> = { 9: '政府丙丁政府通知', 5: '政府甲乙丙丁通知', 2: '政府戊己庚辛通知' };
/** How often 政府 occurs in a body; 1 elsewhere. Entry 0 has the most but is older than the pool. */
const BODY_HITS: Record<number, number> = { 27: 3, 25: 2, 0: 9 };

const title = (i: number) => TITLED[i] ?? '其他事项甲乙通知';
const body = (i: number) => {
  const hits = BODY_HITS[i] ?? 1;
  return '各单位依照规定办理。'.repeat(10 - hits) + '由政府负责。'.repeat(hits) + '，'.repeat(4 * hits);
};
/** 发布日期: all different, not in the order the entries were indexed. */
const publishedOn = (i: number) => `2026-01-${String(((i * 7) % 30) + 1).padStart(2, '0')}`;
const genre = (i: number) => (i % 2 === 0 ? '公告' : '通知');

describe.each(DIALECTS)('bounded search of a common word on $name', (dialect) => {
  let app: TestApp;
  let index: SearchIndex;
  const ids: string[] = [];
  const removed = new Set<number>();

  const criteria = (over: Partial<SearchCriteria> = {}): SearchCriteria => {
    const parsed = parseQuery('政府');
    return {
      phrases: parsed.ok ? [parsed.phrase] : [],
      sort: 'relevance',
      offset: 0,
      limit: 4,
      ...over,
    };
  };
  /** Entry numbers of every page, in order, until a page comes back short. */
  async function allPages(over: Partial<SearchCriteria> = {}): Promise<number[]> {
    const found: number[] = [];
    for (let offset = 0; ; offset += 4) {
      const page = await index.search(criteria({ ...over, offset }));
      found.push(...page.items.map((item) => ids.indexOf(item.documentId)));
      if (page.items.length < 4) return found;
    }
  }
  const live = (list: number[]) => list.filter((i) => !removed.has(i));
  const byDate = (list: number[]) => [...list].sort((a, b) => publishedOn(b).localeCompare(publishedOn(a)) || b - a);

  /**
   * The documented order: the title tier (newest `titled` title hits, most hits first, then by 发布日期), the pool of the
   * newest `ranked` other matches (most hits first, then by 发布日期), then the rest newest first.
   */
  function expectedOrder(matching: number[]): number[] {
    const newest = [...matching].sort((a, b) => b - a);
    const titles = newest.filter((i) => TITLED[i] !== undefined).slice(0, LIMITS.titled);
    const tier = byDate(titles).sort((a, b) => TITLED[b]!.split('政府').length - TITLED[a]!.split('政府').length);
    const others = newest.filter((i) => !titles.includes(i));
    const pool = others.slice(0, LIMITS.ranked);
    const ranked = byDate(pool).sort((a, b) => (BODY_HITS[b] ?? 1) - (BODY_HITS[a] ?? 1));
    return [...tier, ...ranked, ...others.slice(LIMITS.ranked)];
  }

  beforeAll(async () => {
    app = await createTestApp(dialect, { now: '2026-03-02T02:00:00Z' });
    const db = app.database.db;
    index = dialect.name === 'postgres' ? createPostgresSearchIndex(db, LIMITS) : createSqliteSearchIndex(db, LIMITS);
    const orgId = newId();
    await app.stores.orgs.insert({
      id: orgId,
      parentId: null,
      path: `/${orgId}/`,
      depth: 0,
      type: 'district',
      code: 'bounded',
      name: '示范区人民政府',
      shortName: '示范区',
      creditCode: null,
      levels: [],
      sortOrder: 0,
      isDemo: true,
    });
    for (let i = 0; i < COUNT; i++) {
      const indexNumber = `bounded/2026-${String(i).padStart(4, '0')}`;
      ids.push(await insertDocument(orgId, indexNumber));
      // One at a time, in order, as publication indexes them: entry i is the i-th newest from the end.
      await index.put(entry(i, orgId, indexNumber));
    }
  });
  afterAll(async () => {
    await app.cleanup();
  });

  /** The documents row an entry refers to; its id. */
  async function insertDocument(orgId: string, indexNumber: string): Promise<string> {
    const id = newId();
    const at = '2026-03-02T02:00:00Z';
    await app.stores.documents.insertDocument({
      id,
      orgId,
      indexNumber,
      createdAt: at,
      createdBy: 'test',
      firstPublishedAt: at,
    });
    return id;
  }

  function entry(i: number, orgId: string, indexNumber: string): SearchEntry {
    return {
      documentId: ids[i]!,
      editionId: newId(),
      orgId,
      orgPath: `/${orgId}/`,
      orgName: '示范区人民政府',
      title: title(i),
      docNumber: null,
      indexNumber,
      bodyText: body(i),
      fieldCode: null,
      genre: genre(i),
      topic: '综合政务',
      kind: 'document',
      href: `/xxgk/doc/${ids[i]!}`,
      attachments: [],
      validity: '有效',
      publishedOn: publishedOn(i),
    };
  }

  const all = Array.from({ length: COUNT }, (_, i) => i);

  it.each([
    ['every entry', {}, all],
    ['公告 only', { genre: '公告' }, all.filter((i) => genre(i) === '公告')],
  ])('ranks %s in the documented tiers and pages through every match once', async (_, filter, matching) => {
    const first = await index.search(criteria(filter));
    expect(first.totalExact).toBe(false);
    expect(first.total).toBeGreaterThan(LIMITS.counted);
    expect(await index.matchCount(criteria(filter))).toBe(matching.length);
    expect(await allPages(filter)).toEqual(expectedOrder(matching));
  });

  it.each([
    ['every entry', {}, all],
    ['公告 only', { genre: '公告' }, all.filter((i) => genre(i) === '公告')],
    [
      'a 发布日期 range',
      { from: '2026-01-05', to: '2026-01-20' },
      all.filter((i) => publishedOn(i) >= '2026-01-05' && publishedOn(i) <= '2026-01-20'),
    ],
  ])('sorts %s by 发布日期 through every match', async (_, filter, matching) => {
    expect(await allPages({ ...filter, sort: 'date' })).toEqual(byDate(matching));
  });

  it.each([
    ['a rare phrase', '戊己庚辛', [2]],
    ['a title word, ties by 发布日期', '丙丁', [5, 9]],
  ])('answers %s exactly, with an exact total', async (_, q, expected) => {
    const parsed = parseQuery(q);
    if (!parsed.ok) throw new Error(q);
    const result = await index.search(criteria({ phrases: [parsed.phrase], limit: 10 }));
    expect(result.totalExact).toBe(true);
    expect(result.total).toBe(expected.length);
    expect(result.items.map((item) => ids.indexOf(item.documentId))).toEqual(expected);
  });

  it.each([
    ['a Latin word, whatever its case in the text', 'wifi', ['WIFI 覆盖。WiFi 热点。WIFI 免费。', 'wifi 覆盖。']],
    ['Chinese characters', '热点覆盖', ['热点覆盖，热点覆盖，热点覆盖。', '热点覆盖。']],
  ])('ranks by the hits of %s', async (_, q, [more, fewer]) => {
    const orgId = (await app.stores.orgs.getByCode('bounded'))!.id;
    const extra: SearchEntry[] = [];
    for (const [n, bodyText] of [more!, fewer!].entries()) {
      const indexNumber = `bounded/2026-${q}-${n}`;
      const id = await insertDocument(orgId, indexNumber);
      // The one with fewer hits is the newer, so only its hits can put the other first.
      extra.push({
        ...entry(0, orgId, indexNumber),
        documentId: id,
        href: `/xxgk/doc/${id}`,
        title: '其他事项',
        bodyText,
      });
    }
    for (const e of extra) await index.put(e);
    try {
      const parsed = parseQuery(q);
      if (!parsed.ok) throw new Error(q);
      const result = await index.search(criteria({ phrases: [parsed.phrase], limit: 10 }));
      expect(result.items.map((item) => item.documentId)).toEqual(extra.map((e) => e.documentId));
    } finally {
      for (const e of extra) await index.remove(e.documentId);
    }
  });

  it('never returns a removed or replaced entry, and the tiers close up', async () => {
    const orgId = (await app.stores.orgs.getByCode('bounded'))!.id;
    await index.remove(ids[9]!); // the best of the title tier
    await index.remove(ids[27]!); // the best of the pool
    await index.putMany([{ ...entry(29, orgId, 'bounded/2026-0029'), bodyText: '已不再包含这个词。' }]);
    removed.add(9).add(27).add(29);
    const matching = live(all);
    expect(await index.matchCount(criteria())).toBe(matching.length);
    const pages = await allPages();
    expect(pages).toEqual(expectedOrder(matching));
    expect(pages.slice(0, 2)).toEqual([2, 5]);
    expect(await allPages({ sort: 'date' })).toEqual(byDate(matching));
    expect(await index.count()).toBe(COUNT - 2);
  });
});
