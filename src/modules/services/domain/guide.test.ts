import { describe, expect, it } from 'vitest';
import { checkGuide, normaliseMaterialName, type ServiceGuideInput } from './guide.ts';
import { checkBundle, type ServiceBundleInput } from './bundle.ts';

/** A complete guide: the birth-registration service of a demo town. */
const COMPLETE_GUIDE: ServiceGuideInput = {
  name: '出生登记',
  itemType: '行政确认',
  audiences: ['person'],
  events: ['生育收养', '户籍办理'],
  basis: '《中华人民共和国户口登记条例》第七条',
  conditions: '婴儿出生后一个月以内，由户主、亲属、抚养人或者邻居向婴儿常住地户口登记机关申报出生登记。',
  materials: [
    { name: '出生医学证明', form: '原件', copies: '1', required: true, notes: '' },
    { name: '父母居民身份证', form: '复印件', copies: '1', required: true, notes: '父母双方' },
    { name: '', form: '原件', copies: '1', required: true, notes: '' },
  ],
  steps: ['申请', '受理', '审核', '办结', ''],
  legalDays: '20',
  promisedDays: '1',
  feeFree: true,
  feeStandard: '',
  feeBasis: '',
  place: '示范区示范镇便民服务中心户籍窗口',
  hours: '工作日 9:00—12:00，13:30—17:00',
  phone: '0000-12345678',
  complaint: '12345政务服务便民热线',
  faqs: [{ question: '可以网上办理吗？', answer: '可以，通过“一网通办”平台在线申请。' }],
};

const blank = { name: '', form: '原件', copies: '1', required: true, notes: '' };

describe('checkGuide', () => {
  it('accepts a complete guide and drops blank rows', () => {
    const result = checkGuide(COMPLETE_GUIDE);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.guide.materials.map((m) => m.name)).toEqual(['出生医学证明', '父母居民身份证']);
    expect(result.guide.steps).toEqual(['申请', '受理', '审核', '办结']);
    expect(result.guide).toMatchObject({ legalDays: 20, promisedDays: 1, fee: null, events: ['生育收养', '户籍办理'] });
  });

  const cases: { name: string; change: Partial<ServiceGuideInput>; issues: [string, string][] }[] = [
    {
      name: 'refuses a guide with no elements at all, naming every field',
      change: {
        name: ' ',
        itemType: '',
        audiences: [],
        basis: '',
        conditions: '',
        materials: [blank],
        steps: [''],
        legalDays: '',
        promisedDays: '',
        feeFree: false,
        place: '',
        hours: '',
        phone: '',
        complaint: '',
      },
      issues: [
        ['name', '请填写事项名称。'],
        ['itemType', '请选择事项类型。'],
        ['audiences', '请至少选择一类服务对象（个人或法人）。'],
        ['basis', '请填写设定依据（法律、法规、规章或规范性文件的名称及条款）。'],
        ['conditions', '请填写受理条件。'],
        ['materials', '请至少填写一项申请材料。'],
        ['steps', '请至少填写一个办理步骤。'],
        ['legalDays', '法定办结时限应为0至365之间的整数（工作日）。'],
        ['promisedDays', '承诺办结时限应为0至365之间的整数（工作日）。'],
        ['feeStandard', '请填写收费标准，或勾选“本事项不收费”。'],
        ['feeBasis', '收费事项请填写收费依据。'],
        ['place', '请填写办理地点。'],
        ['hours', '请填写办理时间。'],
        ['phone', '请填写咨询电话。'],
        ['complaint', '请填写监督投诉方式。'],
      ],
    },
    {
      name: 'ties a material row’s problems to its own fields',
      change: {
        materials: [
          { name: '出生医学证明', form: '原件', copies: '1', required: true, notes: '' },
          { name: '', form: '扫描件', copies: '0', required: true, notes: '原件核验后退还' },
          { name: '《出生医学证明》', form: '原件', copies: '1', required: true, notes: '' },
        ],
      },
      issues: [
        ['materials.1.name', '请填写材料名称。'],
        ['materials.1.form', '请选择材料形式（原件、复印件或电子件）。'],
        ['materials.1.copies', '份数应为1至99之间的整数。'],
        ['materials.2.name', '同一材料不能重复填写。'],
      ],
    },
    {
      name: 'refuses a promised time limit longer than the legal one',
      change: { legalDays: '5', promisedDays: '10' },
      issues: [['promisedDays', '承诺办结时限不能长于法定办结时限。']],
    },
    {
      name: 'refuses time limits that are not whole numbers of working days',
      change: { legalDays: '2.5', promisedDays: '-1' },
      issues: [
        ['legalDays', '法定办结时限应为0至365之间的整数（工作日）。'],
        ['promisedDays', '承诺办结时限应为0至365之间的整数（工作日）。'],
      ],
    },
    {
      name: 'refuses a charged service without its basis',
      change: { feeFree: false, feeStandard: '工本费每证10元', feeBasis: '' },
      issues: [['feeBasis', '收费事项请填写收费依据。']],
    },
    {
      name: 'refuses a telephone number with letters, and an event outside the vocabulary',
      change: { phone: 'call-me', events: ['生育收养', '旅游'] },
      issues: [
        ['events', '所选主题不在主题目录中。'],
        ['phone', '咨询电话只能包含数字、空格和“-”“（）”，长度7至30位。'],
      ],
    },
    {
      name: 'refuses half a question',
      change: { faqs: [{ question: '要多久？', answer: '' }] },
      issues: [['faqs.0.answer', '问题和解答须同时填写。']],
    },
  ];

  it.each(cases)('$name', ({ change, issues }) => {
    const result = checkGuide({ ...COMPLETE_GUIDE, ...change });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => [i.field, i.message])).toEqual(issues);
  });

  it('keeps the fee when charged, and 即办 when the law sets no limit', () => {
    const result = checkGuide({
      ...COMPLETE_GUIDE,
      feeFree: false,
      feeStandard: '工本费每证10元',
      feeBasis: '《居民身份证法》',
      legalDays: '0',
      promisedDays: '0',
    });
    expect(result.ok && result.guide.fee).toEqual({ standard: '工本费每证10元', basis: '《居民身份证法》' });
  });
});

