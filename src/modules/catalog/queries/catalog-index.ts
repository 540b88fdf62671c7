import type { Clock } from '../../../platform/clock.ts';
import type { WorkingCalendar } from '../../../platform/working-days.ts';
import { can, canAnywhere, scopeFor, scopeIncludes, type Actor } from '../../access/index.ts';
import type { DocumentStore } from '../../documents/index.ts';
import { listOrgs, type Org, type OrgStore } from '../../orgs/index.ts';
import type { LocalField } from '../domain/entry.ts';
import type { CatalogVersion } from '../domain/version.ts';
import type { CatalogStore } from '../ports.ts';
import { timelinessReport } from './timeliness-report.ts';

/** A unit's catalog as the back office's list shows it. */
export type CatalogIndexRow = { org: Org; published: CatalogVersion | undefined; working: CatalogVersion | undefined };

/** The back office's list of catalogs: every unit the reader sees, the review queue, late documents. */
export type CatalogIndexView = {
  rows: CatalogIndexRow[];
  /** Submitted versions the reader may approve or return. */
  queue: { org: Org; version: CatalogVersion }[];
  /** Late documents per unit with a published catalog. */
  late: Map<string, number>;
  localFields: LocalField[];
  canAddFields: boolean;
};

const WORKING_STATES: readonly CatalogVersion['state'][] = ['draft', 'returned', 'submitted'];

/**
 * The catalogs of the units that keep one (the district, departments and towns) inside the reader's
 * subtrees, their versions read in one query. Late documents are counted per unit with a published
 * catalog, by that unit's timeliness report: a district has some thirty such units; a daily figure
 * kept by the monitoring module will replace this when there are more.
 */
export async function getCatalogIndex(options: {
  stores: { catalogs: CatalogStore; orgs: OrgStore; documents: DocumentStore };
  actor: Actor;
  clock: Clock;
  calendar: WorkingCalendar;
}): Promise<CatalogIndexView> {
  const { stores, actor } = options;
  const scope = scopeFor(actor, 'document.read');
  const orgs = (await listOrgs(stores)).filter(
    (org) =>
      scopeIncludes(scope, org.path) && (org.type === 'district' || org.type === 'department' || org.type === 'town'),
  );
  const versions = await stores.catalogs.versionsOfOrgs(orgs.map((org) => org.id));
  const rows = orgs.map((org) => {
    const own = versions.filter((v) => v.orgId === org.id);
    return {
      org,
      published: own.find((v) => v.state === 'published'),
      working: own.find((v) => WORKING_STATES.includes(v.state)),
    };
  });
  const queue = rows
    .filter((row) => row.working?.state === 'submitted' && can(actor, 'catalog.approve', row.org.path))
    .map((row) => ({ org: row.org, version: row.working! }));
  const late = new Map<string, number>();
  for (const row of rows.filter((r) => r.published)) {
    const report = await timelinessReport({
      stores,
      actor,
      clock: options.clock,
      calendar: options.calendar,
      orgId: row.org.id,
    });
    late.set(row.org.id, report.late.length);
  }
  return {
    rows,
    queue,
    late,
    localFields: await stores.catalogs.localFields(),
    canAddFields: canAnywhere(actor, 'catalog.approve'),
  };
}
