import { sql, type Kysely, type QueryExecutorProvider, type RawBuilder } from 'kysely';
import type {
  SearchCriteria,
  SearchEntry,
  SearchEntryKind,
  SearchIndex,
  SearchResults,
} from '../../modules/search/index.ts';
import { toCount } from '../db/dialect.ts';
import { raiseTinyFtsStatsIn } from '../db/fts-planner-stats.ts';
import type { Database } from '../db/schema.ts';
import { boundedSearch, SEARCH_LIMITS, type MatchSource, type NewestQuery, type SearchLimits } from './bounded.ts';
import { countFacets } from './facets.ts';
import {
  CURRENT_ORG_NAME,
  ENTRY_COLUMNS,
  entryOf,
  entryValues,
  putInChunks,
  tokenizedFields,
  type EntryRow,
} from './fields.ts';
import { allOf, filterConditions } from './filters.ts';
import { candidateOf, statsColumns, type Candidate, type CandidateRow } from './ranking.ts';

/**
 * Rows per multi-row insert: 17 values each, below SQLite's 32,766 parameters. Large on purpose: FTS5
 * writes its pending tokens out as a new segment whenever another statement of the transaction
 * begins, so each statement's rows become one segment, and fewer, larger segments mean less merging.
 */
const CHUNK = 1000;

/** Both FTS5 tables. */
const FTS_TABLES = ['search_fts', 'search_titles'] as const;

/**
 * How FTS5 keeps its segments merged (set by migration 0013): every write merges a level once it
 * holds `automerge` segments, and at `crisismerge` segments the write waits until a level is merged.
 * A bulk load turns automerge off and lets a level grow to BULK_CRISISMERGE before it is merged, then
 * merges everything into one segment ('optimize'): each token is written twice instead of once per
 * level (three or four times at a million documents), and a search then reads one posting list per
 * token instead of one per segment.
 */
const AUTOMERGE = 8;
const CRISISMERGE = 16;
const BULK_CRISISMERGE = 64;

/**
 * Pages (4 KB) one compaction step writes at most: about 4 MB, a few tens of milliseconds, so a
 * publication waiting for the database waits no longer than that.
 */
const COMPACT_PAGES = 1000;

/**
 * The search index on SQLite: FTS5 over the application's bigram tokens. The tokens contain only
 * letters and digits, so a phrase of them ("社会 会保 保障") needs no escaping and matches exactly
 * where the query occurs in a field. FTS5 splits them with its `ascii` tokenizer (migration 0017),
 * which needs no Unicode tables for tokens that are already split and lower-cased.
 *
 * Both FTS5 tables are contentless (`content=''`, `contentless_delete=1`): the tokens are kept once,
 * in the inverted index, and the text shown comes from search_entries, whose rowid keys them.
 * `search_fts` holds every field; `search_titles` only title, 文号 and 索引号, so the title tier of a
 * common word is read without walking its body matches (see bounded.ts for how a search stays bounded).
 */
