import { describe, expect, it } from 'vitest';
import type { Material } from './guide.ts';
import { mergeMaterials, type BundledService } from './merge-materials.ts';

const material = (name: string, overrides: Partial<Material> = {}): Material => ({
  name,
  form: '原件',
  copies: 1,
  required: true,
  notes: '',
  ...overrides,
});
const service = (documentId: string, name: string, materials: Material[]): BundledService => ({
  documentId,
  name,
  materials,
});

describe('mergeMaterials', () => {
  const cases: {
    name: string;
    services: BundledService[];
    expected: { name: string; neededBy: string[]; forms?: string[]; copies?: number; required?: boolean }[];
  }[] = [
    {
      name: 'lists a material two services need once, naming both',
      services: [
        service('a', '出生医学证明办理', [material('居民身份证'), material('出生医学证明申请表')]),
        service('b', '户口登记', [material('居民身份证'), material('居民户口簿')]),
      ],
      expected: [
        { name: '居民身份证', neededBy: ['a', 'b'] },
        { name: '出生医学证明申请表', neededBy: ['a'] },
        { name: '居民户口簿', neededBy: ['b'] },
      ],
    },
    {
      name: 'matches names that differ only by spaces, punctuation, book-title marks or full-width letters',
      services: [
        service('a', '甲', [material('《营业执照》')]),
        service('b', '乙', [material('营业执照 ')]),
        service('c', '丙', [material('营业执照（副本）')]),
        service('d', '丁', [material('ＰＤＦ格式章程')]),
        service('e', '戊', [material('pdf格式 章程')]),
      ],
      expected: [
        { name: '《营业执照》', neededBy: ['a', 'b'] },
        { name: '营业执照（副本）', neededBy: ['c'] },
        { name: 'ＰＤＦ格式章程', neededBy: ['d', 'e'] },
      ],
    },
    {
      name: 'keeps every form, the most copies, and required when any service requires it',
      services: [
        service('a', '甲', [material('结婚证', { form: '复印件', copies: 1, required: false })]),
        service('b', '乙', [material('结婚证', { form: '原件', copies: 2, required: true })]),
      ],
      expected: [{ name: '结婚证', neededBy: ['a', 'b'], forms: ['原件', '复印件'], copies: 2, required: true }],
    },
    {
      name: 'stays 容缺 only when every service accepts it later',
      services: [
        service('a', '甲', [material('租赁合同', { required: false })]),
        service('b', '乙', [material('租赁合同', { required: false })]),
      ],
      expected: [{ name: '租赁合同', neededBy: ['a', 'b'], required: false }],
    },
    {
      name: 'names a service once when its own list repeats a material in another form',
      services: [service('a', '甲', [material('照片', { form: '原件' }), material('照片', { form: '电子件' })])],
      expected: [{ name: '照片', neededBy: ['a'], forms: ['原件', '电子件'] }],
    },
    { name: 'gives an empty list for no services', services: [], expected: [] },
  ];

  it.each(cases)('$name', ({ services, expected }) => {
    const merged = mergeMaterials(services);
    expect(merged.map((m) => m.name)).toEqual(expected.map((e) => e.name));
    for (const [index, line] of expected.entries()) {
      const actual = merged[index]!;
      expect(actual.neededBy.map((s) => s.documentId)).toEqual(line.neededBy);
      if (line.forms) expect(actual.forms).toEqual(line.forms);
      if (line.copies !== undefined) expect(actual.copies).toBe(line.copies);
      if (line.required !== undefined) expect(actual.required).toBe(line.required);
    }
  });

  it('names the services that need a material by their names', () => {
    const [line] = mergeMaterials([
      service('a', '出生医学证明办理', [material('居民身份证')]),
      service('b', '户口登记', [material('居民身份证', { notes: '父母双方' })]),
    ]);
    expect(line!.neededBy).toEqual([
      { documentId: 'a', name: '出生医学证明办理' },
      { documentId: 'b', name: '户口登记' },
    ]);
    expect(line!.notes).toEqual(['父母双方']);
  });
});
