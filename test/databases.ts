import pg from 'pg';
import { migrateToLatest, openDatabase, type DatabaseHandle } from '../src/adapters/db/database.ts';
import { newId } from '../src/platform/ids.ts';
import { POSTGRES_URL } from './environment.ts';

/** A database a suite runs against, fresh and migrated, with a way to drop it afterwards. */
export type TestDatabase = { handle: DatabaseHandle; drop(): Promise<void> };

export type DialectCase = { name: 'sqlite' | 'postgres'; open(): Promise<TestDatabase> };

/** In-memory SQLite: every suite gets its own database. */
const sqlite: DialectCase = {
  name: 'sqlite',
  async open() {
    const handle = openDatabase({ kind: 'sqlite', file: ':memory:' });
    await migrateToLatest(handle);
    return { handle, drop: () => handle.close() };
  },
};

/** PostgreSQL: every suite gets its own schema in the run's database, dropped afterwards. */
const postgres: DialectCase = {
  name: 'postgres',
  async open() {
    const url = POSTGRES_URL!;
    const schema = `gk_${newId()}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
    const handle = openDatabase({ kind: 'postgres', url, schema });
    await migrateToLatest(handle);
    return {
      handle,
      async drop() {
        await handle.close();
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        await client.query(`drop schema ${schema} cascade`);
        // pg-boss's schema, when the suite ran jobs.
        await client.query(`drop schema if exists ${schema}_jobs cascade`);
        await client.end();
      },
    };
  },
};

/** The dialects this machine can run: SQLite always, PostgreSQL when a server is configured. */
export const DIALECTS: DialectCase[] = POSTGRES_URL ? [sqlite, postgres] : [sqlite];
