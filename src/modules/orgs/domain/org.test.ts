import { describe, expect, it } from 'vitest';
import {
  ORG_TYPES,
  childPath,
  defaultLevels,
  isInSubtree,
  isValidCreditCode,
  requestHandlingUnit,
  sortAsTree,
  validateOrgInput,
  type Org,
  type OrgType,
} from './org.ts';

function org(id: string, type: OrgType, parent: Org | null, overrides: Partial<Org> = {}): Org {
  return {
    id,
    parentId: parent?.id ?? null,
    path: childPath(parent, id),
    depth: parent ? parent.depth + 1 : 0,
    type,
    code: id,
    name: id,
    shortName: id,
    creditCode: null,
    levels: defaultLevels(type),
    sortOrder: 0,
    isDemo: false,
    ...overrides,
  };
}

/*
 * GB 32100-2015 §5, worked by hand. Character values: 0–9 are 0–9, then A10 B11 C12 D13 E14 F15
 * G16 H17 J18 K19 L20 M21 N22 P23 Q24 R25 T26 U27 W28 X29 Y30; weights 1 3 9 27 19 26 16 17 20 29
 * 25 13 8 24 10 30 28; check value = 31 − (sum mod 31), with 31 written as 0.
 *
 * 91350100M000100Y4?: 9·1+1·3+3·9+5·27+0·19+1·26+0·16+0·17+M(21)·20+0·29+0·25+0·13+1·8+0·24
 *   +0·10+Y(30)·30+4·28 = 9+3+27+135+26+420+8+900+112 = 1640; 1640 mod 31 = 28 (31·52 = 1612);
 *   31 − 28 = 3 → '3'.
 * 91110000100000000?: 9·1+1·3+1·9+1·27+1·20 = 68; 68 mod 31 = 6; 31 − 6 = 25 → 'R'.
 * 10000000000000010?: 1·1+1·30 = 31; 31 mod 31 = 0; (31 − 0) is written 0 → '0'.
 */
describe('isValidCreditCode', () => {
  it.each([
    { code: '91350100M000100Y43', why: 'check digit 3' },
    { code: '91110000100000000R', why: 'check letter R' },
    { code: '100000000000000100', why: 'a sum divisible by 31, check 0' },
  ])('accepts $code ($why)', ({ code }) => {
    expect(isValidCreditCode(code)).toBe(true);
  });

  it.each([
    { code: '91350100M000100Y44', why: 'a flipped check digit' },
    { code: '91110000100000000T', why: 'a flipped check letter' },
    { code: '91110000100000000r', why: 'a check letter in lower case' },
    { code: '91350100m000100Y43', why: 'a lower-case letter in the body' },
    { code: '91350100M000100Y4', why: '17 characters' },
    { code: '91350100M000100Y430', why: '19 characters' },
    { code: '91350100O000100Y43', why: 'the letter O, which the charset leaves out' },
    { code: '91350100I000100Y43', why: 'the letter I, which the charset leaves out' },
    { code: '', why: 'empty' },
  ])('rejects $code ($why)', ({ code }) => {
    expect(isValidCreditCode(code)).toBe(false);
  });

  it.each(['Z', 'S', 'V'])('rejects the excluded letter %s even in the check position', (letter) => {
    expect(isValidCreditCode(`91350100M000100Y4${letter}`)).toBe(false);
  });
});

describe('isInSubtree', () => {
  it.each([
    { path: '/d/town/vil/', ancestor: '/d/town/', expected: true },
    { path: '/d/town/', ancestor: '/d/town/', expected: true },
    { path: '/d/town/vil/', ancestor: '/d/', expected: true },
    { path: '/d/town/', ancestor: '/d/town/vil/', expected: false },
    { path: '/d/town2/', ancestor: '/d/town/', expected: false },
    { path: '/d/edu/', ancestor: '/d/town/', expected: false },
  ])('$path in $ancestor: $expected', ({ path, ancestor, expected }) => {
    expect(isInSubtree(path, ancestor)).toBe(expected);
  });
});

describe('childPath', () => {
  it('builds materialised paths from the root down', () => {
    const district = org('d', 'district', null);
    const town = org('town', 'town', district);
    expect([district.path, town.path, childPath(town, 'vil')]).toEqual(['/d/', '/d/town/', '/d/town/vil/']);
  });
});

