import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { startBulkLoad } from '../search/sqlite-fts5.ts';
import { migrateToLatest, openDatabase } from './database.ts';
import { raiseTinyFtsStats, raiseTinyFtsStatsIn } from './fts-planner-stats.ts';

/** A database with an empty contentless FTS5 index and an ordinary table whose name also ends in _data. */
function freshDatabase(file = ':memory:'): SqliteDatabase.Database {
  const sqlite = new SqliteDatabase(file);
  sqlite.exec(`create virtual table words using fts5(body, content='', contentless_delete=1);
    create table export_data (id integer primary key, v text);
    insert into export_data (v) values ('a'), ('b');`);
  return sqlite;
}

/** How the planner reads a range of an FTS5 data table, as FTS5 deletes a merged segment's pages. */
const rangePlan = (sqlite: SqliteDatabase.Database) =>
  (
    sqlite.prepare('explain query plan select id from words_data where id >= ? and id <= ?').all(1, 2) as {
      detail: string;
    }[]
  )
    .map((row) => row.detail)
    .join('; ');

const statOf = (sqlite: SqliteDatabase.Database, table: string) =>
  (
    sqlite.prepare('select stat from sqlite_stat1 where tbl = ? and idx is null').get(table) as
      { stat: string } | undefined
  )?.stat;

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe('raising an empty search index’s row count', () => {
  it('does nothing where nothing was ever analysed', () => {
    const sqlite = freshDatabase();
    expect(raiseTinyFtsStats(sqlite)).toBe(0);
  });

  it('makes the planner seek a range of pages again after ANALYZE found the index empty', () => {
    const sqlite = freshDatabase();
    sqlite.exec('analyze');
    // The empty index's two records (structure and averages): the planner would scan the table.
    expect(statOf(sqlite, 'words_data')).toBe('2');
    expect(rangePlan(sqlite)).toMatch(/^SCAN words_data/);

    expect(raiseTinyFtsStats(sqlite)).toBe(1);
    expect(statOf(sqlite, 'words_data')).toBe('1000');
    expect(rangePlan(sqlite)).toMatch(/^SEARCH words_data USING INTEGER PRIMARY KEY \(rowid>\? AND rowid<\?\)/);
    // Other tables' statistics stay, whatever their names.
    expect(statOf(sqlite, 'export_data')).toBe('2');
  });

  it.each([
    { rows: '2', after: '1000' },
    { rows: '9', after: '1000' },
    { rows: '999', after: '1000' },
    { rows: '1000', after: '1000' },
    { rows: '250000', after: '250000' },
  ])('a count of $rows rows reads $after after', ({ rows, after }) => {
    const sqlite = freshDatabase();
    sqlite.exec('analyze');
    sqlite.prepare("update sqlite_stat1 set stat = ? where tbl = 'words_data'").run(rows);
    expect(raiseTinyFtsStats(sqlite)).toBe(rows === after ? 0 : 1);
    expect(statOf(sqlite, 'words_data')).toBe(after);
  });

  it('does the same inside a transaction through Kysely, as a bulk load does', async () => {
    const sqlite = freshDatabase();
    sqlite.exec('analyze');
    const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: sqlite }) });
    try {
      const forgotten = await db.transaction().execute((trx) => raiseTinyFtsStatsIn(trx));
      expect(forgotten).toBe(1);
      expect(rangePlan(sqlite)).toMatch(/^SEARCH words_data/);
      expect(await db.transaction().execute((trx) => raiseTinyFtsStatsIn(trx))).toBe(0);
    } finally {
      await db.destroy();
    }
  });

  it('is done when the product opens its database, after PRAGMA optimize', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'gk-fts-stats-'));
    folders.push(folder);
    const file = join(folder, 'gongkai.db');
    const before = freshDatabase(file);
    before.exec('analyze');
    expect(statOf(before, 'words_data')).toBe('2');
    before.close();

    const handle = openDatabase({ kind: 'sqlite', file });
    try {
      expect(statOf(handle.sqlite!, 'words_data')).toBe('1000');
      expect(rangePlan(handle.sqlite!)).toMatch(/^SEARCH words_data/);
      expect(statOf(handle.sqlite!, 'export_data')).toBe('2');
    } finally {
      await handle.close();
    }
  });

  it('is done when the search index begins a bulk load (a reindex after ANALYZE)', async () => {
    const handle = openDatabase({ kind: 'sqlite', file: ':memory:' });
    try {
      await migrateToLatest(handle);
      handle.sqlite!.exec('analyze');
      expect(statOf(handle.sqlite!, 'search_fts_data')).toBe('2');
      await handle.db.transaction().execute((trx) => startBulkLoad(trx));
      expect(statOf(handle.sqlite!, 'search_fts_data')).toBe('1000');
      expect(statOf(handle.sqlite!, 'search_titles_data')).toBe('1000');
    } finally {
      await handle.close();
    }
  });
});
