import { describe, expect, it } from 'vitest';
import { checkChoices, matches, noChoices, type Choices } from './choices.ts';

const c = (partial: Partial<Choices>): Choices => ({ ...noChoices(), ...partial });
const PUBLICATION = c({
  org: ['dist', 'edu'],
  field: ['24'],
  topic: ['科技、教育'],
  audience: ['企业', '个体工商户'],
  policy: ['减税降费'],
});

describe('matches', () => {
  it.each([
    { name: 'one tag of the publication', choices: c({ policy: ['减税降费'] }), expected: true },
    {
      name: 'a tag and an audience, both there',
      choices: c({ policy: ['减税降费'], audience: ['企业'] }),
      expected: true,
    },
    {
      name: 'a tag there, an audience not',
      choices: c({ policy: ['减税降费'], audience: ['老年人'] }),
      expected: false,
    },
    { name: 'any of two tags', choices: c({ policy: ['民生', '减税降费'] }), expected: true },
    { name: 'a unit above the publisher', choices: c({ org: ['dist'] }), expected: true },
    { name: 'another unit', choices: c({ org: ['civ'] }), expected: false },
    { name: 'the field', choices: c({ field: ['24'] }), expected: true },
    { name: 'another field', choices: c({ field: ['01'] }), expected: false },
    { name: 'the topic and the unit', choices: c({ topic: ['科技、教育'], org: ['edu'] }), expected: true },
    { name: 'nothing chosen (a webhook taking all)', choices: noChoices(), expected: true },
  ])('$name → $expected', ({ choices, expected }) => {
    expect(matches(choices, PUBLICATION)).toBe(expected);
  });

  it('does not match a chosen kind the publication has no value of', () => {
    expect(matches(c({ audience: ['企业'] }), c({ org: ['dist'], topic: ['综合政务'] }))).toBe(false);
  });
});

describe('checkChoices', () => {
  const vocabulary = {
    org: ['a', 'b'],
    field: ['24'],
    topic: ['综合政务'],
    audience: ['企业'],
    policy: ['减税降费', '惠企'],
  };

  it('keeps the vocabulary order and drops repeats', () => {
    expect(checkChoices({ policy: ['惠企', '减税降费', '惠企'] }, vocabulary)).toEqual({
      choices: c({ policy: ['减税降费', '惠企'] }),
      issues: [],
    });
  });

  it.each([
    { input: {}, field: 'choices', message: '请至少选择一项' },
    { input: { policy: ['不存在'] }, field: 'policy', message: '政策标签中有不存在的选项' },
    { input: { org: Array.from({ length: 31 }, (_, i) => String(i)) }, field: 'org', message: '每类最多选30项' },
  ])('refuses $field', ({ input, field, message }) => {
    const { issues } = checkChoices(input, vocabulary);
    expect(issues).toHaveLength(1);
    expect(issues[0]!.field).toBe(field);
    expect(issues[0]!.message).toContain(message);
  });

  it('lets a webhook choose nothing, meaning everything', () => {
    expect(checkChoices({}, vocabulary, { allowEverything: true }).issues).toEqual([]);
  });
});
