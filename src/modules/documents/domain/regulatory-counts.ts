import type { Validity } from './metadata.ts';

/**
 * Table 二 of the annual report (国办公开办函〔2021〕30号), its first block (条例 Art. 20 (1)):
 * how many 规章 and 行政规范性文件 a unit made in the year, repealed in the year, and had in force at
 * its end, counted from the documents' own metadata.
 */

/** What the count needs of one published document: its kind and its dates. */
export type RegulatoryFact = {
  genre: string;
  isNormative: boolean;
  writtenOn: string | null;
  publishedOn: string | null;
  validity: Validity;
  validityOn: string | null;
};

/** One row of the block: 本年制发件数, 本年废止件数, 现行有效件数. */
export type IssuanceCounts = { issued: number; repealed: number; inForce: number };

/** The block's two rows: 规章 and 行政规范性文件. */
export type RegulatoryCounts = { regulations: IssuanceCounts; normative: IssuanceCounts };

/** Which row a document counts in: 规章 by its genre, 行政规范性文件 by its flag; a 规章 is never both. */
export function regulatoryKind(fact: Pick<RegulatoryFact, 'genre' | 'isNormative'>): keyof RegulatoryCounts | null {
  if (fact.genre === '规章') return 'regulations';
  return fact.isNormative ? 'normative' : null;
}

/**
 * Counts the block for `year`:
 * - 制发 (issued): made in the year, by its 成文日期 (the 发布日期 when it has none);
 * - 废止 (repealed): its 有效性 is 废止 from a day in the year — a document that expired (失效) on
 *   its own terms was not repealed, and a publication withdrawn from the site (撤回) is not a
 *   legal act on the document, so neither counts here;
 * - 现行有效 (in force): made by the year's end and not yet repealed or expired on its last day.
 */
export function countRegulatoryDocuments(facts: readonly RegulatoryFact[], year: number): RegulatoryCounts {
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  const counts: RegulatoryCounts = {
    regulations: { issued: 0, repealed: 0, inForce: 0 },
    normative: { issued: 0, repealed: 0, inForce: 0 },
  };
  for (const fact of facts) {
    const kind = regulatoryKind(fact);
    const madeOn = fact.writtenOn ?? fact.publishedOn;
    if (!kind || !madeOn) continue;
    const row = counts[kind];
    if (madeOn >= first && madeOn <= last) row.issued++;
    if (fact.validity === '废止' && fact.validityOn !== null && fact.validityOn >= first && fact.validityOn <= last)
      row.repealed++;
    // A document that ceased without a recorded day has ceased; one that ceases after the year was in force.
    const ceasedBy = fact.validity !== '有效' && (fact.validityOn === null || fact.validityOn <= last);
    if (madeOn <= last && !ceasedBy) row.inForce++;
  }
  return counts;
}
