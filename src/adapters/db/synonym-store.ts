import { sql, type Kysely } from 'kysely';
import type { SynonymStore } from '../../modules/search/index.ts';
import { newId } from '../../platform/ids.ts';
import type { Database } from './schema.ts';

/** The district's search synonym groups, one row each, terms as a JSON array. */
export function createSynonymStore(db: Kysely<Database>): SynonymStore {
  return {
    async list() {
      const rows = await sql<{ terms: string }>`select terms from search_synonyms order by position`.execute(db);
      return rows.rows.map((row) => JSON.parse(row.terms) as string[]);
    },
    async replaceAll(groups, at, by) {
      await sql`delete from search_synonyms`.execute(db);
      for (const [position, terms] of groups.entries()) {
        await sql`insert into search_synonyms (id, position, terms, updated_at, updated_by)
          values (${newId()}, ${position}, ${JSON.stringify(terms)}, ${at.toISOString()}, ${by})`.execute(db);
      }
    },
  };
}
