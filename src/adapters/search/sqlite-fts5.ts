import { sql, type Kysely } from 'kysely';
import type {
  SearchCriteria,
  SearchEntry,
  SearchEntryKind,
  SearchIndex,
  SearchResults,
} from '../../modules/search/index.ts';
import { toCount } from '../db/dialect.ts';
import type { Database } from '../db/schema.ts';
import { countFacets } from './facets.ts';
import { ENTRY_COLUMNS, entryOf, entryValues, tokenizedFields, type EntryRow } from './fields.ts';
import { allOf, filterConditions } from './filters.ts';

/** BM25 weights of the FTS5 columns: title, 文号, 索引号 above the body. */
const WEIGHTS = sql`bm25(search_fts, 10.0, 10.0, 5.0, 1.0)`;

/**
 * The search index on SQLite: FTS5 over the application's bigram tokens. The tokens contain only
 * letters and digits, so a phrase of them ("社会 会保 保障") needs no escaping and matches exactly
 * where the query occurs in a field.
 */
export function createSqliteSearchIndex(db: Kysely<Database>): SearchIndex {
  const remove = async (documentId: string) => {
    // One rowid at a time: FTS5 looks a rowid up directly for `rowid = ?`, not for `rowid in (select …)`.
    const found = await sql<{
      rowid: number;
    }>`select rowid from search_entries where document_id = ${documentId}`.execute(db);
    const rowid = found.rows[0]?.rowid;
    if (rowid === undefined) return;
    await sql`delete from search_fts where rowid = ${rowid}`.execute(db);
    await sql`delete from search_entries where rowid = ${rowid}`.execute(db);
  };

  return {
    remove,
    async put(entry: SearchEntry) {
      await remove(entry.documentId);
      const values = entryValues(entry);
      const inserted = await sql<{ rowid: number }>`insert into search_entries
        (${ENTRY_COLUMNS}) values (${sql.join(values)}) returning rowid`.execute(db);
      const fields = tokenizedFields(entry);
      await sql`insert into search_fts (rowid, title, doc_number, index_number, body)
        values (${inserted.rows[0]!.rowid}, ${fields.title}, ${fields.docNumber}, ${fields.indexNumber}, ${fields.body})`.execute(
        db,
      );
    },
    async clear(kind?: SearchEntryKind) {
      if (kind) {
        await sql`delete from search_fts where rowid in (select rowid from search_entries where kind = ${kind})`.execute(
          db,
        );
        await sql`delete from search_entries where kind = ${kind}`.execute(db);
        return;
      }
      await sql`delete from search_fts`.execute(db);
      await sql`delete from search_entries`.execute(db);
    },
    async count() {
      const result = await sql<{ n: number }>`select count(*) as n from search_entries`.execute(db);
      return toCount(result.rows[0]?.n);
    },
    async search(criteria: SearchCriteria): Promise<SearchResults> {
      const match = criteria.phrases.map((phrase) => `"${phrase.join(' ')}"`).join(' OR ');
      const filters = filterConditions(criteria);
      const where = allOf([sql`search_fts match ${match}`, ...filters]);
      const from =
        filters.length === 0 ? sql`search_fts` : sql`search_fts join search_entries e on e.rowid = search_fts.rowid`;
      const order = criteria.sort === 'date' ? sql`e.published_on desc, score` : sql`score, e.published_on desc`;
      // The page is chosen on the row ids, scores and dates alone; only its rows are read whole. By
      // relevance without filters FTS5 answers alone, without touching search_entries.
      const ftsOnly = filters.length === 0 && criteria.sort === 'relevance';
      const page = ftsOnly
        ? sql`select rowid as rid, ${WEIGHTS} as score, rowid as tie from search_fts
            where ${where} order by score, rowid limit ${criteria.limit} offset ${criteria.offset}`
        : sql`select search_fts.rowid as rid, ${WEIGHTS} as score, e.published_on, e.document_id as tie
            from search_fts join search_entries e on e.rowid = search_fts.rowid
            where ${where} order by ${order}, e.document_id limit ${criteria.limit} offset ${criteria.offset}`;
      const pageOrder = ftsOnly
        ? sql`page.score, page.tie`
        : criteria.sort === 'date'
          ? sql`page.published_on desc, page.score, page.tie`
          : sql`page.score, page.published_on desc, page.tie`;
      const rows = await sql<EntryRow>`select e.* from (${page}) page
        join search_entries e on e.rowid = page.rid order by ${pageOrder}`.execute(db);
      const total = await sql<{ n: number }>`select count(*) as n from ${from} where ${where}`.execute(db);
      return { items: rows.rows.map(entryOf), total: toCount(total.rows[0]?.n) };
    },
    async facets(criteria: SearchCriteria, maxMatches?: number) {
      const match = criteria.phrases.map((phrase) => `"${phrase.join(' ')}"`).join(' OR ');
      const where = allOf([sql`search_fts match ${match}`, ...filterConditions(criteria)]);
      return countFacets(db, sql`search_fts join search_entries e on e.rowid = search_fts.rowid`, where, maxMatches);
    },
  };
}
