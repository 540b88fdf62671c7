import { sql, type RawBuilder } from 'kysely';
import type { SearchCriteria } from '../../modules/search/index.ts';
import { escapeLike } from '../db/dialect.ts';

/** The metadata filters of a search, as SQL conditions on search_entries aliased `e`. */
export function filterConditions(criteria: SearchCriteria): RawBuilder<unknown>[] {
  const conditions: RawBuilder<unknown>[] = [];
  if (criteria.orgPath) conditions.push(sql`e.org_path like ${`${escapeLike(criteria.orgPath)}%`} escape '\\'`);
  if (criteria.fieldCode) conditions.push(sql`e.field_code = ${criteria.fieldCode}`);
  if (criteria.genre) conditions.push(sql`e.genre = ${criteria.genre}`);
  if (criteria.kind) conditions.push(sql`e.kind = ${criteria.kind}`);
  if (criteria.validity) conditions.push(sql`e.validity = ${criteria.validity}`);
  if (criteria.topic) conditions.push(sql`e.topic = ${criteria.topic}`);
  if (criteria.from) conditions.push(sql`e.published_on >= ${criteria.from}`);
  if (criteria.to) conditions.push(sql`e.published_on <= ${criteria.to}`);
  return conditions;
}

/** Conditions joined with AND (true when there are none). */
export function allOf(conditions: RawBuilder<unknown>[]): RawBuilder<unknown> {
  return conditions.length === 0 ? sql`1 = 1` : sql.join(conditions, sql` and `);
}
