import { Migrator, sql } from 'kysely';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateToLatest, openDatabase, type DatabaseHandle } from '../../src/adapters/db/database.ts';
import { migrationProvider } from '../../src/adapters/db/migrations/index.ts';
import { createStores } from '../../src/adapters/db/stores.ts';
import { FixedClock } from '../../src/platform/clock.ts';
import { newId } from '../../src/platform/ids.ts';
import { parseQuery } from '../../src/modules/search/index.ts';
import { POSTGRES_URL } from '../environment.ts';

const noJobs = () => ({ send: () => Promise.resolve() });

type Opened = { handle: DatabaseHandle; drop(): Promise<void> };

const DATABASES: { name: string; open(): Promise<Opened> }[] = [
  {
    name: 'sqlite',
    open: () => {
      const handle = openDatabase({ kind: 'sqlite', file: ':memory:' });
      return Promise.resolve({ handle, drop: () => handle.close() });
    },
  },
  ...(POSTGRES_URL
    ? [
        {
          name: 'postgres',
          async open(): Promise<Opened> {
            const schema = `gk_${newId()}`;
            const admin = new pg.Client({ connectionString: POSTGRES_URL });
            await admin.connect();
            await admin.query(`create schema ${schema}`);
            await admin.end();
            const handle = openDatabase({ kind: 'postgres', url: POSTGRES_URL!, schema });
            return {
              handle,
              async drop() {
                await handle.close();
                const client = new pg.Client({ connectionString: POSTGRES_URL! });
                await client.connect();
                await client.query(`drop schema ${schema} cascade`);
                await client.end();
              },
            };
          },
        },
      ]
    : []),
];

/**
 * Migration 0014 on a database that already has an index: the entries indexed before it keep
 * their rows (and, on SQLite, the rowids the full-text table is keyed by), become documents with
 * their page as href, and the table takes entries that are not documents.
 */
describe.each(DATABASES)('search migration 0014 on $name', (database) => {
  let opened: Opened | undefined;
  afterEach(async () => {
    await opened?.drop();
  });

  it('keeps the indexed entries and lets catalog entries in', async () => {
    opened = await database.open();
    const { handle } = opened;
    const migrator = new Migrator({
      db: handle.db,
      provider: migrationProvider,
      ...(handle.schema ? { migrationTableSchema: handle.schema } : {}),
    });
    expect((await migrator.migrateTo('0013-search-bounded')).error).toBeUndefined();
    // An entry as 0011–0013 wrote them; its document is left out, so reference checks are off meanwhile.
    let before = 0;
    if (handle.dialect === 'sqlite') {
      await sql`pragma foreign_keys = off`.execute(handle.db);
      await sql`insert into search_entries (document_id, edition_id, org_id, org_path, org_name, title, genre, topic, validity, published_on, body_text)
        values ('doc-0', 'ed-0', 'org-1', '/org-1/', '测试区民政局', '占位', '通知', '综合政务', '有效', '2026-03-01', '占位'),
               ('doc-1', 'ed-1', 'org-1', '/org-1/', '测试区民政局', '城乡低保标准', '通知', '综合政务', '有效', '2026-03-01', '低保标准提高')`.execute(
        handle.db,
      );
      // A gap in the rowids, so keeping them is not a coincidence of insertion order.
      await sql`delete from search_entries where document_id = 'doc-0'`.execute(handle.db);
      const { rows } = await sql<{ rowid: number }>`select rowid from search_entries`.execute(handle.db);
      before = rows[0]!.rowid;
      await sql`insert into search_fts (rowid, title, doc_number, index_number, body)
        values (${before}, '城乡 乡低 低保 保标 标准', '', '', '低保 保标 标准 准提 提高')`.execute(handle.db);
      await sql`insert into search_titles (rowid, title, doc_number, index_number)
        values (${before}, '城乡 乡低 低保 保标 标准', '', '')`.execute(handle.db);
      await sql`pragma foreign_keys = on`.execute(handle.db);
    } else {
      await handle.db.transaction().execute(async (trx) => {
        await sql`set local session_replication_role = replica`.execute(trx);
        await sql`insert into search_entries (document_id, edition_id, org_id, org_path, org_name, title, genre, topic, validity, published_on, body_text, tokens, tsv, title_tsv)
          values ('doc-1', 'ed-1', 'org-1', '/org-1/', '测试区民政局', '城乡低保标准', '通知', '综合政务', '有效', '2026-03-01', '低保标准提高',
            ' 城乡 乡低 低保 保标 标准 |  |  | 低保 保标 标准 准提 提高 ', to_tsvector('simple', '城乡 乡低 低保 保标 标准 低保 保标 标准 准提 提高'),
            to_tsvector('simple', '城乡 乡低 低保 保标 标准'))`.execute(trx);
      });
    }
    await sql`update search_index_size set entries = 1`.execute(handle.db);
    await migrateToLatest(handle);

    const { rows } = await sql<{ document_id: string; kind: string; href: string; attachments: string }>`
      select document_id, kind, href, attachments from search_entries`.execute(handle.db);
    expect(rows).toEqual([{ document_id: 'doc-1', kind: 'document', href: '/xxgk/doc/doc-1', attachments: '[]' }]);
    const stores = createStores(handle, new FixedClock('2026-03-02T02:00:00Z'), noJobs).stores;
    const found = await stores.searchIndex.search({ phrases: [['低保']], sort: 'relevance', offset: 0, limit: 10 });
    expect(found.items.map((item) => [item.documentId, item.kind, item.href])).toEqual([
      ['doc-1', 'document', '/xxgk/doc/doc-1'],
    ]);
    if (handle.dialect === 'sqlite') {
      const kept = await sql<{ rowid: number }>`select rowid from search_entries`.execute(handle.db);
      expect(kept.rows[0]!.rowid).toBe(before);
    }
    // A catalog entry's id is not a document's: the table no longer refuses it.
    await stores.searchIndex.put({
      kind: 'catalog',
      documentId: 'entry-1',
      editionId: 'version-1',
      href: '/xxgk/bzml/civ/key-1',
      orgId: 'org-1',
      orgPath: '/org-1/',
      orgName: '测试区民政局',
      title: '最低生活保障',
      docNumber: null,
      indexNumber: null,
      bodyText: '公开内容(要素)：低保对象名单',
      fieldCode: '20',
      genre: '',
      topic: '',
      validity: '',
      publishedOn: '2026-03-01',
      attachments: [],
    });
    const both = await stores.searchIndex.search({ phrases: [['低保']], sort: 'relevance', offset: 0, limit: 10 });
    expect(both.items.map((item) => item.kind).sort()).toEqual(['catalog', 'document']);
  });
});

