import { sql, type Kysely, type RawBuilder } from 'kysely';
import type {
  SearchCriteria,
  SearchEntry,
  SearchEntryKind,
  SearchIndex,
  SearchResults,
} from '../../modules/search/index.ts';
import { toCount } from '../db/dialect.ts';
import type { Database } from '../db/schema.ts';
import { boundedSearch, type MatchSource, type NewestQuery, type SearchLimits } from './bounded.ts';
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
 * Smaller pools than SQLite's: walking `seq` backwards reads each row's tsvector (and for a longer
 * phrase its token text) out of TOAST, where FTS5 reads a posting list.
 */
export const POSTGRES_SEARCH_LIMITS: SearchLimits = { counted: 1000, titled: 100, ranked: 200 };

/** Rows per multi-row insert: 20 values each, far below PostgreSQL's 65,535 parameters. */
const CHUNK = 200;

const COLUMNS = sql`e.document_id, e.edition_id, e.org_id, e.org_path, e.org_name, e.title, e.doc_number,
  e.index_number, e.body_text, e.field_code, e.genre, e.topic, e.validity, e.published_on, e.kind, e.href, e.attachments`;

/**
 * The search index on PostgreSQL: the application's bigram tokens in a weighted `tsvector` (title and
 * 文号 'A', 索引号 'B', body 'D') under a GIN index, `simple` configuration. A tsvector keeps word
 * positions only up to 16,383, so a phrase (`<->`) deep in a long regulation would be missed; the
 * GIN index finds the documents holding every token, and the phrase is then checked on the token
 * text itself (space-delimited, fields kept apart by '|'), which is exact at any length.
 *
 * `title_tsv` (its own GIN index) holds title, 文号 and 索引号 alone, for the title tier; `seq` orders
 * entries newest first. The search itself is the bounded one of bounded.ts, as on SQLite.
 */
export function createPostgresSearchIndex(
  db: Kysely<Database>,
  limits: SearchLimits = POSTGRES_SEARCH_LIMITS,
): SearchIndex {
  const source = postgresMatchSource(db);

  const putChunk = async (entries: readonly SearchEntry[]) => {
    const removed = await sql`delete from search_entries
      where document_id in (${sql.join(entries.map((e) => e.documentId))})`.execute(db);
    const rows = entries.map((entry) => {
      const f = tokenizedFields(entry);
      const tokens = ` ${f.title} | ${f.docNumber} | ${f.indexNumber} | ${f.body} `;
      return sql`(${sql.join(entryValues(entry))}, ${tokens},
        setweight(to_tsvector('simple', ${f.title}), 'A') || setweight(to_tsvector('simple', ${f.docNumber}), 'A') ||
        setweight(to_tsvector('simple', ${f.indexNumber}), 'B') || setweight(to_tsvector('simple', ${f.body}), 'D'),
        to_tsvector('simple', ${`${f.title} ${f.docNumber} ${f.indexNumber}`}))`;
    });
    await sql`insert into search_entries
      (${ENTRY_COLUMNS}, tokens, tsv, title_tsv)
      values ${sql.join(rows)}`.execute(db);
    const gone = Number(removed.numAffectedRows ?? 0);
    await sql`update search_index_size set entries = entries + ${entries.length - gone}`.execute(db);
  };

  const putMany = (entries: readonly SearchEntry[]) => putInChunks(entries, CHUNK, putChunk);

  return {
    putMany,
    put: (entry) => putMany([entry]),
    async remove(documentId: string) {
      const removed = await sql`delete from search_entries where document_id = ${documentId}`.execute(db);
      await sql`update search_index_size set entries = entries - ${Number(removed.numAffectedRows ?? 0)}`.execute(db);
    },
    async clear(kind?: SearchEntryKind) {
      if (kind) {
        const removed = await sql`delete from search_entries where kind = ${kind}`.execute(db);
        await sql`update search_index_size set entries = entries - ${Number(removed.numAffectedRows ?? 0)}`.execute(db);
        return;
      }
      await sql`delete from search_entries`.execute(db);
      await sql`update search_index_size set entries = 0`.execute(db);
    },
    // GIN keeps itself in shape as it is written; after a bulk load only the planner's statistics
    // are behind (autovacuum would gather them some time later).
    startBulkLoad: () => Promise.resolve(),
    async finishBulkLoad() {
      await sql`analyze search_entries`.execute(db);
    },
    compactStep: () => Promise.resolve(false),
    async indexedDocumentIds(after: string, upTo: string | null) {
      const result = await sql<{ document_id: string }>`select document_id from search_entries
        where kind = 'document' and document_id > ${after}${upTo === null ? sql`` : sql` and document_id <= ${upTo}`}
        order by document_id`.execute(db);
      return result.rows.map((r) => r.document_id);
    },
    async count() {
      const result = await sql<{ n: string }>`select count(*) as n from search_entries`.execute(db);
      return toCount(result.rows[0]?.n);
    },
    async matchCount(criteria: SearchCriteria) {
      const result = await sql<{ n: string }>`select count(*) as n from search_entries e
        where ${allOf([matches(criteria, false), ...filterConditions(criteria)])}`.execute(db);
      return toCount(result.rows[0]?.n);
    },
    async search(criteria: SearchCriteria): Promise<SearchResults> {
      const page = await boundedSearch(source, criteria, limits);
      return { items: await entriesIn(db, page.ids), total: page.total, totalExact: page.totalExact };
    },
    async facets(criteria: SearchCriteria, maxMatches?: number) {
      const where = allOf([matches(criteria, false), ...filterConditions(criteria)]);
      return countFacets(db, sql`search_entries e`, where, maxMatches);
    },
  };
}