describe('validateOrgInput', () => {
  const valid = { code: 'unit-1', name: '示范单位' };

  /** Which unit types may sit directly under which: district → departments/towns → villages. */
  const ALLOWED: Record<OrgType, OrgType[]> = {
    district: ['department', 'town', 'utility'],
    department: ['utility'],
    town: ['village', 'community', 'utility'],
    village: [],
    community: [],
    utility: [],
  };
  const placements = ORG_TYPES.flatMap((parentType) =>
    ORG_TYPES.map((type) => ({ parentType, type, allowed: ALLOWED[parentType].includes(type) })),
  );

  it.each(placements)('a $type under a $parentType is allowed: $allowed', ({ parentType, type, allowed }) => {
    const parent = org('p', parentType, null);
    const issues = validateOrgInput({ ...valid, type }, parent);
    expect(issues).toEqual(
      allowed ? [] : [{ field: 'type', message: expect.stringContaining('下不能设立') as unknown }],
    );
  });

  it('names both unit types in Chinese when a placement is refused', () => {
    expect(validateOrgInput({ ...valid, type: 'village' }, org('d', 'district', null))).toEqual([
      { field: 'type', message: '区政府下不能设立村。' },
    ]);
  });

  it.each(ORG_TYPES.map((type) => ({ type, allowed: type === 'district' })))(
    'a $type without a parent is allowed: $allowed',
    ({ type, allowed }) => {
      const issues = validateOrgInput({ ...valid, type }, null);
      expect(issues).toEqual(allowed ? [] : [{ field: 'parentId', message: '只有区政府可以作为顶级单位。' }]);
    },
  );

  it.each([
    { code: 'ab', ok: true },
    { code: 'edu-2', ok: true },
    { code: 'A'.repeat(32), ok: true },
    { code: 'a', ok: false },
    { code: 'A'.repeat(33), ok: false },
    { code: 'edu_2', ok: false },
    { code: 'edu 2', ok: false },
    { code: 'edu/2', ok: false },
    { code: '教育局', ok: false },
  ])('code "$code" is acceptable: $ok', ({ code, ok }) => {
    const issues = validateOrgInput({ ...valid, code, type: 'district' }, null);
    expect(issues.filter((issue) => issue.field === 'code')).toHaveLength(ok ? 0 : 1);
  });

  it.each([
    { name: '区府', ok: true },
    { name: '字'.repeat(100), ok: true },
    { name: ' 区 ', ok: false },
    { name: '字'.repeat(101), ok: false },
  ])('name "$name" is acceptable: $ok', ({ name, ok }) => {
    const issues = validateOrgInput({ ...valid, name, type: 'district' }, null);
    expect(issues.filter((issue) => issue.field === 'name')).toHaveLength(ok ? 0 : 1);
  });

  it.each([
    { creditCode: undefined, ok: true },
    { creditCode: '', ok: true },
    { creditCode: '91350100M000100Y43', ok: true },
    { creditCode: '91350100M000100Y44', ok: false },
  ])('credit code $creditCode is acceptable: $ok', ({ creditCode, ok }) => {
    const issues = validateOrgInput({ ...valid, creditCode, type: 'district' }, null);
    expect(issues.filter((issue) => issue.field === 'creditCode')).toHaveLength(ok ? 0 : 1);
  });

  it('reports every problem at once', () => {
    const issues = validateOrgInput({ type: 'village', code: '!', name: '', creditCode: 'x' }, null);
    expect(issues.map((issue) => issue.field)).toEqual(['code', 'name', 'creditCode', 'parentId']);
  });
});

describe('sortAsTree', () => {
  const district = org('d', 'district', null, { name: '示范区人民政府' });
  const townB = org('tb', 'town', district, { name: '北镇', sortOrder: 2 });
  const townA = org('ta', 'town', district, { name: '安镇', sortOrder: 1 });
  const edu = org('edu', 'department', district, { name: '教育局', sortOrder: 1 });
  const vil2 = org('v2', 'village', townA, { name: '二村', sortOrder: 0 });
  const vil1 = org('v1', 'village', townA, { name: '一村', sortOrder: 0 });
  const vilB = org('vb', 'village', townB, { name: '北村', sortOrder: 0 });

  it('lists each unit followed by its subtree, siblings by sort order then name', () => {
    const sorted = sortAsTree([vilB, vil2, townB, edu, vil1, townA, district]);
    // Under the district: 安镇 and 教育局 share sortOrder 1 and go by name (pinyin: ān before jiào), then 北镇 (2).
    // Under 安镇: 二村 and 一村 share sortOrder 0 and go by name (pinyin: èr before yī).
    expect(sorted.map((o) => o.id)).toEqual(['d', 'ta', 'v2', 'v1', 'edu', 'tb', 'vb']);
  });

  it('treats a unit whose parent is not in the list as a root', () => {
    expect(sortAsTree([vilB, vil1]).map((o) => o.id)).toEqual(['vb', 'v1']);
  });

  it('returns an empty list for no units', () => {
    expect(sortAsTree([])).toEqual([]);
  });
});

describe('requestHandlingUnit (条例 Art. 27)', () => {
  const district = org('d', 'district', null);
  const town = org('town', 'town', district);
  const edu = org('edu', 'department', district);
  const village = org('vil', 'village', town);
  const community = org('com', 'community', town);
  const utility = org('water', 'utility', town);

  it.each([
    { unit: village, parent: town, handler: 'town', why: "a village's requests go to its town" },
    { unit: community, parent: town, handler: 'town', why: "a community's requests go to its town" },
    { unit: town, parent: district, handler: 'town', why: 'a town answers for itself' },
    { unit: edu, parent: district, handler: 'edu', why: 'a department answers for itself' },
    { unit: utility, parent: town, handler: 'water', why: 'a utility answers for itself' },
    { unit: district, parent: null, handler: 'd', why: 'the district answers for itself' },
    { unit: village, parent: null, handler: 'vil', why: 'a village with no known parent stays with itself' },
  ])('$why', ({ unit, parent, handler }) => {
    expect(requestHandlingUnit(unit, parent).id).toBe(handler);
  });
});
