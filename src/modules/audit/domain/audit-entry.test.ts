import { describe, expect, it } from 'vitest';
import {
  ChainVerifier,
  GENESIS_HASH,
  canonicalJson,
  changeEntry,
  computeAuditHash,
  describeChainProblem,
  type AuditEntry,
  type ChainProblem,
} from './audit-entry.ts';

const START = Date.parse('2026-03-02T02:00:00.000Z');

/** A chain of `length` entries, each linked to the one before and hashed as the log writes them. */
function chain(length: number): AuditEntry[] {
  const entries: AuditEntry[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= length; seq++) {
    const entry = {
      seq,
      at: new Date(START + seq * 60_000).toISOString(),
      actorId: `user-${seq % 2}`,
      actorName: seq % 2 ? '张三(zhangsan)' : '李四(lisi)',
      action: 'edition.published',
      entityType: 'edition',
      entityId: `e${seq}`,
      orgId: 'town',
      before: seq === 1 ? null : { state: 'submitted', version: seq - 1 },
      after: { state: 'published', version: seq },
      ip: '10.0.0.1',
      prevHash,
    };
    const hash = computeAuditHash(entry);
    entries.push({ ...entry, hash });
    prevHash = hash;
  }
  return entries;
}

function headOf(entries: AuditEntry[]): { seq: number; hash: string } | undefined {
  const last = entries.at(-1);
  return last && { seq: last.seq, hash: last.hash };
}

function verify(entries: AuditEntry[], head: { seq: number; hash: string } | undefined): ChainProblem | undefined {
  const verifier = new ChainVerifier();
  for (const entry of entries) if (!verifier.push(entry)) break;
  return verifier.finish(head);
}

/** Replaces row `seq` (1-based) with `change(row)`. */
function replaceRow(entries: AuditEntry[], seq: number, change: (row: AuditEntry) => AuditEntry): AuditEntry[] {
  return entries.map((row) => (row.seq === seq ? change(row) : row));
}

function rehash(row: AuditEntry): AuditEntry {
  return { ...row, hash: computeAuditHash(row) };
}

describe('ChainVerifier', () => {
  it('finds an intact chain intact and counts every row', () => {
    const entries = chain(5);
    const verifier = new ChainVerifier();
    expect(entries.map((entry) => verifier.push(entry))).toEqual([true, true, true, true, true]);
    expect(verifier.finish(headOf(entries))).toBeUndefined();
    expect(verifier.checked).toBe(5);
  });

  it('finds an empty log with no head intact', () => {
    expect(verify([], undefined)).toBeUndefined();
  });

  it('refuses a first row that does not link to the genesis hash, even when its own hash is right', () => {
    const forged = rehash({ ...chain(1)[0]!, prevHash: 'f'.repeat(64) });
    expect(verify([forged], headOf([forged]))).toEqual({ kind: 'broken_link', seq: 1 });
    expect(GENESIS_HASH).toBe('0'.repeat(64));
  });

  const editable: { field: keyof AuditEntry; value: unknown }[] = [
    { field: 'at', value: '2026-03-02T03:00:00.000Z' },
    { field: 'actorId', value: 'intruder' },
    { field: 'actorName', value: '王五(wangwu)' },
    { field: 'action', value: 'edition.withdrawn' },
    { field: 'entityType', value: 'document' },
    { field: 'entityId', value: 'e999' },
    { field: 'orgId', value: null },
    { field: 'before', value: { state: 'draft', version: 2 } },
    { field: 'after', value: { state: 'published', version: 99 } },
    { field: 'ip', value: '203.0.113.9' },
  ];
  it.each(editable)('reports row 3 altered when its $field is edited', ({ field, value }) => {
    const tampered = replaceRow(chain(5), 3, (row) => ({ ...row, [field]: value }));
    expect(verify(tampered, headOf(tampered))).toEqual({ kind: 'altered', seq: 3 });
  });

  it('reports row 3 altered when its hash is overwritten', () => {
    const tampered = replaceRow(chain(5), 3, (row) => ({ ...row, hash: 'f'.repeat(64) }));
    expect(verify(tampered, headOf(chain(5)))).toEqual({ kind: 'altered', seq: 3 });
  });

  it('reports a deleted middle row as missing, naming the gap', () => {
    const entries = chain(5).filter((row) => row.seq !== 3);
    expect(verify(entries, headOf(chain(5)))).toEqual({ kind: 'missing', afterSeq: 2, expectedSeq: 3 });
  });

  it('reports a deleted first row as missing after row 0', () => {
    const entries = chain(5).slice(1);
    expect(verify(entries, headOf(chain(5)))).toEqual({ kind: 'missing', afterSeq: 0, expectedSeq: 1 });
  });

  it('reports deleted newest rows as truncated when the head record says more', () => {
    const full = chain(5);
    expect(verify(full.slice(0, 4), headOf(full))).toEqual({ kind: 'truncated', lastSeq: 4, headSeq: 5 });
    expect(verify(full.slice(0, 2), headOf(full))).toEqual({ kind: 'truncated', lastSeq: 2, headSeq: 5 });
    expect(verify([], headOf(full))).toEqual({ kind: 'truncated', lastSeq: 0, headSeq: 5 });
  });

  it('reports a row whose prev_hash was rewritten and re-hashed as a broken link', () => {
    const tampered = replaceRow(chain(5), 3, (row) => rehash({ ...row, prevHash: 'a'.repeat(64) }));
    expect(verify(tampered, headOf(chain(5)))).toEqual({ kind: 'broken_link', seq: 3 });
  });

  it('reports a row replaced by a re-hashed forgery, since the next row no longer links to it', () => {
    const tampered = replaceRow(chain(5), 3, (row) => rehash({ ...row, actorName: '王五(wangwu)' }));
    expect(verify(tampered, headOf(chain(5)))).toEqual({ kind: 'broken_link', seq: 4 });
  });

  it('reports the newest row altered when it was re-hashed but the head record kept the old hash', () => {
    const original = chain(5);
    const tampered = replaceRow(original, 5, (row) => rehash({ ...row, actorName: '王五(wangwu)' }));
    expect(verify(tampered, headOf(original))).toEqual({ kind: 'altered', seq: 5 });
  });

  it('stops at the first problem and accepts nothing after it', () => {
    const tampered = replaceRow(chain(5), 2, (row) => ({ ...row, action: 'x' }));
    const verifier = new ChainVerifier();
    expect(tampered.map((row) => verifier.push(row))).toEqual([true, false, false, false, false]);
    expect(verifier.checked).toBe(1);
    expect(verifier.finish(headOf(tampered))).toEqual({ kind: 'altered', seq: 2 });
  });
});

