import type { Actor } from '../../access/index.ts';
import type { DocumentStore } from '../../documents/index.ts';
import type { Org, OrgStore } from '../../orgs/index.ts';
import type { RequestStore } from '../../requests/index.ts';
import type { AssembledReport } from '../domain/assembly.ts';
import type { AnnualReportDraft } from '../domain/report.ts';
import type { AnnualReportStore } from '../ports.ts';
import { assembleAnnualReport } from './assemble-report.ts';
import { reportUnit } from './report-unit.ts';

/**
 * A unit's report for a year, for the member of staff who writes it: the saved draft and the report
 * assembled from it and the current data.
 * @throws DomainError `not_found`, `forbidden`, `out_of_scope`.
 */
export async function getReport(options: {
  stores: { documents: DocumentStore; orgs: OrgStore; requests: RequestStore; reports: AnnualReportStore };
  actor: Actor;
  orgCode: string;
  year: number;
}): Promise<{ org: Org; draft: AnnualReportDraft | undefined; report: AssembledReport }> {
  const org = await reportUnit({ orgs: options.stores.orgs, actor: options.actor, orgCode: options.orgCode });
  const draft = await options.stores.reports.get(org.id, options.year);
  const report = await assembleAnnualReport({ ...options, org, draft });
  return { org, draft, report };
}
