import { describe, expect, it } from 'vitest';
import { interpretationCoverage, type NormativeDocument } from './coverage.ts';

const doc = (documentId: string, orgId: string, publishedOn: string): NormativeDocument => ({
  documentId,
  orgId,
  title: `示范区规范性文件${documentId}`,
  publishedOn,
});

describe('interpretationCoverage', () => {
  it.each([
    { name: 'no normative documents', documents: [], interpreted: [], total: 0, covered: 0, share: null, missing: [] },
    {
      name: 'all interpreted',
      documents: [doc('a', 'mz', '2026-03-02'), doc('b', 'jy', '2026-03-03')],
      interpreted: ['a', 'b'],
      total: 2,
      covered: 2,
      share: 1,
      missing: [],
    },
    {
      name: 'some missing, listed oldest first; an interpretation of another document does not count',
      documents: [doc('a', 'mz', '2026-05-02'), doc('b', 'mz', '2026-03-03'), doc('c', 'jy', '2026-04-01')],
      interpreted: ['c', 'x'],
      total: 3,
      covered: 1,
      share: 1 / 3,
      missing: ['b', 'a'],
    },
  ])('$name', ({ documents, interpreted, total, covered, share, missing }) => {
    const result = interpretationCoverage(documents, new Set(interpreted));
    expect({ total: result.total, covered: result.covered, share: result.share }).toEqual({ total, covered, share });
    expect(result.missing.map((d) => d.documentId)).toEqual(missing);
  });

  it('gives each unit its own figure', () => {
    const result = interpretationCoverage(
      [doc('a', 'mz', '2026-03-02'), doc('b', 'mz', '2026-03-03'), doc('c', 'jy', '2026-03-04')],
      new Set(['a', 'c']),
    );
    expect(Object.fromEntries(result.byOrg)).toEqual({
      mz: { total: 2, covered: 1, share: 0.5 },
      jy: { total: 1, covered: 1, share: 1 },
    });
  });
});
