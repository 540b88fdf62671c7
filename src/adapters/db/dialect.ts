import { sql, type Kysely, type Transaction } from 'kysely';
import type { DialectName } from './database.ts';
import type { Database } from './schema.ts';

/**
 * Every difference between SQLite and PostgreSQL the stores care about lives here, and nowhere else.
 */
export type DialectQuirks = {
  name: DialectName;
  /** Serialises writers of a chain (the audit log) across processes for the rest of the transaction. */
  lockChain(trx: Transaction<Database> | Kysely<Database>, key: number): Promise<void>;
  /** The operator for case-insensitive LIKE: SQLite's LIKE already ignores ASCII case, PostgreSQL's does not. */
  likeOperator: 'like' | 'ilike';
  /**
   * How a unit subtree narrows a large table: PostgreSQL plans well only when the subtree's units
   * are named by id (its statistics of the unit column then tell a unit holding most rows from an
   * average one); SQLite plans well from the join with the units' path, walking the units first.
   */
  subtreeFilter: 'unit_ids' | 'path_join';
};

export function dialectQuirks(name: DialectName): DialectQuirks {
  if (name === 'postgres') {
    return {
      name,
      async lockChain(trx, key) {
        // Advisory lock released at commit: several app instances append to one chain in turn.
        await sql`select pg_advisory_xact_lock(${key})`.execute(trx);
      },
      likeOperator: 'ilike',
      subtreeFilter: 'unit_ids',
    };
  }
  return {
    name,
    // SQLite allows one writer at a time, and Kysely runs one transaction at a time per connection.
    lockChain: () => Promise.resolve(),
    likeOperator: 'like',
    subtreeFilter: 'path_join',
  };
}

/** COUNT(*) comes back as a bigint string from PostgreSQL and as a number from SQLite. */
export function toCount(value: string | number | bigint | null | undefined): number {
  return value === null || value === undefined ? 0 : Number(value);
}

/** Escapes %, _ and \ in a user's text so LIKE matches it literally (with `escape '\'`). */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}

/**
 * True when a statement failed on a unique constraint: SQLSTATE 23505 from PostgreSQL,
 * SQLITE_CONSTRAINT_UNIQUE (or the primary key's) from better-sqlite3.
 */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
