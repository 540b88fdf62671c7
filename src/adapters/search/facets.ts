import { sql, type Kysely, type RawBuilder } from 'kysely';
import { FACET_MATCH_LIMIT, type SearchFacets } from '../../modules/search/index.ts';
import { toCount } from '../db/dialect.ts';
import type { Database } from '../db/schema.ts';

/**
 * Counts the matches of a search per unit and per pilot field. `from` names search_entries as `e`
 * (joined to whatever the match needs) and `where` selects the matches. The matches are counted
 * first with a bound, so a query that matches most of the index stops after FACET_MATCH_LIMIT + 1
 * rows instead of grouping them all (FACET_MATCH_LIMIT unless told otherwise).
 */
export async function countFacets(
  db: Kysely<Database>,
  from: RawBuilder<unknown>,
  where: RawBuilder<unknown>,
  maxMatches = FACET_MATCH_LIMIT,
): Promise<SearchFacets | null> {
  const bounded = await sql<{ n: number | string }>`select count(*) as n from
    (select 1 as one from ${from} where ${where} limit ${maxMatches + 1}) matches`.execute(db);
  if (toCount(bounded.rows[0]?.n) > maxMatches) return null;
  const units = await sql<{ org_id: string; org_name: string; n: number | string }>`select e.org_id, e.org_name,
    count(*) as n from ${from} where ${where} group by e.org_id, e.org_name order by n desc, e.org_name`.execute(db);
  const fields = await sql<{ field_code: string | null; n: number | string }>`select e.field_code, count(*) as n
    from ${from} where ${where} group by e.field_code order by n desc, e.field_code`.execute(db);
  return {
    units: units.rows.map((row) => ({ orgId: row.org_id, orgName: row.org_name, count: toCount(row.n) })),
    fields: fields.rows.map((row) => ({ fieldCode: row.field_code, count: toCount(row.n) })),
  };
}
