import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';

const BIN = new URL('../../bin/gongkai.js', import.meta.url).pathname;

/** A `gongkai` command line run as people run it, against a fresh SQLite data directory. */
export type CliKit = {
  /** The data directory (valid inside the suite's tests). */
  dataDir: () => string;
  /** The environment the command runs with, plus `extra`. */
  env: (extra?: Record<string, string>) => NodeJS.ProcessEnv;
  /** Runs `gongkai ...args` and waits for it. */
  run: (...args: string[]) => SpawnSyncReturns<string>;
  /** Runs `gongkai ...args` with extra environment variables. */
  runWith: (extra: Record<string, string>, ...args: string[]) => SpawnSyncReturns<string>;
};

/**
 * Registers a temporary data directory for the surrounding `describe` (created before its tests,
 * removed after) and returns a runner for the real `bin/gongkai.js`.
 */
export function useCli(options: { prefix?: string; migrate?: boolean } = {}): CliKit {
  let dir = '';
  const env = (extra: Record<string, string> = {}) => ({
    ...process.env,
    GONGKAI_DATA_DIR: dir,
    DATABASE_URL: '',
    GONGKAI_PUBLIC_URL: '',
    LOG_LEVEL: 'silent',
    ...extra,
  });
  // Seeding the whole demo takes 10–20 s on an idle machine; a loaded CI machine may take several times that.
  const runWith = (extra: Record<string, string>, ...args: string[]) =>
    spawnSync(process.execPath, [BIN, ...args], { env: env(extra), encoding: 'utf8', timeout: 150_000 });
  const run = (...args: string[]) => runWith({}, ...args);
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), options.prefix ?? 'gongkai-cli-'));
    if (options.migrate) {
      const result = run('migrate');
      if (result.status !== 0) throw new Error(`gongkai migrate failed: ${result.stderr}`);
    }
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  return { dataDir: () => dir, env, run, runWith };
}
