import { describe, expect, it } from 'vitest';
import { countRegulatoryDocuments, regulatoryKind, type RegulatoryFact } from './regulatory-counts.ts';

const fact = (over: Partial<RegulatoryFact>): RegulatoryFact => ({
  genre: '通知',
  isNormative: true,
  writtenOn: '2025-03-01',
  publishedOn: '2025-03-05',
  validity: '有效',
  validityOn: null,
  ...over,
});

describe('regulatoryKind', () => {
  it.each([
    [{ genre: '规章', isNormative: false }, 'regulations'],
    [{ genre: '规章', isNormative: true }, 'regulations'],
    [{ genre: '通知', isNormative: true }, 'normative'],
    [{ genre: '办法', isNormative: true }, 'normative'],
    [{ genre: '通知', isNormative: false }, null],
    [{ genre: '年度报告', isNormative: false }, null],
  ] as const)('puts %o in %s', (input, expected) => {
    expect(regulatoryKind(input)).toBe(expected);
  });
});

describe('countRegulatoryDocuments (table 二, 条例 Art. 20 (1))', () => {
  const cases: { name: string; facts: Partial<RegulatoryFact>[]; normative: [number, number, number] }[] = [
    { name: 'counts a document made in the year as issued and in force', facts: [{}], normative: [1, 0, 1] },
    {
      name: 'counts by 成文日期, not 发布日期, across the new year',
      facts: [{ writtenOn: '2025-12-30', publishedOn: '2026-01-04' }],
      normative: [1, 0, 1],
    },
    {
      name: 'falls back to 发布日期 when there is no 成文日期',
      facts: [{ writtenOn: null, publishedOn: '2024-06-01' }],
      normative: [0, 0, 1],
    },
    {
      name: 'does not count a document made after the year',
      facts: [{ writtenOn: '2026-01-02' }],
      normative: [0, 0, 0],
    },
    {
      name: 'counts a document made earlier and repealed in the year as repealed, not in force',
      facts: [{ writtenOn: '2021-05-01', validity: '废止', validityOn: '2025-07-01' }],
      normative: [0, 1, 0],
    },
    {
      name: 'counts a document repealed after the year as in force at its end',
      facts: [{ writtenOn: '2021-05-01', validity: '废止', validityOn: '2026-02-01' }],
      normative: [0, 0, 1],
    },
    {
      name: 'does not count an expiry (失效) as a repeal, nor the expired document as in force',
      facts: [{ writtenOn: '2021-05-01', validity: '失效', validityOn: '2025-04-30' }],
      normative: [0, 0, 0],
    },
    {
      name: 'counts a document repealed on 31 December as repealed that year',
      facts: [{ writtenOn: '2023-01-01', validity: '废止', validityOn: '2025-12-31' }],
      normative: [0, 1, 0],
    },
    {
      name: 'counts a document made and repealed within the year in both',
      facts: [{ writtenOn: '2025-02-01', validity: '废止', validityOn: '2025-11-01' }],
      normative: [1, 1, 0],
    },
    { name: 'leaves out ordinary documents', facts: [{ isNormative: false }], normative: [0, 0, 0] },
  ];
  it.each(cases)('$name', ({ facts, normative }) => {
    const counts = countRegulatoryDocuments(facts.map(fact), 2025);
    expect([counts.normative.issued, counts.normative.repealed, counts.normative.inForce]).toEqual(normative);
    expect(counts.regulations).toEqual({ issued: 0, repealed: 0, inForce: 0 });
  });

  it('counts 规章 in their own row', () => {
    const counts = countRegulatoryDocuments(
      [fact({ genre: '规章', isNormative: false }), fact({ genre: '规章', writtenOn: '2020-01-01' }), fact({})],
      2025,
    );
    expect(counts.regulations).toEqual({ issued: 1, repealed: 0, inForce: 2 });
    expect(counts.normative).toEqual({ issued: 1, repealed: 0, inForce: 1 });
  });
});
