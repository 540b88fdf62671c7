import type SqliteDatabase from 'better-sqlite3';
import { sql, type QueryExecutorProvider } from 'kysely';

/**
 * FTS5 deletes the pages of a merged segment with `DELETE FROM <table>_data WHERE id>=? AND id<=?`.
 * When sqlite_stat1 says that table holds fewer than about ten rows — as ANALYZE (or PRAGMA optimize)
 * finds an empty index: its structure and averages records — the planner scans the whole table
 * for each such delete instead of seeking the range. Once the index has grown, every merge step then
 * reads the whole index several times: at a million documents a step of a rebuild's merge took
 * 28–42 s instead of about 60 ms.
 *
 * So a count under MIN_ROWS for an FTS5 data table is raised to MIN_ROWS: from about ten rows up the
 * planner seeks, however much the table grows afterwards, and seeking costs nothing more in a table
 * that is really that small. (Removing the row would not do: a connection keeps the count it read
 * until it opens again.) PRAGMA optimize counts the table again when its size is ten times away.
 */
const MIN_ROWS = 1000;

const FTS_DATA_TABLES = `select name || '_data' from sqlite_schema
  where type = 'table' and sql like 'CREATE VIRTUAL TABLE % USING fts5%'`;

const RAISE = `update sqlite_stat1 set stat = '${MIN_ROWS}'
  where idx is null and cast(stat as integer) < ${MIN_ROWS} and tbl in (${FTS_DATA_TABLES})`;

const HAS_STATS = `select 1 as present from sqlite_schema where type = 'table' and name = 'sqlite_stat1'`;

/**
 * Raises misleading counts of FTS5 data tables (see MIN_ROWS) on an open connection, and makes the
 * connection's planner read the statistics again when it did. Returns how many were raised.
 */
export function raiseTinyFtsStats(sqlite: SqliteDatabase.Database): number {
  if (sqlite.prepare(HAS_STATS).get() === undefined) return 0;
  const raised = sqlite.prepare(RAISE).run().changes;
  // ANALYZE sqlite_schema reloads the statistics; statements prepared before (FTS5's own) are re-prepared.
  if (raised > 0) sqlite.exec('analyze sqlite_schema');
  return raised;
}

/** The same inside a Kysely transaction (a bulk load's start and end). */
export async function raiseTinyFtsStatsIn(db: QueryExecutorProvider): Promise<number> {
  if ((await sql.raw(HAS_STATS).execute(db)).rows.length === 0) return 0;
  const raised = Number((await sql.raw(RAISE).execute(db)).numAffectedRows ?? 0);
  if (raised > 0) await sql`analyze sqlite_schema`.execute(db);
  return raised;
}