export function createSqliteSearchIndex(db: Kysely<Database>, limits: SearchLimits = SEARCH_LIMITS): SearchIndex {
  const source = sqliteMatchSource(db);

  const removeRows = async (rowids: readonly number[]) => {
    // One rowid at a time: FTS5 looks a rowid up directly for `rowid = ?`, not for `rowid in (…)`.
    for (const rowid of rowids) {
      await sql`delete from search_fts where rowid = ${rowid}`.execute(db);
      await sql`delete from search_titles where rowid = ${rowid}`.execute(db);
    }
    if (rowids.length === 0) return;
    await sql`delete from search_entries where rowid in (${sql.join(rowids)})`.execute(db);
  };

  const putChunk = async (entries: readonly SearchEntry[]) => {
    const found = await sql<{ rowid: number }>`select rowid from search_entries
      where document_id in (${sql.join(entries.map((e) => e.documentId))})`.execute(db);
    await removeRows(found.rows.map((r) => r.rowid));
    const inserted = await sql<{ rowid: number; document_id: string }>`insert into search_entries
      (${ENTRY_COLUMNS}) values ${sql.join(entries.map((e) => sql`(${sql.join(entryValues(e))})`))} returning rowid, document_id`.execute(
      db,
    );
    const rowids = new Map(inserted.rows.map((r) => [r.document_id, r.rowid]));
    const fields = entries.map((e) => ({ rowid: rowids.get(e.documentId)!, ...tokenizedFields(e) }));
    await sql`update search_index_size set entries = entries + ${entries.length - found.rows.length}`.execute(db);
    await insertTokens(db, fields);
  };

  const putMany = (entries: readonly SearchEntry[]) => putInChunks(entries, CHUNK, putChunk);

  return {
    putMany,
    put: (entry) => putMany([entry]),
    async remove(documentId: string) {
      const found = await sql<{
        rowid: number;
      }>`select rowid from search_entries where document_id = ${documentId}`.execute(db);
      await removeRows(found.rows.map((r) => r.rowid));
      await sql`update search_index_size set entries = entries - ${found.rows.length}`.execute(db);
    },
    async clear(kind?: SearchEntryKind) {
      if (kind) {
        const found = await sql<{ rowid: number }>`select rowid from search_entries where kind = ${kind}`.execute(db);
        for (let at = 0; at < found.rows.length; at += CHUNK) {
          await removeRows(found.rows.slice(at, at + CHUNK).map((r) => r.rowid));
        }
        await sql`update search_index_size set entries = entries - ${found.rows.length}`.execute(db);
        return;
      }
      await sql`insert into search_fts (search_fts) values ('delete-all')`.execute(db);
      await sql`insert into search_titles (search_titles) values ('delete-all')`.execute(db);
      await sql`delete from search_entries`.execute(db);
      await sql`update search_index_size set entries = 0`.execute(db);
    },
    startBulkLoad: () => startBulkLoad(db),
    finishBulkLoad: () => finishBulkLoad(db),
    async compactStep() {
      let merged = false;
      for (const table of FTS_TABLES) {
        // FTS5's incremental merge: a negative amount puts every segment on one level first, so
        // repeated steps end in one segment, as 'optimize' does, but in bounded pieces. It wrote
        // something when the connection's change count grew by two or more (FTS5 documentation).
        const before = await totalChanges(db);
        await sql`insert into ${sql.raw(table)} (${sql.raw(table)}, rank) values ('merge', ${sql.lit(-COMPACT_PAGES)})`.execute(
          db,
        );
        if ((await totalChanges(db)) - before >= 2) merged = true;
      }
      return merged;
    },
    async indexedDocumentIds(after: string, upTo: string | null) {
      // `+kind`: walk the document_id index over the range; the index on kind would read every entry.
      const result = await sql<{ document_id: string }>`select document_id from search_entries
        where +kind = 'document' and document_id > ${after}${upTo === null ? sql`` : sql` and document_id <= ${upTo}`}
        order by document_id`.execute(db);
      return result.rows.map((r) => r.document_id);
    },
    async count() {
      const result = await sql<{ n: number }>`select count(*) as n from search_entries`.execute(db);
      return toCount(result.rows[0]?.n);
    },
    async matchCount(criteria: SearchCriteria) {
      const filters = filterConditions(criteria);
      const from =
        filters.length === 0 ? sql`search_fts` : sql`search_fts join search_entries e on e.rowid = search_fts.rowid`;
      const result = await sql<{ n: number }>`select count(*) as n from ${from}
        where ${allOf([sql`search_fts match ${matchOf(criteria)}`, ...filters])}`.execute(db);
      return toCount(result.rows[0]?.n);
    },
    async search(criteria: SearchCriteria): Promise<SearchResults> {
      const page = await boundedSearch(source, criteria, limits);
      return { items: await entriesIn(db, page.ids), total: page.total, totalExact: page.totalExact };
    },
    async facets(criteria: SearchCriteria, maxMatches?: number) {
      const where = allOf([sql`search_fts match ${matchOf(criteria)}`, ...filterConditions(criteria)]);
      return countFacets(db, sql`search_fts join search_entries e on e.rowid = search_fts.rowid`, where, maxMatches);
    },
  };
}

/** Sets FTS5 options of both tables; stored in their %_config, inside the caller's transaction. */
export async function configureFts(db: QueryExecutorProvider, options: Record<string, number>): Promise<void> {
  for (const table of FTS_TABLES) {
    for (const [option, value] of Object.entries(options)) {
      // FTS5 takes the value as a literal only; both are this file's constants.
      await sql`insert into ${sql.raw(table)} (${sql.raw(table)}, rank) values (${option}, ${sql.lit(value)})`.execute(
        db,
      );
    }
  }
}

/**
 * A bulk load begins: merges wait (see AUTOMERGE). Statistics that call the index empty are
 * raised, here and at the end, so that the merges during and after the load seek the pages
 * they delete (fts-planner-stats.ts).
 */
export async function startBulkLoad(db: QueryExecutorProvider): Promise<void> {
  await configureFts(db, { automerge: 0, crisismerge: BULK_CRISISMERGE });
  await raiseTinyFtsStatsIn(db);
}

/** A bulk load ends: writes merge again. */
export async function finishBulkLoad(db: QueryExecutorProvider): Promise<void> {
  await configureFts(db, { automerge: AUTOMERGE, crisismerge: CRISISMERGE });
  await raiseTinyFtsStatsIn(db);
}

/** Each table merged into one segment at once, in the caller's transaction (a migration's). */
export async function optimize(db: QueryExecutorProvider): Promise<void> {
  for (const table of FTS_TABLES) {
    await sql`insert into ${sql.raw(table)} (${sql.raw(table)}) values ('optimize')`.execute(db);
  }
}

