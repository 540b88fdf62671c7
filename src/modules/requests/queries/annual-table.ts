import { DomainError } from '../../../platform/errors.ts';
import { scopeFor, scopeIncludes, type Actor } from '../../access/index.ts';
import { acceptsRequests, sortAsTree, type Org, type OrgStore } from '../../orgs/index.ts';
import { checkTable3, computeTable3, type Table3, type Table3Problem } from '../domain/annual-report.ts';
import type { RequestStore } from '../ports.ts';
import { computeTable4, type Table4 } from '../domain/appeals.ts';

/**
 * Tables 三 and 四 of a year's annual report for one receiving unit, or for every unit the member of staff
 * may read (the district-wide report when they work at district level), with its checks.
 * @throws DomainError `not_found` for a unit outside their reach.
 */
export async function annualTable3(options: {
  stores: { requests: RequestStore; orgs: OrgStore };
  actor: Actor;
  year: number;
  orgCode?: string | undefined;
}): Promise<{ table: Table3; problems: Table3Problem[]; table4: Table4; units: Org[]; selected: Org | null }> {
  const scope = scopeFor(options.actor, 'document.read');
  const units = sortAsTree(await options.stores.orgs.listAll()).filter(
    (org) => acceptsRequests(org.type) && scopeIncludes(scope, org.path),
  );
  const selected = options.orgCode ? units.find((org) => org.code === options.orgCode) : undefined;
  if (options.orgCode && !selected) throw new DomainError('not_found');
  const counted = selected ? [selected] : units;
  const ids = counted.map((org) => org.id);
  const [facts, appeals] = await Promise.all([
    options.stores.requests.reportFacts(options.year, ids),
    options.stores.requests.appealsFiledIn(options.year, ids),
  ]);
  const table = computeTable3(facts, options.year);
  return {
    table,
    problems: checkTable3(table),
    table4: computeTable4(appeals, options.year),
    units,
    selected: selected ?? null,
  };
}
