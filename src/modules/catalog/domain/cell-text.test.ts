import { describe, expect, it } from 'vitest';
import type { DisclosureLevel } from '../../orgs/index.ts';
import {
  formatAudience,
  formatChannels,
  formatElements,
  formatFiveOpen,
  formatLegalBasis,
  formatLevels,
  formatMode,
  formatTimeLimit,
  parseAudience,
  parseChannels,
  parseFiveOpen,
  parseLegalBasis,
  parseLevels,
  parseMode,
  parseTimeLimit,
  splitItems,
} from './cell-text.ts';
import type { Channel, EntryContent, FiveOpen, LegalBasis, TimeLimit } from './entry.ts';

const MODE_MESSAGE = '公开方式只能填写“主动”或“依申请”（可同时填写，用顿号分隔）。';
const AUDIENCE_MESSAGE = '公开对象只能填写“全社会”或“特定群体”（可同时填写，用顿号分隔）。';
const LEVELS_MESSAGE = '公开层级只能填写“县级”“乡级”或“村级”（可同时填写）。';

describe('公开内容(要素)', () => {
  it.each([
    { elements: ['申请条件'], text: '申请条件' },
    { elements: ['申请条件', '办理流程', '救助标准'], text: '申请条件\n办理流程\n救助标准' },
  ])('prints $elements one per line and reads them back', ({ elements, text }) => {
    expect(formatElements(elements)).toBe(text);
    expect(splitItems(text)).toEqual(elements);
  });

  it.each([
    { text: '1.申请条件；2.办理流程', items: ['申请条件', '办理流程'] },
    { text: '（1）申请条件\n(2)办理流程', items: ['申请条件', '办理流程'] },
    { text: '1、申请条件;\n\n 2、 办理流程 ', items: ['申请条件', '办理流程'] },
    { text: '  ', items: [] },
  ])('splits $text into numbered-free items', ({ text, items }) => {
    expect(splitItems(text)).toEqual(items);
  });
});

describe('公开依据', () => {
  const cases: { text: string; basis: LegalBasis[] }[] = [
    {
      text: '【法律】《中华人民共和国行政许可法》第三十条',
      basis: [{ kind: '法律', title: '《中华人民共和国行政许可法》', docNumber: null, article: '第三十条' }],
    },
    {
      text: '【行政法规】《中华人民共和国政府信息公开条例》（国务院令第711号）',
      basis: [
        { kind: '行政法规', title: '《中华人民共和国政府信息公开条例》', docNumber: '国务院令第711号', article: null },
      ],
    },
    {
      text: '【规章】《最低生活保障审核确认办法》（民发〔2021〕57号）第五条\n【其他】上级部门有关规定',
      basis: [
        { kind: '规章', title: '《最低生活保障审核确认办法》', docNumber: '民发〔2021〕57号', article: '第五条' },
        { kind: '其他', title: '上级部门有关规定', docNumber: null, article: null },
      ],
    },
    { text: '', basis: [] },
  ];

  it.each(cases)('prints and reads back $text', ({ text, basis }) => {
    expect(formatLegalBasis(basis)).toBe(text);
    expect(parseLegalBasis(text)).toEqual({ ok: true, value: basis });
  });

  it.each([
    {
      why: 'half-width brackets and a semicolon between items',
      text: '【规范性文件】《关于进一步做好临时救助工作的通知》(民发〔2018〕23号)；【法律】《中华人民共和国社会救助法》第十条',
      basis: [
        {
          kind: '规范性文件',
          title: '《关于进一步做好临时救助工作的通知》',
          docNumber: '民发〔2018〕23号',
          article: null,
        },
        { kind: '法律', title: '《中华人民共和国社会救助法》', docNumber: null, article: '第十条' },
      ],
    },
    {
      why: 'no kind, which counts as 其他',
      text: '《社会救助暂行办法》',
      basis: [{ kind: '其他', title: '《社会救助暂行办法》', docNumber: null, article: null }],
    },
  ])('reads $why', ({ text, basis }) => {
    expect(parseLegalBasis(text)).toEqual({ ok: true, value: basis });
  });

  it.each([
    {
      text: '【通知】《关于做好社会救助工作的通知》',
      message: '公开依据的类别“通知”不正确，应为：法律、行政法规、规章、规范性文件、其他。',
    },
    { text: '第十条', message: '无法识别的公开依据：“第十条”，应写作“【法律】《法律名称》第X条”。' },
    { text: '【法律】', message: '无法识别的公开依据：“【法律】”，应写作“【法律】《法律名称》第X条”。' },
  ])('rejects $text', ({ text, message }) => {
    expect(parseLegalBasis(text)).toEqual({ ok: false, message });
  });
});

