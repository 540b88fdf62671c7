import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { useCli } from './kit.ts';

const BIN = new URL('../../bin/gongkai.js', import.meta.url).pathname;

/** A command whose output is piped into a reader that stops early still finishes its work. */
describe('gongkai output into a closed pipe', () => {
  const cli = useCli({ prefix: 'gongkai-pipe-' });

  it('loads the whole demo when `seed-demo | head -1` stops reading after one line', () => {
    const piped = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${BIN}" seed-demo | head -1`], {
      env: cli.env({ GONGKAI_DEMO_PASSWORD: 'Pipe-Test-2026' }),
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(piped.stderr).not.toContain('EPIPE');
    expect(piped.status).toBe(0);
    expect(piped.stdout.split('\n').filter(Boolean)).toHaveLength(1);
    // The database was closed properly: its audit chain verifies and the demo is all there.
    const verified = cli.run('audit', 'verify');
    expect(verified.status).toBe(0);
    expect(cli.run('seed-demo').stderr).toContain('数据库中已有单位数据');
  }, 150_000);
});
