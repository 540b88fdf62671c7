import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import type { DatabaseConfig } from '../../platform/config.ts';
import { raiseTinyFtsStats } from './fts-planner-stats.ts';
import { migrationProvider } from './migrations/index.ts';
import type { Database } from './schema.ts';

export type DialectName = 'sqlite' | 'postgres';

/** An open database: the Kysely handle, which dialect it speaks, and how to close it. */
export type DatabaseHandle = {
  db: Kysely<Database>;
  dialect: DialectName;
  /** The PostgreSQL schema the handle is confined to, when not the default. */
  schema?: string | undefined;
  /** The SQLite connection under Kysely, for the few reads too frequent for a query builder (the content version). */
  sqlite?: SqliteDatabase.Database;
  close(): Promise<void>;
};

/**
 * Opens the configured database. SQLite runs in WAL mode with foreign keys enforced; PostgreSQL
 * uses a connection pool, optionally confined to one schema (the test suites use that).
 */
export function openDatabase(config: DatabaseConfig): DatabaseHandle {
  if (config.kind === 'sqlite') {
    if (config.file !== ':memory:') mkdirSync(dirname(config.file), { recursive: true });
    const sqlite = new SqliteDatabase(config.file);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('synchronous = NORMAL');
    // Keeps the planner's statistics fresh for a long-lived connection (SQLite's advice since 3.46).
    sqlite.pragma('optimize = 0x10002');
    // …and raise an empty search index's count, which would make FTS5's merges scan (fts-planner-stats.ts).
    raiseTinyFtsStats(sqlite);
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
    return { db, dialect: 'sqlite', sqlite, close: () => db.destroy() };
  }
  const pool = new pg.Pool({
    connectionString: config.url,
    max: 10,
    ...(config.schema ? { options: `-c search_path=${config.schema}` } : {}),
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', schema: config.schema, close: () => db.destroy() };
}

/**
 * Brings the schema up to date.
 * @throws Error when a migration fails; the failed migration is named.
 */
export async function migrateToLatest(handle: Pick<DatabaseHandle, 'db' | 'schema'>): Promise<string[]> {
  const db = handle.db;
  // Kysely looks its bookkeeping tables up across schemas; name ours so a confined handle finds its own.
  const migrator = new Migrator({
    db,
    provider: migrationProvider,
    ...(handle.schema ? { migrationTableSchema: handle.schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error) {
    throw new Error(
      `Migration ${failed?.migrationName ?? '(unknown)'} failed: ${error instanceof Error ? error.message : JSON.stringify(error)}`,
      {
        cause: error,
      },
    );
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** True when the database answers a trivial query. */
export async function isDatabaseReachable(db: Kysely<Database>): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}
