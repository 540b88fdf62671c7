import type { Actor } from '../../access/index.ts';
import { regulatoryCounts, type DocumentStore } from '../../documents/index.ts';
import type { Org, OrgStore } from '../../orgs/index.ts';
import { annualTable3, type RequestStore } from '../../requests/index.ts';
import { assembleReport, type AssembledReport } from '../domain/assembly.ts';
import { EMPTY_FIGURES, EMPTY_SECTIONS, type AnnualReportDraft } from '../domain/report.ts';

/**
 * A unit's report for a year as it stands now: its saved figures and text (empty before the first
 * save), table 二's documents counted over the unit and the units under it, tables 三 and 四 from
 * the requests of the unit — or, for the district, of every organ in the district.
 */
export async function assembleAnnualReport(options: {
  stores: { documents: DocumentStore; orgs: OrgStore; requests: RequestStore };
  actor: Actor;
  org: Org;
  year: number;
  draft: AnnualReportDraft | undefined;
}): Promise<AssembledReport> {
  const isDistrictWide = options.org.parentId === null;
  const [documents, tables] = await Promise.all([
    regulatoryCounts({ documents: options.stores.documents, orgId: options.org.id, year: options.year }),
    annualTable3({
      stores: { requests: options.stores.requests, orgs: options.stores.orgs },
      actor: options.actor,
      year: options.year,
      orgCode: isDistrictWide ? undefined : options.org.code,
    }),
  ]);
  return assembleReport({
    unitName: options.org.name,
    year: options.year,
    isDistrictWide,
    sections: options.draft?.sections ?? EMPTY_SECTIONS,
    table2: { documents, figures: options.draft?.figures ?? EMPTY_FIGURES },
    table3: tables.table,
    table4: tables.table4,
    problems: tables.problems,
  });
}