describe('normaliseMaterialName', () => {
  it.each([
    ['《居民身份证》', '居民身份证'],
    [' 居民 身份证 ', '居民身份证'],
    ['ＩＤ卡', 'id卡'],
    ['营业执照（副本）', '营业执照副本'],
  ])('%s → %s', (name, normalised) => {
    expect(normaliseMaterialName(name)).toBe(normalised);
  });
});

describe('checkBundle', () => {
  const complete: ServiceBundleInput = {
    name: '新生儿出生一件事',
    summary: '出生医学证明、户口登记、医保参保一次办。',
    audiences: ['person'],
    event: '生育收养',
    guideDocumentIds: ['aaaaaaaaaaaaaaaa', 'bbbbbbbbbbbbbbbb', ''],
    steps: ['网上申请', '', '联合审核', '结果送达'],
    promisedDays: '5',
  };

  it('accepts a complete bundle, dropping blank places', () => {
    const result = checkBundle(complete);
    expect(result.ok && result.bundle).toMatchObject({
      guideDocumentIds: ['aaaaaaaaaaaaaaaa', 'bbbbbbbbbbbbbbbb'],
      steps: ['网上申请', '联合审核', '结果送达'],
      promisedDays: 5,
    });
  });

  it.each([
    {
      name: 'refuses a bundle of one service repeated',
      change: { guideDocumentIds: ['aaaaaaaaaaaaaaaa', 'aaaaaaaaaaaaaaaa'] },
      issues: [
        ['guides.1', '同一办事指南不能重复选择。'],
        ['guides', '“一件事”至少由两个已公开的办事指南组成。'],
      ],
    },
    {
      name: 'refuses a bundle with no name, summary, event, steps or time limit',
      change: { name: '', summary: '', audiences: [], event: '', steps: [], promisedDays: 'x' },
      issues: [
        ['name', '请填写“一件事”的名称。'],
        ['summary', '请简要说明这件事包括哪些事项、为谁办理。'],
        ['audiences', '请至少选择一类服务对象（个人或法人）。'],
        ['event', '请选择所属主题。'],
        ['steps', '请至少填写一个办理步骤。'],
        ['promisedDays', '承诺办结时限应为0至365之间的整数（工作日）。'],
      ],
    },
  ])('$name', ({ change, issues }) => {
    const result = checkBundle({ ...complete, ...change });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((i) => [i.field, i.message])).toEqual(issues);
  });
});
