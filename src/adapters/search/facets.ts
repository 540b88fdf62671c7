import { sql, type Kysely, type RawBuilder } from 'kysely';
import { FACET_MATCH_LIMIT, type SearchFacets } from '../../modules/search/index.ts';
import { toCount } from '../db/dialect.ts';
import type { Database } from '../db/schema.ts';

/**
 * Counts the matches of a search per unit and per pilot field. `from` names search_entries as `e`
 * (joined to whatever the match needs) and `where` selects the matches. One pass over at most
 * `maxMatches + 1` matches (FACET_MATCH_LIMIT unless told otherwise) groups them by unit and field
 * together; the two lists are folded from those few groups. More matches than that: null, and a
 * query that matches most of the index stops reading there.
 */
export async function countFacets(
  db: Kysely<Database>,
  from: RawBuilder<unknown>,
  where: RawBuilder<unknown>,
  maxMatches = FACET_MATCH_LIMIT,
): Promise<SearchFacets | null> {
  // The unit's name as it is now (a renamed unit), else as indexed.
  const groups = await sql<{ org_id: string; org_name: string; field_code: string | null; n: number | string }>`
    select g.org_id, coalesce((select o.name from orgs o where o.id = g.org_id), g.org_name) as org_name, g.field_code, g.n
    from (select m.org_id, min(m.org_name) as org_name, m.field_code, count(*) as n
      from (select e.org_id, e.org_name, e.field_code from ${from} where ${where} limit ${maxMatches + 1}) m
      group by m.org_id, m.field_code) g`.execute(db);
  const units = new Map<string, { orgId: string; orgName: string; count: number }>();
  const fields = new Map<string | null, { fieldCode: string | null; count: number }>();
  let matches = 0;
  for (const row of groups.rows) {
    const n = toCount(row.n);
    matches += n;
    const unit = units.get(row.org_id) ?? { orgId: row.org_id, orgName: row.org_name, count: 0 };
    unit.count += n;
    units.set(row.org_id, unit);
    const field = fields.get(row.field_code) ?? { fieldCode: row.field_code, count: 0 };
    field.count += n;
    fields.set(row.field_code, field);
  }
  if (matches > maxMatches) return null;
  return {
    units: [...units.values()].sort((a, b) => b.count - a.count || a.orgName.localeCompare(b.orgName, 'zh')),
    fields: [...fields.values()].sort(
      (a, b) => b.count - a.count || (a.fieldCode ?? '~').localeCompare(b.fieldCode ?? '~'),
    ),
  };
}
