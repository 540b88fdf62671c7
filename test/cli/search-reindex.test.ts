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

  it('rebuilds the index from the published editions, with progress on stderr', () => {
    expect(run('seed-demo').status).toBe(0);
    const published = query<{ n: number }>(`select count(*) as n from editions where state = 'published'`).n;
    expect(published).toBeGreaterThan(10);
    // Publication already indexed every live edition; empty the index to see it rebuilt.
    expect(query<{ n: number }>('select count(*) as n from search_entries').n).toBe(published);
    const db = new SqliteDatabase(join(dataDir(), 'gongkai.sqlite'));
    db.exec('delete from search_fts; delete from search_entries;');
    db.close();

    const result = run('search', 'reindex');
    expect(result.status).toBe(0);
    expect(result.stderr).toContain(`${published}/${published}`);
    expect(result.stdout).toContain(`已重建检索索引：${published} 条信息`);
    expect(query<{ n: number }>('select count(*) as n from search_entries').n).toBe(published);
    expect(
      query<{ n: number }>(`select count(*) as n from search_fts where search_fts match '"政府"'`).n,
    ).toBeGreaterThan(0);
  }, 120_000);
});