describe('公开时限', () => {
  const cases: { limit: TimeLimit; text: string }[] = [
    { limit: { kind: 'working_days', days: 20 }, text: '信息形成或者变更之日起20个工作日内' },
    { limit: { kind: 'working_days', days: 7 }, text: '信息形成或者变更之日起7个工作日内' },
    { limit: { kind: 'realtime' }, text: '实时公开' },
    { limit: { kind: 'timely' }, text: '及时公开' },
    { limit: { kind: 'custom', text: '本级人民代表大会批准后20日内' }, text: '本级人民代表大会批准后20日内' },
  ];

  it.each(cases)('prints $limit.kind as $text and reads it back', ({ limit, text }) => {
    expect(formatTimeLimit(limit)).toBe(text);
    expect(parseTimeLimit(text)).toEqual({ ok: true, value: limit });
  });

  it.each([
    { text: '信息形成或者变更之日起20个工作日内', limit: { kind: 'working_days', days: 20 } },
    { text: '20个工作日', limit: { kind: 'working_days', days: 20 } },
    { text: '自信息形成之日起10个工作日内', limit: { kind: 'working_days', days: 10 } },
    { text: '自信息形成或变更之日起5个工作日内', limit: { kind: 'working_days', days: 5 } },
    { text: '自该政府信息形成或者变更之日起20个工作日内予以公开', limit: { kind: 'working_days', days: 20 } },
    { text: ' 20个工作日内公开 ', limit: { kind: 'working_days', days: 20 } },
    { text: '实时公开', limit: { kind: 'realtime' } },
    { text: '实时', limit: { kind: 'realtime' } },
    { text: '及时公开', limit: { kind: 'timely' } },
    { text: '及时', limit: { kind: 'timely' } },
    // Anything with more attached is kept as written and not counted.
    {
      text: '办事指南自信息形成或者变更之日起20个工作日内公开；许可结果自作出行政决定之日起7个工作日内公开',
      limit: {
        kind: 'custom',
        text: '办事指南自信息形成或者变更之日起20个工作日内公开；许可结果自作出行政决定之日起7个工作日内公开',
      },
    },
    { text: '批准后20日内', limit: { kind: 'custom', text: '批准后20日内' } },
    { text: '按程序及时公开', limit: { kind: 'custom', text: '按程序及时公开' } },
  ] satisfies { text: string; limit: TimeLimit }[])('reads “$text”', ({ text, limit }) => {
    expect(parseTimeLimit(text)).toEqual({ ok: true, value: limit });
  });

  it('asks for a time limit when the cell is empty', () => {
    expect(parseTimeLimit('  ')).toEqual({ ok: false, message: '请填写公开时限。' });
  });
});

describe('公开渠道和载体', () => {
  const cases: { channels: Channel[]; others: string[]; text: string }[] = [
    { channels: ['政府网站'], others: [], text: '政府网站' },
    {
      channels: ['政府网站', '两微一端', '公开查阅点', '政务服务中心'],
      others: [],
      text: '政府网站、两微一端、公开查阅点、政务服务中心',
    },
    {
      channels: ['政府网站', '两微一端', '其他'],
      others: ['公共资源交易平台'],
      text: '政府网站、两微一端、其他（公共资源交易平台）',
    },
    {
      channels: ['发布会/听证会', '社区/企事业单位/村公示栏(电子屏)', '12345政务服务热线', '其他'],
      others: ['公共资源交易平台', '村务监督委员会'],
      text: '发布会/听证会、社区/企事业单位/村公示栏(电子屏)、12345政务服务热线、其他（公共资源交易平台、村务监督委员会）',
    },
    { channels: ['其他'], others: [], text: '其他' },
  ];

  it.each(cases)('prints and reads back $text', ({ channels, others, text }) => {
    expect(formatChannels(channels, others)).toBe(text);
    expect(parseChannels(text)).toEqual({ ok: true, value: { channels, otherChannels: others } });
  });

  it('prints the channels in checklist order whatever order they were picked in', () => {
    expect(formatChannels(['政务服务中心', '政府网站'], [])).toBe('政府网站、政务服务中心');
  });

  it.each([
    {
      why: 'the ■/□ checklist, counting ticked boxes only',
      text: '■政府网站 □政府公报 ■两微一端 □广播电视',
      channels: ['政府网站', '两微一端'],
      others: [],
    },
    {
      why: 'a checklist of ☑/☐ one per line with 其他 in brackets',
      text: '☑政府网站\n☐政府公报\n☑其他（公共资源交易平台）',
      channels: ['政府网站', '其他'],
      others: ['公共资源交易平台'],
    },
    {
      why: '其他 with its bracket',
      text: '其他（公共资源交易平台）',
      channels: ['其他'],
      others: ['公共资源交易平台'],
    },
    {
      why: 'unknown names as other channels',
      text: '政府网站、村务公开栏、村民微信群',
      channels: ['政府网站', '其他'],
      others: ['村务公开栏', '村民微信群'],
    },
    {
      why: 'full-width slashes and brackets in channel names',
      text: '发布会／听证会，社区/企事业单位/村公示栏（电子屏）',
      channels: ['发布会/听证会', '社区/企事业单位/村公示栏(电子屏)'],
      others: [],
    },
  ] satisfies { why: string; text: string; channels: Channel[]; others: string[] }[])(
    'reads $why',
    ({ text, channels, others }) => {
      expect(parseChannels(text)).toEqual({ ok: true, value: { channels, otherChannels: others } });
    },
  );

  it.each(['', '□政府网站 □政府公报'])('asks for at least one channel in “%s”', (text) => {
    expect(parseChannels(text)).toEqual({ ok: false, message: '请至少填写一个公开渠道。' });
  });
});

