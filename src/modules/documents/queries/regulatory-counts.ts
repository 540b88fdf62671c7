import { countRegulatoryDocuments, type RegulatoryCounts } from '../domain/regulatory-counts.ts';
import type { DocumentStore } from '../ports.ts';

/**
 * The first block of the annual report's table 二 (条例 Art. 20 (1)) for a unit and every unit under
 * it: 规章 and 行政规范性文件 made in the year, repealed in the year and in force at its end, from
 * the published documents. Counts of published information: no reader's scope narrows them.
 */
export async function regulatoryCounts(options: {
  documents: DocumentStore;
  orgId: string;
  year: number;
}): Promise<RegulatoryCounts> {
  return countRegulatoryDocuments(await options.documents.regulatoryFacts(options.orgId), options.year);
}
