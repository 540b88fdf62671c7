import { can, type Actor } from '../../access/index.ts';
import { acceptsRequests, sortAsTree, type Org, type OrgStore } from '../../orgs/index.ts';
import { reportPermission, type AnnualReportDraft } from '../domain/report.ts';
import type { AnnualReportStore } from '../ports.ts';

/** One line of the list: a unit whose report the member of staff may write, and its report if saved. */
export type ReportListItem = { org: Org; draft: AnnualReportDraft | undefined };

/** The units whose report for `year` the member of staff may write, as a tree, with what is saved. */
export async function listReports(options: {
  stores: { orgs: OrgStore; reports: AnnualReportStore };
  actor: Actor;
  year: number;
}): Promise<ReportListItem[]> {
  const units = sortAsTree(await options.stores.orgs.listAll()).filter(
    (org) => acceptsRequests(org.type) && can(options.actor, reportPermission(org), org.path),
  );
  const drafts = await options.stores.reports.listForYear(
    options.year,
    units.map((org) => org.id),
  );
  return units.map((org) => ({ org, draft: drafts.find((d) => d.orgId === org.id) }));
}
