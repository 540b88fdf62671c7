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

/**
 * The search index on PostgreSQL: the application's bigram tokens in a weighted `tsvector` (title and
 * 文号 'A', 索引号 'B', body 'D') under a GIN index, `simple` configuration. A tsvector keeps word
 * positions only up to 16,383, so a phrase (`<->`) deep in a long regulation would be missed; the
 * GIN index finds the documents holding every token, and the phrase is then checked on the token
 * text itself (space-delimited, fields kept apart by '|'), which is exact at any length.
 */
export function createPostgresSearchIndex(db: Kysely<Database>): SearchIndex {
  const remove = async (documentId: string) => {
    await sql`delete from search_entries where document_id = ${documentId}`.execute(db);
  };
  return {
    remove,
    async put(entry: SearchEntry) {
      await remove(entry.documentId);
      const f = tokenizedFields(entry);
      const tokens = ` ${f.title} | ${f.docNumber} | ${f.indexNumber} | ${f.body} `;
      await sql`insert into search_entries
        (${ENTRY_COLUMNS}, tokens, tsv)
        values (${sql.join(entryValues(entry))}, ${tokens},
          setweight(to_tsvector('simple', ${f.title}), 'A') || setweight(to_tsvector('simple', ${f.docNumber}), 'A') ||
          setweight(to_tsvector('simple', ${f.indexNumber}), 'B') || setweight(to_tsvector('simple', ${f.body}), 'D'))`.execute(
        db,
      );
    },
    async clear(kind?: SearchEntryKind) {
      if (kind) await sql`delete from search_entries where kind = ${kind}`.execute(db);
      else await sql`delete from search_entries`.execute(db);
    },
    async count() {
      const result = await sql<{ n: string }>`select count(*) as n from search_entries`.execute(db);
      return toCount(result.rows[0]?.n);
    },
    async search(criteria: SearchCriteria): Promise<SearchResults> {
      const any = criteria.phrases.map((phrase) => `(${phrase.join(' & ')})`).join(' | ');
      const query = sql`to_tsquery('simple', ${any})`;
      const contains = sql.join(
        criteria.phrases.map((phrase) => sql`strpos(e.tokens, ${` ${phrase.join(' ')} `}) > 0`),
        sql` or `,
      );
      const where = allOf([sql`e.tsv @@ ${query}`, sql`(${contains})`, ...filterConditions(criteria)]);
      const score = sql`ts_rank('{0.1, 0.2, 0.5, 1.0}', e.tsv, ${query})`;
      const order =
        criteria.sort === 'date' ? sql`e.published_on desc, score desc` : sql`score desc, e.published_on desc`;
      const rows = await sql<
        EntryRow & { score: number }
      >`select e.document_id, e.edition_id, e.org_id, e.org_path, e.org_name,
        e.title, e.doc_number, e.index_number, e.body_text, e.field_code, e.genre, e.topic, e.validity, e.published_on,
        e.kind, e.href, e.attachments, ${score} as score from search_entries e
        where ${where} order by ${order}, e.document_id limit ${criteria.limit} offset ${criteria.offset}`.execute(db);
      const total = await sql<{ n: string }>`select count(*) as n from search_entries e where ${where}`.execute(db);
      return { items: rows.rows.map(entryOf), total: toCount(total.rows[0]?.n) };
    },
    async facets(criteria: SearchCriteria, maxMatches?: number) {
      const any = criteria.phrases.map((phrase) => `(${phrase.join(' & ')})`).join(' | ');
      const contains = sql.join(
        criteria.phrases.map((phrase) => sql`strpos(e.tokens, ${` ${phrase.join(' ')} `}) > 0`),
        sql` or `,
      );
      const where = allOf([
        sql`e.tsv @@ to_tsquery('simple', ${any})`,
        sql`(${contains})`,
        ...filterConditions(criteria),
      ]);
      return countFacets(db, sql`search_entries e`, where, maxMatches);
    },
  };
}
