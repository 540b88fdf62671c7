import { describe, expect, it } from 'vitest';
import { checkAppeal, computeTable4, type Appeal } from './appeals.ts';

const appeal = (
  kind: Appeal['kind'],
  filedOn: string,
  result: Appeal['result'] = null,
  decidedOn: string | null = null,
) => ({
  kind,
  filedOn,
  result,
  decidedOn,
});

/** Table 四 (国办公开办函〔2021〕30号): appeals filed in the year, by their result at its end (条例 Art. 51). */
describe('computeTable4', () => {
  it('counts each kind by result, pending when not decided by the year’s end, and leaves other years out', () => {
    const table = computeTable4(
      [
        appeal('reconsideration', '2025-03-01', 'upheld', '2025-05-01'),
        appeal('reconsideration', '2025-06-01', 'corrected', '2025-08-01'),
        appeal('reconsideration', '2025-11-20', 'upheld', '2026-01-20'),
        appeal('suit', '2025-04-01'),
        appeal('suit_after_reconsideration', '2025-09-01', 'other', '2025-12-01'),
        appeal('suit', '2024-12-30', 'upheld', '2025-03-01'),
      ],
      2025,
    );
    expect(table).toEqual({
      reconsideration: { upheld: 1, corrected: 1, other: 0, pending: 1, total: 3 },
      suit: { upheld: 0, corrected: 0, other: 0, pending: 1, total: 1 },
      suit_after_reconsideration: { upheld: 0, corrected: 0, other: 1, pending: 0, total: 1 },
    });
  });
});

describe('checkAppeal', () => {
  it.each([
    {
      label: 'a reconsideration filed after the reply',
      a: { filedOn: '2026-10-20', body: '示范区人民政府', result: null, decidedOn: null },
      fields: [],
    },
    {
      label: 'filed before the reply',
      a: { filedOn: '2026-10-01', body: '示范区人民政府', result: null, decidedOn: null },
      fields: ['filedOn'],
    },
    {
      label: 'filed tomorrow',
      a: { filedOn: '2026-11-21', body: '示范区人民政府', result: null, decidedOn: null },
      fields: ['filedOn'],
    },
    {
      label: 'no deciding body',
      a: { filedOn: '2026-10-20', body: ' ', result: null, decidedOn: null },
      fields: ['body'],
    },
    {
      label: 'a result decided before it was filed',
      a: { filedOn: '2026-10-20', body: '示范区人民法院', result: 'upheld' as const, decidedOn: '2026-10-19' },
      fields: ['decidedOn'],
    },
  ])('$label → $fields', ({ a, fields }) => {
    let found: string[] = [];
    try {
      checkAppeal(a, '2026-10-09', '2026-11-20');
    } catch (error) {
      found = (error as { fields: { field: string }[] }).fields.map((f) => f.field);
    }
    expect(found).toEqual(fields);
  });
});
