import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { useCli } from './kit.ts';

/**
 * `gongkai audit verify`, run as people run it, against a data directory whose audit log the
 * test then tampers with directly in the SQLite file.
 */
describe('gongkai audit verify', () => {
  const { dataDir, run, runWith } = useCli({ migrate: true });
  const sqlite = (statement: string) => {
    const db = new SqliteDatabase(join(dataDir(), 'gongkai.sqlite'));
    try {
      db.prepare(statement).run();
    } finally {
      db.close();
    }
  };

  it('exits 0 on an intact log', () => {
    expect(run('seed-demo').status).toBe(0);
    const created = run(
      'user',
      'create',
      '--username',
      'cli.editor',
      '--name',
      '命令行编辑',
      '--org',
      'sfq-jyj',
      '--role',
      'editor',
    );
    expect(created.stdout).toContain('已创建用户 cli.editor');
    expect(created.stdout).toMatch(/初始密码: \S{10,}/);
    const token = run('token', 'create', '--user', 'cli.editor', '--name', '对接');
    expect(token.stdout.trim()).toMatch(/^gk_[A-Za-z0-9_-]{40,}$/);
    const result = run('audit', 'verify');
    expect(result.stdout).toMatch(/audit log intact: \d+ rows verified/);
    expect(result.status).toBe(0);
    // Seeds the whole demo district in a child process: 7 s on a quiet machine, three times that on a busy one.
  }, 60_000);

  it('exits non-zero naming the first edited row', () => {
    sqlite(`update audit_log set actor_name = '某人' where seq = 7`);
    const result = run('audit', 'verify');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('audit row 7 was altered');
  });

  it('exits non-zero naming a deleted row', () => {
    sqlite(`delete from audit_log where seq = 5`);
    const result = run('audit', 'verify');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('audit row 5 is missing');
  });

  it('prints every configuration problem and exits 78 on a wrong setting', () => {
    const result = runWith({ PORT: 'eighty', GONGKAI_SECRET: 'short' }, 'audit', 'verify');
    expect(result.status).toBe(78);
    expect(result.stderr).toContain('PORT');
    expect(result.stderr).toContain('GONGKAI_SECRET');
  });
});