describe('公开对象', () => {
  it.each([
    { audience: { public: true, specificGroup: false }, text: '全社会' },
    { audience: { public: false, specificGroup: true }, text: '特定群体' },
    { audience: { public: true, specificGroup: true }, text: '全社会、特定群体' },
  ] satisfies { audience: EntryContent['audience']; text: string }[])('prints and reads back $text', (c) => {
    expect(formatAudience(c.audience)).toBe(c.text);
    expect(parseAudience(c.text)).toEqual({ ok: true, value: c.audience });
  });

  it.each([
    { text: '特定群体（低保对象）', audience: { public: false, specificGroup: true } },
    { text: '■全社会 □特定群体', audience: { public: true, specificGroup: false } },
    { text: '全社会，特定群体', audience: { public: true, specificGroup: true } },
  ])('reads $text', ({ text, audience }) => {
    expect(parseAudience(text)).toEqual({ ok: true, value: audience });
  });

  it.each(['', '群众', '全社会、群众'])('rejects “%s”', (text) => {
    expect(parseAudience(text)).toEqual({ ok: false, message: AUDIENCE_MESSAGE });
  });
});

describe('公开方式', () => {
  it.each([
    { mode: { proactive: true, onRequest: false }, text: '主动' },
    { mode: { proactive: false, onRequest: true }, text: '依申请' },
    { mode: { proactive: true, onRequest: true }, text: '主动、依申请' },
  ] satisfies { mode: EntryContent['mode']; text: string }[])('prints and reads back $text', ({ mode, text }) => {
    expect(formatMode(mode)).toBe(text);
    expect(parseMode(text)).toEqual({ ok: true, value: mode });
  });

  it.each([
    { text: '主动公开', mode: { proactive: true, onRequest: false } },
    { text: '主动公开、依申请公开', mode: { proactive: true, onRequest: true } },
    { text: '■主动 □依申请', mode: { proactive: true, onRequest: false } },
  ])('reads $text', ({ text, mode }) => {
    expect(parseMode(text)).toEqual({ ok: true, value: mode });
  });

  it.each(['', '公开', '被动', '主动、不公开'])('rejects “%s”', (text) => {
    expect(parseMode(text)).toEqual({ ok: false, message: MODE_MESSAGE });
  });
});

describe('公开层级', () => {
  it.each([
    { levels: ['county'], text: '县级' },
    { levels: ['township', 'village'], text: '乡级、村级' },
    { levels: ['county', 'township', 'village'], text: '县级、乡级、村级' },
  ] satisfies { levels: DisclosureLevel[]; text: string }[])('prints and reads back $text', ({ levels, text }) => {
    expect(formatLevels(levels)).toBe(text);
    expect(parseLevels(text)).toEqual({ ok: true, value: levels });
  });

  it.each([
    { text: '县、乡、村', levels: ['county', 'township', 'village'] },
    { text: '村级、县级', levels: ['county', 'village'] },
    { text: '乡镇', levels: ['township'] },
    { text: '镇级', levels: ['township'] },
    { text: '县级 乡级', levels: ['county', 'township'] },
  ] satisfies { text: string; levels: DisclosureLevel[] }[])('reads $text in level order', ({ text, levels }) => {
    expect(parseLevels(text)).toEqual({ ok: true, value: levels });
  });

  it.each(['', '市级', '县级、省级'])('rejects “%s”', (text) => {
    expect(parseLevels(text)).toEqual({ ok: false, message: LEVELS_MESSAGE });
  });
});

describe('五公开', () => {
  it.each([
    { tags: [], text: '' },
    { tags: ['决策', '结果'], text: '决策、结果' },
    { tags: ['决策', '执行', '管理', '服务', '结果'], text: '决策、执行、管理、服务、结果' },
  ] satisfies { tags: FiveOpen[]; text: string }[])('prints and reads back “$text”', ({ tags, text }) => {
    expect(formatFiveOpen(tags)).toBe(text);
    expect(parseFiveOpen(text)).toEqual({ ok: true, value: tags });
  });

  it('reads 结果公开、决策公开 in the order of the five', () => {
    expect(parseFiveOpen('结果公开、决策公开')).toEqual({ ok: true, value: ['决策', '结果'] });
  });

  it('rejects a tag outside the five', () => {
    expect(parseFiveOpen('决策、监督')).toEqual({
      ok: false,
      message: '五公开只能填写：决策、执行、管理、服务、结果。',
    });
  });
});