describe('computeAuditHash', () => {
  const [entry] = chain(1);
  if (!entry) throw new Error('no entry');

  it('is 64 lowercase hex characters', () => {
    expect(entry.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('does not depend on the key order of before and after', () => {
    const reordered = { ...entry, after: { version: 1, state: 'published' } };
    expect(Object.keys(reordered.after)).toEqual(['version', 'state']);
    expect(computeAuditHash(reordered)).toBe(entry.hash);
  });

  it('changes with the previous hash', () => {
    expect(computeAuditHash({ ...entry, prevHash: 'b'.repeat(64) })).not.toBe(entry.hash);
  });

  it('tells a null field from the text "null"', () => {
    expect(computeAuditHash({ ...entry, entityId: null })).not.toBe(computeAuditHash({ ...entry, entityId: 'null' }));
  });
});

describe('canonicalJson', () => {
  it.each([
    { value: { b: 1, a: 2 }, expected: '{"a":2,"b":1}' },
    { value: { b: { d: 1, c: [{ f: 1, e: 2 }] }, a: null }, expected: '{"a":null,"b":{"c":[{"e":2,"f":1}],"d":1}}' },
    { value: new Date('2026-03-01T16:00:00Z'), expected: '"2026-03-01T16:00:00.000Z"' },
    { value: { at: new Date('2026-03-01T16:00:00Z') }, expected: '{"at":"2026-03-01T16:00:00.000Z"}' },
    { value: [new Date('2026-03-01T16:00:00Z')], expected: '["2026-03-01T16:00:00.000Z"]' },
    { value: { a: undefined, b: 1 }, expected: '{"b":1}' },
    { value: { 标题: '通知', Z: 1, a: 2 }, expected: '{"Z":1,"a":2,"标题":"通知"}' },
    { value: [3, 1, 2], expected: '[3,1,2]' },
    { value: '文本', expected: '"文本"' },
    { value: 0, expected: '0' },
    { value: false, expected: 'false' },
    { value: null, expected: null },
    { value: undefined, expected: null },
  ])('writes $value as $expected', ({ value, expected }) => {
    expect(canonicalJson(value)).toBe(expected);
  });
});

describe('describeChainProblem', () => {
  it.each([
    { problem: { kind: 'altered', seq: 3 }, names: 'row 3' },
    { problem: { kind: 'missing', afterSeq: 2, expectedSeq: 3 }, names: 'row 3' },
    { problem: { kind: 'broken_link', seq: 7 }, names: 'row 7' },
    { problem: { kind: 'truncated', lastSeq: 4, headSeq: 6 }, names: 'rows 5 to 6' },
  ] as { problem: ChainProblem; names: string }[])('names $names for $problem.kind', ({ problem, names }) => {
    expect(describeChainProblem(problem)).toContain(names);
  });

  it('says what happened to the row', () => {
    expect(describeChainProblem({ kind: 'altered', seq: 3 })).toMatch(/altered/);
    expect(describeChainProblem({ kind: 'missing', afterSeq: 2, expectedSeq: 3 })).toMatch(/missing.*after row 2/);
    expect(describeChainProblem({ kind: 'truncated', lastSeq: 4, headSeq: 6 })).toMatch(/deleted from the end/);
  });
});

describe('changeEntry', () => {
  it('records who did what, when and where, with nulls for what was not given', () => {
    expect(
      changeEntry({ id: 'u1', name: '张三(zhangsan)' }, new Date('2026-03-02T02:00:00Z'), {
        action: 'edition.published',
        entityType: 'edition',
        entityId: 'e1',
      }),
    ).toEqual({
      at: '2026-03-02T02:00:00.000Z',
      actorId: 'u1',
      actorName: '张三(zhangsan)',
      action: 'edition.published',
      entityType: 'edition',
      entityId: 'e1',
      orgId: null,
      before: null,
      after: null,
      ip: null,
    });
  });
});