/** The tokens of title, 文号 and 索引号: the first three '|'-separated parts of `tokens`. */
const TITLE_TOKENS = sql`(split_part(e.tokens, '|', 1) || '|' || split_part(e.tokens, '|', 2) || '|' || split_part(e.tokens, '|', 3))`;

/**
 * The entry holds one of the phrases: GIN finds the tokens, strpos checks the phrase. A phrase of one
 * token is the token itself, which the tsvector answers exactly, so a two-character query reads no
 * token text.
 */
function matches(criteria: SearchCriteria, titles: boolean): RawBuilder<unknown> {
  const any = criteria.phrases.map((phrase) => `(${phrase.join(' & ')})`).join(' | ');
  const vector = titles ? sql`e.title_tsv` : sql`e.tsv`;
  if (criteria.phrases.every((phrase) => phrase.length === 1)) return sql`${vector} @@ to_tsquery('simple', ${any})`;
  const tokens = titles ? TITLE_TOKENS : sql`e.tokens`;
  const contains = sql.join(
    criteria.phrases.map((phrase) => sql`strpos(${tokens}, ${` ${phrase.join(' ')} `}) > 0`),
    sql` or `,
  );
  return sql`${vector} @@ to_tsquery('simple', ${any}) and (${contains})`;
}

/** The entries with these ids, in that order. */
async function entriesIn(db: Kysely<Database>, ids: readonly number[]) {
  if (ids.length === 0) return [];
  const rows = await sql<
    EntryRow & { rid: string }
  >`select e.seq as rid, ${COLUMNS}, ${CURRENT_ORG_NAME} from search_entries e
    where e.seq = any(${ids.map(String)}::bigint[])`.execute(db);
  const byId = new Map(rows.rows.map((r) => [Number(r.rid), r]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [entryOf(row)] : [];
  });
}

function postgresMatchSource(db: Kysely<Database>): MatchSource {
  return {
    async newest(query: NewestQuery) {
      const conditions = [matches(query.criteria, query.titles ?? false), ...filterConditions(query.criteria)];
      if (query.before !== undefined) conditions.push(sql`e.seq < ${query.before}`);
      if (query.except && query.except.length > 0) {
        conditions.push(sql`e.seq <> all(${query.except.map(String)}::bigint[])`);
      }
      const result = await sql<{ id: string }>`select e.seq as id from search_entries e where ${allOf(conditions)}
        order by e.seq desc limit ${query.limit} offset ${query.offset ?? 0}`.execute(db);
      return result.rows.map((r) => Number(r.id));
    },
    async candidates(ids: readonly number[], phrases: SearchCriteria['phrases']): Promise<Candidate[]> {
      if (ids.length === 0) return [];
      const result = await sql<CandidateRow>`select e.seq as id, e.published_on, ${statsColumns(phrases)}
        from search_entries e where e.seq = any(${ids.map(String)}::bigint[])`.execute(db);
      return result.rows.map(candidateOf);
    },
    // The planner chooses between sorting the GIN matches and walking (published_on, seq) backwards.
    async byDate(criteria: SearchCriteria) {
      const result = await sql<{ id: string }>`select e.seq as id from search_entries e
        where ${allOf([matches(criteria, false), ...filterConditions(criteria)])}
        order by e.published_on desc, e.seq desc limit ${criteria.limit} offset ${criteria.offset}`.execute(db);
      return result.rows.map((r) => Number(r.id));
    },
    async extent() {
      const result = await sql<{ entries: number; maxId: string | null }>`select
        (select entries from search_index_size) as entries, (select max(seq) from search_entries) as "maxId"`.execute(
        db,
      );
      return { entries: toCount(result.rows[0]?.entries), maxId: Number(result.rows[0]?.maxId ?? 0) };
    },
  };
}
