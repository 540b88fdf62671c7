import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useCli } from './kit.ts';

describe('gongkai calendar', () => {
  const cli = useCli({ prefix: 'gongkai-calendar-' });
  const run = (...args: string[]) => cli.run('calendar', ...args);

  it('adds working days with the 2026 holidays and 调休: 2026-09-18 + 20 is 2026-10-22', () => {
    const result = run('add-working-days', '2026-09-18', '20');
    expect(result.stdout.trim()).toBe('2026-10-22');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('warns on stderr when the deadline falls into a year without data, then imports that year', () => {
    const before = run('add-working-days', '2027-12-30', '3');
    expect(before.stderr).toContain('2028年的法定节假日安排尚未导入');
    const file = join(cli.dataDir(), '2028.json');
    writeFileSync(
      file,
      JSON.stringify([
        { date: '2028-01-01', isOffDay: true, name: '元旦' },
        { date: '2028-01-03', isOffDay: true, name: '元旦' },
      ]),
    );
    expect(run('import', file).stdout).toContain('已导入：2028');
    expect(run('status').stdout).toMatch(/^2028 {2}休 {2}2 天/m);
  });

  it('refuses a date that does not exist', () => {
    const result = run('add-working-days', '2026-02-30', '3');
    expect(result.status).toBe(64);
    expect(result.stderr).toContain('日期或天数不正确');
  });
});
