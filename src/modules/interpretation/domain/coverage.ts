/**
 * The indicator of plan §三.5: the share of normative documents (行政规范性文件) that have a published
 * graphic interpretation (图解), target 100%, for the district and for each unit, with the list of the
 * documents still missing one. Only documents in force and published count.
 */
export const COVERAGE_TARGET = 1;

export type NormativeDocument = { documentId: string; orgId: string; title: string; publishedOn: string };

export type CoverageFigure = {
  total: number;
  covered: number;
  /** covered / total, or null when there is no normative document to interpret. */
  share: number | null;
};

export type Coverage = CoverageFigure & {
  byOrg: Map<string, CoverageFigure>;
  /** Documents without a graphic interpretation, oldest first (the longest waiting). */
  missing: NormativeDocument[];
};

export function interpretationCoverage(
  documents: readonly NormativeDocument[],
  /** Ids of the documents with at least one published graphic interpretation. */
  interpreted: ReadonlySet<string>,
): Coverage {
  const byOrg = new Map<string, CoverageFigure>();
  const missing: NormativeDocument[] = [];
  for (const document of documents) {
    const figure = byOrg.get(document.orgId) ?? { total: 0, covered: 0, share: null };
    figure.total++;
    if (interpreted.has(document.documentId)) figure.covered++;
    else missing.push(document);
    figure.share = figure.covered / figure.total;
    byOrg.set(document.orgId, figure);
  }
  const total = documents.length;
  const covered = total - missing.length;
  missing.sort((a, b) => a.publishedOn.localeCompare(b.publishedOn) || a.documentId.localeCompare(b.documentId));
  return { total, covered, share: total === 0 ? null : covered / total, byOrg, missing };
}
