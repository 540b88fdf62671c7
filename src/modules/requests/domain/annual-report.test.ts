import { describe, expect, it } from 'vitest';
import { checkTable3, computeTable3, type ReportFact, type Table3Column } from './annual-report.ts';

const fact = (
  receivedOn: string,
  closedOn: string | null,
  outcome: ReportFact['outcome'],
  column: Table3Column = 'natural',
): ReportFact => ({
  receivedOn,
  closedOn,
  outcome,
  applicantKind: column === 'natural' ? 'natural' : 'legal',
  organisationKind: column === 'natural' || column === 'total' ? null : column,
});

/** Table 三 (国办公开办函〔2021〕30号) for 2025, counted from requests on either side of the year. */
describe('computeTable3', () => {
  it.each([
    {
      label: 'received and replied in the year',
      fact: fact('2025-03-03', '2025-03-20', '3.1'),
      rows: ['1', '3.1', '3.7'],
    },
    {
      label: 'received the year before, replied in the year (上年结转)',
      fact: fact('2024-12-20', '2025-01-10', '3.2'),
      rows: ['2', '3.2', '3.7'],
    },
    {
      label: 'received in the year, still open at its end (结转下年度)',
      fact: fact('2025-12-22', null, null),
      rows: ['1', '4'],
    },
    { label: 'received in the year, closed the next', fact: fact('2025-12-22', '2026-01-15', '3.1'), rows: ['1', '4'] },
    { label: 'received the year before and still open', fact: fact('2024-11-01', null, null), rows: ['2', '4'] },
    { label: 'closed before the year began', fact: fact('2024-05-06', '2024-06-01', '3.1'), rows: [] },
    { label: 'received after the year', fact: fact('2026-01-05', null, null), rows: [] },
    {
      label: 'abandoned without correction (其他处理 1)',
      fact: fact('2025-04-01', '2025-05-06', '3.6.1'),
      rows: ['1', '3.6.1', '3.7'],
    },
  ])('$label → rows $rows', ({ fact: f, rows }) => {
    const table = computeTable3([f], 2025);
    const counted = Object.entries(table.cells)
      .filter(([, cells]) => cells.total > 0)
      .map(([row]) => row);
    expect(counted.sort()).toEqual([...rows].sort());
    expect(checkTable3(table)).toEqual([]);
  });

  it('counts organisations in their own columns and the total in 总计', () => {
    const table = computeTable3(
      [
        fact('2025-02-03', '2025-02-20', '3.1', 'business'),
        fact('2025-02-04', '2025-02-21', '3.1', 'legal_service'),
        fact('2025-02-05', '2025-02-22', '3.1'),
      ],
      2025,
    );
    expect(table.cells['3.1']).toEqual({
      natural: 1,
      business: 1,
      research: 0,
      nonprofit: 0,
      legal_service: 1,
      other: 0,
      total: 3,
    });
  });

  it('counts a damaged outcome in 三(七) only, so the results check flags it instead of failing', () => {
    const table = computeTable3([fact('2025-03-03', '2025-03-20', '3.9' as ReportFact['outcome'])], 2025);
    expect(table.cells['3.7']!.natural).toBe(1);
    expect(checkTable3(table).map((p) => `${p.check}:${p.row}:${p.column}`)).toEqual([
      'results:3.7:natural',
      'results:3.7:total',
    ]);
  });

  it('finds each broken check of a table that was edited by hand', () => {
    const table = computeTable3([fact('2025-03-03', '2025-03-20', '3.1')], 2025);
    table.cells['4']!.natural = 1;
    table.cells['4']!.total = 1;
    table.cells['3.2']!.research = 2;
    expect(checkTable3(table).map((p) => `${p.check}:${p.row}:${p.column}`)).toEqual([
      'balance:1+2:natural',
      'results:3.7:research',
      'balance:1+2:total',
      'total:3.2:total',
    ]);
  });
});