/**
 * Migration 0017 on SQLite: the FTS5 tables are made again with the `ascii` tokenizer and filled
 * from search_entries, attachments' text included; every entry is found as before, by the same
 * queries, and each table is one segment with writes merging again.
 */
describe('search migration 0017 on sqlite', () => {
  let opened: Opened | undefined;
  afterEach(async () => {
    await opened?.drop();
  });

  it('finds every indexed entry by the same words after the change of tokenizer', async () => {
    opened = await DATABASES[0]!.open();
    const { handle } = opened;
    const migrator = new Migrator({ db: handle.db, provider: migrationProvider });
    expect((await migrator.migrateTo('0016-edition-counts')).error).toBeUndefined();
    const stores = createStores(handle, new FixedClock('2026-03-02T02:00:00Z'), noJobs).stores;
    await sql`pragma foreign_keys = off`.execute(handle.db);
    const entry = (n: number, title: string, bodyText: string, attachment: string) => ({
      kind: 'catalog' as const,
      documentId: `entry-${n}`,
      editionId: `version-${n}`,
      href: `/xxgk/bzml/civ/key-${n}`,
      orgId: 'org-1',
      orgPath: '/org-1/',
      orgName: '测试区民政局',
      title,
      docNumber: `余民发〔2026〕${n}号`,
      indexNumber: null,
      bodyText,
      fieldCode: null,
      genre: '',
      topic: '',
      validity: '',
      publishedOn: '2026-03-01',
      attachments: attachment ? [{ name: '附件.pdf', text: attachment }] : [],
    });
    await stores.searchIndex.putMany([
      entry(1, '城乡低保标准调整', '低保标准自四月起提高。', '附表：各镇街 WiFi 覆盖点位'),
      entry(2, 'Ⅻ号文件 ＡＢＣ检查', '全角字母与罗马数字。', ''),
    ]);
    await migrateToLatest(handle);

    const { rows } = await sql<{
      sql: string;
    }>`select sql from sqlite_master where name in ('search_fts', 'search_titles')`.execute(handle.db);
    for (const row of rows) expect(row.sql).toContain("tokenize = 'ascii'");
    const found = async (q: string) => {
      const parsed = parseQuery(q);
      if (!parsed.ok) throw new Error(q);
      const result = await stores.searchIndex.search({
        phrases: [parsed.phrase],
        sort: 'relevance',
        offset: 0,
        limit: 10,
      });
      return result.items.map((item) => item.documentId);
    };
    for (const [q, ids] of [
      ['低保', ['entry-1']],
      ['标准调整', ['entry-1']],
      ['四月起', ['entry-1']],
      ['镇街', ['entry-1']],
      ['wifi', ['entry-1']],
      ['余民发[2026]2号', ['entry-2']],
      ['abc', ['entry-2']],
      ['xii', ['entry-2']],
    ] as const) {
      expect(await found(q), q).toEqual(ids);
    }
    for (const table of ['search_fts', 'search_titles']) {
      const segments = await sql<{
        n: number;
      }>`select count(distinct segid) as n from ${sql.raw(`${table}_idx`)}`.execute(handle.db);
      expect(segments.rows[0]!.n).toBe(1);
      const config = await sql<{
        v: number;
      }>`select v from ${sql.raw(`${table}_config`)} where k = 'automerge'`.execute(handle.db);
      expect(config.rows[0]!.v).toBe(8);
    }
  });
});
