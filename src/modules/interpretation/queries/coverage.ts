import type { WorkingCalendar } from '../../../platform/working-days.ts';
import { scopeFor, scopeIncludes, type Actor } from '../../access/index.ts';
import { listOrgs, type OrgStore } from '../../orgs/index.ts';
import { interpretationCoverage, type CoverageFigure, type NormativeDocument } from '../domain/coverage.ts';
import { interpretationTimeliness } from '../domain/timeliness.ts';
import type { InterpretationStore } from '../ports.ts';

/** The coverage indicator as the dashboard shows it, over the units a member of staff may read. */
export type CoverageView = {
  total: CoverageFigure;
  units: { orgId: string; orgName: string; figure: CoverageFigure }[];
  /** Normative documents without a graphic interpretation, the longest waiting first. */
  missing: (NormativeDocument & { orgName: string })[];
  /** Documents whose first graphic interpretation came more than 3 working days after them. */
  late: { documentId: string; title: string; publishedOn: string; interpretedOn: string; workingDaysLate: number }[];
};

/**
 * Plan §三.5's indicator for the reader's units: each unit's share of its normative documents in
 * force that have a published graphic interpretation (target 100%), the documents still missing one,
 * and those interpreted late against the 3-working-day rule (their first interpretation counts).
 * Null when the reader sees no unit.
 */
export async function coverageForActor(options: {
  stores: { interpretations: InterpretationStore; orgs: OrgStore };
  actor: Actor;
  calendar: WorkingCalendar;
}): Promise<CoverageView | null> {
  const scope = scopeFor(options.actor, 'document.read');
  const orgs = (await listOrgs({ orgs: options.stores.orgs })).filter((org) => scopeIncludes(scope, org.path));
  if (orgs.length === 0) return null;
  const names = new Map(orgs.map((org) => [org.id, org.name]));
  const facts = await options.stores.interpretations.coverageFacts(orgs.map((org) => org.id));
  const first = new Map<string, string>();
  for (const { policyDocumentId, publishedOn } of facts.interpreted) {
    const known = first.get(policyDocumentId);
    if (!known || publishedOn < known) first.set(policyDocumentId, publishedOn);
  }
  const coverage = interpretationCoverage(facts.documents, new Set(first.keys()));
  const late = facts.documents.flatMap((document) => {
    const interpretedOn = first.get(document.documentId);
    if (!interpretedOn) return [];
    const timeliness = interpretationTimeliness(options.calendar, document.publishedOn, interpretedOn, interpretedOn);
    return timeliness.state === 'late'
      ? [{ ...document, interpretedOn, workingDaysLate: timeliness.workingDaysLate }]
      : [];
  });
  return {
    total: { total: coverage.total, covered: coverage.covered, share: coverage.share },
    units: [...coverage.byOrg].map(([orgId, figure]) => ({ orgId, orgName: names.get(orgId) ?? orgId, figure })),
    missing: coverage.missing.map((document) => ({ ...document, orgName: names.get(document.orgId) ?? '' })),
    late,
  };
}
