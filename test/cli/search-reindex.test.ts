import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { useCli } from './kit.ts';

/** `gongkai search reindex`, run as people run it, after the index was emptied behind its back. */
describe('gongkai search reindex', () => {
  const { dataDir, run } = useCli({ migrate: true });
  const query = <T>(statement: string): T => {
    const db = new SqliteDatabase(join(dataDir(), 'gongkai.sqlite'));
    try {
      return db.prepare(statement).get() as T;
    } finally {
      db.close();
    }
  };

  it('rebuilds the index from the published editions and catalogs, with progress on stderr', () => {
    expect(run('seed-demo').status).toBe(0);
    const published = query<{ n: number }>(`select count(*) as n from editions where state = 'published'`).n;
    expect(published).toBeGreaterThan(10);
    const entries = query<{ n: number }>(`select count(*) as n from catalog_entries e
      join catalog_versions v on v.id = e.version_id where v.state = 'published'`).n;
    expect(entries).toBeGreaterThan(10);
    // Publication already indexed every live edition and published catalog entry; empty the index to see it rebuilt.
    const indexed = () => query<{ n: number }>('select count(*) as n from search_entries').n;
    const ofKind = (kind: string) =>
      query<{ n: number }>(`select count(*) as n from search_entries where kind = '${kind}'`).n;
    expect([ofKind('document'), ofKind('catalog')]).toEqual([published, entries]);
    const db = new SqliteDatabase(join(dataDir(), 'gongkai.sqlite'));
    db.exec('delete from search_fts; delete from search_entries;');
    db.close();

    const result = run('search', 'reindex');
    expect(result.status).toBe(0);
    expect(result.stderr).toContain(`${published}/${published}`);
    expect(result.stdout).toContain(`已重建检索索引：${published} 条信息、${entries} 个标准目录事项`);
    expect([ofKind('document'), ofKind('catalog')]).toEqual([published, entries]);
    expect(indexed()).toBe(published + entries);
    expect(
      query<{ n: number }>(`select count(*) as n from search_fts where search_fts match '"政府"'`).n,
    ).toBeGreaterThan(0);
  }, 180_000);
});