/** The connection's count of rows changed since it opened (SQLite's total_changes()). */
async function totalChanges(db: QueryExecutorProvider): Promise<number> {
  const result = await sql<{ n: number }>`select total_changes() as n`.execute(db);
  return Number(result.rows[0]?.n ?? 0);
}

/** Entries' tokens, keyed by their search_entries rowid, into both FTS5 tables: one statement each. */
export async function insertTokens(
  db: QueryExecutorProvider,
  fields: readonly ({ rowid: number } & ReturnType<typeof tokenizedFields>)[],
): Promise<void> {
  await sql`insert into search_fts (rowid, title, doc_number, index_number, body) values ${sql.join(
    fields.map((f) => sql`(${f.rowid}, ${f.title}, ${f.docNumber}, ${f.indexNumber}, ${f.body})`),
  )}`.execute(db);
  await sql`insert into search_titles (rowid, title, doc_number, index_number) values ${sql.join(
    fields.map((f) => sql`(${f.rowid}, ${f.title}, ${f.docNumber}, ${f.indexNumber})`),
  )}`.execute(db);
}

/** The FTS5 query: the alternatives as phrases, any of them. */
function matchOf(criteria: SearchCriteria): string {
  return criteria.phrases.map((phrase) => `"${phrase.join(' ')}"`).join(' OR ');
}

/** The entries with these rowids, in that order. */
async function entriesIn(db: Kysely<Database>, ids: readonly number[]) {
  if (ids.length === 0) return [];
  const rows = await sql<EntryRow & { rid: number }>`select e.rowid as rid, e.*, ${CURRENT_ORG_NAME}
    from search_entries e where e.rowid in (${sql.join(ids)})`.execute(db);
  const byId = new Map(rows.rows.map((r) => [r.rid, r]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [entryOf(row)] : [];
  });
}

function sqliteMatchSource(db: Kysely<Database>): MatchSource {
  /** The FTS table, joined to search_entries when filters need its columns. */
  const matching = (criteria: SearchCriteria, table: 'search_fts' | 'search_titles', extra: RawBuilder<unknown>[]) => {
    const filters = filterConditions(criteria);
    const t = sql.raw(table);
    const from = filters.length === 0 ? t : sql`${t} join search_entries e on e.rowid = ${t}.rowid`;
    return { t, from, where: allOf([sql`${t} match ${matchOf(criteria)}`, ...filters, ...extra]) };
  };
  return {
    async newest(query: NewestQuery) {
      const table = query.titles ? 'search_titles' : 'search_fts';
      const t = sql.raw(table);
      const extra: RawBuilder<unknown>[] = [];
      if (query.before !== undefined) extra.push(sql`${t}.rowid < ${query.before}`);
      if (query.except && query.except.length > 0) extra.push(sql`${t}.rowid not in (${sql.join(query.except)})`);
      const { from, where } = matching(query.criteria, table, extra);
      const result = await sql<{ id: number }>`select ${t}.rowid as id from ${from} where ${where}
        order by ${t}.rowid desc limit ${query.limit} offset ${query.offset ?? 0}`.execute(db);
      return result.rows.map((r) => r.id);
    },
    async candidates(ids: readonly number[], phrases: SearchCriteria['phrases']): Promise<Candidate[]> {
      if (ids.length === 0) return [];
      const result = await sql<CandidateRow>`select e.rowid as id, e.published_on, ${statsColumns(phrases)}
        from search_entries e where e.rowid in (${sql.join(ids)})`.execute(db);
      return result.rows.map(candidateOf);
    },
    async byDate(criteria: SearchCriteria, way: 'sort' | 'probe') {
      const page = sql`limit ${criteria.limit} offset ${criteria.offset}`;
      if (way === 'sort') {
        const where = allOf([sql`search_fts match ${matchOf(criteria)}`, ...filterConditions(criteria)]);
        const result = await sql<{ id: number }>`select search_fts.rowid as id
          from search_fts join search_entries e on e.rowid = search_fts.rowid
          where ${where} order by e.published_on desc, search_fts.rowid desc ${page}`.execute(db);
        return result.rows.map((r) => r.id);
      }
      const probe = sql`exists (select 1 from search_fts where search_fts match ${matchOf(criteria)} and search_fts.rowid = e.rowid)`;
      const result = await sql<{
        id: number;
      }>`select e.rowid as id from search_entries e indexed by search_entries_published
        where ${allOf([...filterConditions(criteria), probe])} order by e.published_on desc, e.rowid desc ${page}`.execute(
        db,
      );
      return result.rows.map((r) => r.id);
    },
    async extent() {
      const result = await sql<{ entries: number; maxId: number | null }>`select
        (select entries from search_index_size) as entries, (select max(rowid) from search_entries) as maxId`.execute(
        db,
      );
      return { entries: toCount(result.rows[0]?.entries), maxId: result.rows[0]?.maxId ?? 0 };
    },
  };
}
