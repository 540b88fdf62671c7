import { describe, expect, it } from 'vitest';
import type { CatalogEntry, EntryContent, LocalField } from './entry.ts';
import {
  catalogToSheets,
  columnLetter,
  describeSheetIssue,
  SHEET_COLUMNS,
  sheetsToEntries,
  sheetTitle,
  type Sheet,
} from './sheet.ts';

const UNIT = '示范区青石镇人民政府';
const LOCAL_FIELDS: LocalField[] = [{ code: 'L01', name: '乡村振兴' }];

/** Three entries of two fields, stored out of order, with every element filled in somewhere. */
const ENTRIES: CatalogEntry[] = [
  {
    id: 'e2',
    key: 'k2',
    position: 200_002,
    reviewComment: null,
    fieldCode: '20',
    itemL1: '特困人员救助供养',
    itemL2: '审核确认',
    contentElements: ['救助供养对象', '救助供养标准'],
    legalBasis: [
      { kind: '行政法规', title: '《社会救助暂行办法》', docNumber: '国务院令第649号', article: '第十四条' },
    ],
    timeLimit: { kind: 'realtime' },
    publisher: '青石镇人民政府',
    channels: ['政府网站', '社区/企事业单位/村公示栏(电子屏)', '其他'],
    otherChannels: ['村务监督委员会'],
    audience: { public: false, specificGroup: true },
    mode: { proactive: true, onRequest: true },
    levels: ['township', 'village'],
    fiveOpen: ['执行', '结果'],
    retention: '长期',
  },
  {
    id: 'e1',
    key: 'k1',
    position: 200_001,
    reviewComment: '请核对依据',
    fieldCode: '20',
    itemL1: '最低生活保障',
    itemL2: '',
    contentElements: ['申请条件'],
    legalBasis: [],
    timeLimit: { kind: 'working_days', days: 20 },
    publisher: '青石镇人民政府',
    channels: ['政府网站'],
    otherChannels: [],
    audience: { public: true, specificGroup: false },
    mode: { proactive: true, onRequest: false },
    levels: ['township'],
    fiveOpen: [],
    retention: null,
  },
  {
    id: 'e3',
    key: 'k3',
    position: 40_001,
    reviewComment: null,
    fieldCode: '04',
    itemL1: '预算',
    itemL2: '镇级预算',
    contentElements: ['一般公共预算收支'],
    legalBasis: [{ kind: '法律', title: '《中华人民共和国预算法》', docNumber: null, article: '第十四条' }],
    timeLimit: { kind: 'custom', text: '本级人民代表大会批准后20日内' },
    publisher: '青石镇财政所',
    channels: ['政府网站', '公开查阅点'],
    otherChannels: [],
    audience: { public: true, specificGroup: false },
    mode: { proactive: true, onRequest: false },
    levels: ['township'],
    fiveOpen: ['决策'],
    retention: null,
  },
];

const content = ({ id: _id, key: _key, position: _position, reviewComment: _comment, ...rest }: CatalogEntry) =>
  rest satisfies EntryContent;

/** The eleven columns every catalog prints. */
const HEADER = [
  '序号',
  '一级事项',
  '二级事项',
  '公开内容(要素)',
  '公开依据',
  '公开时限',
  '公开主体',
  '公开渠道和载体',
  '公开对象',
  '公开方式',
  '公开层级',
];
/** A valid row in HEADER's columns. */
const ROW = [
  '1',
  '最低生活保障',
  '申请审批',
  '申请条件\n办理流程',
  '【行政法规】《社会救助暂行办法》',
  '20个工作日',
  '青石镇人民政府',
  '政府网站、公开查阅点',
  '全社会',
  '主动',
  '乡级',
];
/** What ROW reads as under field 20. */
const ROW_CONTENT: EntryContent = {
  fieldCode: '20',
  itemL1: '最低生活保障',
  itemL2: '申请审批',
  contentElements: ['申请条件', '办理流程'],
  legalBasis: [{ kind: '行政法规', title: '《社会救助暂行办法》', docNumber: null, article: null }],
  timeLimit: { kind: 'working_days', days: 20 },
  publisher: '青石镇人民政府',
  channels: ['政府网站', '公开查阅点'],
  otherChannels: [],
  audience: { public: true, specificGroup: false },
  mode: { proactive: true, onRequest: false },
  levels: ['township'],
  fiveOpen: [],
  retention: null,
};

describe('catalogToSheets', () => {
  const sheets = catalogToSheets(ENTRIES, UNIT, LOCAL_FIELDS);

  it('writes one sheet per field in field order, named by code and field name', () => {
    expect(sheets.map((s) => s.name)).toEqual(['04 财政预决算', '20 社会救助']);
  });

  it('puts the title above the header and numbers the entries of each sheet by position', () => {
    const relief = sheets[1]!;
    expect(relief.rows[0]).toEqual(['示范区青石镇人民政府社会救助领域基层政务公开标准目录']);
    expect(relief.rows[1]).toEqual([...SHEET_COLUMNS]);
    expect(relief.rows.slice(2)).toEqual([
      [
        '1',
        '最低生活保障',
        '',
        '申请条件',
        '',
        '信息形成或者变更之日起20个工作日内',
        '青石镇人民政府',
        '政府网站',
        '全社会',
        '主动',
        '乡级',
        '',
        '',
      ],
      [
        '2',
        '特困人员救助供养',
        '审核确认',
        '救助供养对象\n救助供养标准',
        '【行政法规】《社会救助暂行办法》（国务院令第649号）第十四条',
        '实时公开',
        '青石镇人民政府',
        '政府网站、社区/企事业单位/村公示栏(电子屏)、其他（村务监督委员会）',
        '特定群体',
        '主动、依申请',
        '乡级、村级',
        '执行、结果',
        '长期',
      ],
    ]);
    expect(sheets[0]!.rows[2]![0]).toBe('1');
  });

  it('names a local field’s sheet by its local name', () => {
    const [sheet] = catalogToSheets([{ ...ENTRIES[0]!, fieldCode: 'L01' }], UNIT, LOCAL_FIELDS);
    expect(sheet!.name).toBe('L01 乡村振兴');
    expect(sheet!.rows[0]).toEqual([sheetTitle(UNIT, '乡村振兴')]);
  });

  it('reads back to the same entries, element for element', () => {
    expect(sheetsToEntries(sheets, LOCAL_FIELDS)).toEqual({
      entries: [ENTRIES[2]!, ENTRIES[1]!, ENTRIES[0]!].map(content),
      issues: [],
    });
  });
});

describe('sheetsToEntries', () => {
  it.each([
    { where: 'in the first row', rows: [HEADER, ROW] },
    { where: 'below a title', rows: [['青石镇社会救助领域基层政务公开标准目录'], HEADER, ROW] },
    {
      where: 'below a title, a subtitle and an empty row',
      rows: [['青石镇社会救助领域基层政务公开标准目录'], ['', '（2026年版）'], [], HEADER, ROW],
    },
    {
      where: 'with a space in a name and 公开内容 without (要素)',
      rows: [HEADER.map((h) => (h === '公开内容(要素)' ? '公开内容' : h.replace('一级事项', '一级 事项'))), ROW],
    },
    {
      where: 'with full-width brackets',
      rows: [HEADER.map((h) => h.replace('(要素)', '（要素）')), ROW],
    },
    {
      where: 'with the columns in another order',
      rows: [[...HEADER].reverse(), [...ROW].reverse()],
    },
  ])('finds the header $where', ({ rows }) => {
    expect(sheetsToEntries([{ name: '20 社会救助', rows }], [])).toEqual({ entries: [ROW_CONTENT], issues: [] });
  });

  it.each([
    { name: '20', fieldCode: '20' },
    { name: '20 社会救助', fieldCode: '20' },
    { name: '20社会救助', fieldCode: '20' },
    { name: '社会救助', fieldCode: '20' },
    { name: '社会救助领域', fieldCode: '20' },
    { name: '04 财政预决算', fieldCode: '04' },
    { name: 'L01 乡村振兴', fieldCode: 'L01' },
    { name: '乡村振兴', fieldCode: 'L01' },
  ])('reads the field of sheet “$name” as $fieldCode', ({ name, fieldCode }) => {
    const result = sheetsToEntries([{ name, rows: [HEADER, ROW] }], LOCAL_FIELDS);
    expect(result.issues).toEqual([]);
    expect(result.entries.map((e) => e.fieldCode)).toEqual([fieldCode]);
  });

  it.each(['Sheet1', '目录', 'L01 乡村振兴'])('refuses sheet “%s” whose field it cannot tell', (name) => {
    expect(sheetsToEntries([{ name, rows: [HEADER, ROW] }], [])).toEqual({
      entries: [],
      issues: [
        {
          sheet: name,
          row: null,
          column: null,
          message: '无法从工作表名称识别所属领域：请以领域代码（如“20”）或领域名称（如“社会救助”）命名工作表。',
        },
      ],
    });
  });

  it('reports every missing column at the header’s row', () => {
    const header = HEADER.filter((h) => h !== '公开方式' && h !== '公开主体');
    expect(sheetsToEntries([{ name: '20 社会救助', rows: [['标题'], header] }], [])).toEqual({
      entries: [],
      issues: [
        { sheet: '20 社会救助', row: 2, column: null, message: '缺少“公开主体”列。' },
        { sheet: '20 社会救助', row: 2, column: null, message: '缺少“公开方式”列。' },
      ],
    });
  });

  it('reports a sheet without a header', () => {
    expect(sheetsToEntries([{ name: '20 社会救助', rows: [['标题'], ['低保', '主动']] }], []).issues).toEqual([
      { sheet: '20 社会救助', row: null, column: null, message: '找不到表头行（应包含“一级事项”“公开方式”等列）。' },
    ]);
  });

  it('reports an empty 一级事项 and a bad 公开方式 by sheet, row and column letter, and returns no entries', () => {
    const sheets: Sheet[] = [
      {
        name: '20 社会救助',
        rows: [
          ['标题'],
          HEADER,
          ROW,
          ROW.map((cell, i) => (i === 1 ? '' : cell)),
          ROW.map((cell, i) => (i === 9 ? '公开' : cell)),
        ],
      },
      // One empty column before the table moves every letter one to the right.
      {
        name: '社会救助',
        rows: [
          ['', ...HEADER],
          ['', ...ROW.map((cell, i) => (i === 9 ? '被动' : cell))],
        ],
      },
    ];
    expect(sheetsToEntries(sheets, [])).toEqual({
      entries: [],
      issues: [
        { sheet: '20 社会救助', row: 4, column: 'B列（一级事项）', message: '一级事项不能为空。' },
        {
          sheet: '20 社会救助',
          row: 5,
          column: 'J列（公开方式）',
          message: '公开方式只能填写“主动”或“依申请”（可同时填写，用顿号分隔）。',
        },
        {
          sheet: '社会救助',
          row: 2,
          column: 'K列（公开方式）',
          message: '公开方式只能填写“主动”或“依申请”（可同时填写，用顿号分隔）。',
        },
      ],
    });
  });

  it.each([
    { column: 3, name: '公开内容(要素)', value: '', message: '请填写公开内容（要素）。' },
    {
      column: 4,
      name: '公开依据',
      value: '【通知】《关于…》',
      message: '公开依据的类别“通知”不正确，应为：法律、行政法规、规章、规范性文件、其他。',
    },
    { column: 5, name: '公开时限', value: '', message: '请填写公开时限。' },
    { column: 6, name: '公开主体', value: '', message: '请填写公开主体。' },
    { column: 7, name: '公开渠道和载体', value: '□政府网站', message: '请至少填写一个公开渠道。' },
    {
      column: 8,
      name: '公开对象',
      value: '群众',
      message: '公开对象只能填写“全社会”或“特定群体”（可同时填写，用顿号分隔）。',
    },
    { column: 10, name: '公开层级', value: '市级', message: '公开层级只能填写“县级”“乡级”或“村级”（可同时填写）。' },
  ])('reports a bad $name in its column', ({ column, name, value, message }) => {
    const row = ROW.map((cell, i) => (i === column ? value : cell));
    expect(sheetsToEntries([{ name: '20', rows: [HEADER, row] }], []).issues).toEqual([
      { sheet: '20', row: 2, column: `${columnLetter(column)}列（${name}）`, message },
    ]);
  });

  it('skips empty rows, rows holding only a 序号, and empty sheets', () => {
    const sheets: Sheet[] = [
      { name: 'Sheet2', rows: [[''], []] },
      { name: '20', rows: [HEADER, [], ['1'], ROW, ['', '', ''], ['9']] },
    ];
    expect(sheetsToEntries(sheets, [])).toEqual({ entries: [ROW_CONTENT], issues: [] });
  });

  it('says so when the file holds no entry at all', () => {
    expect(sheetsToEntries([{ name: '20', rows: [HEADER] }], [])).toEqual({
      entries: [],
      issues: [{ sheet: '', row: null, column: null, message: '文件中没有任何目录事项。' }],
    });
  });
});

describe('columnLetter', () => {
  it.each([
    [0, 'A'],
    [9, 'J'],
    [25, 'Z'],
    [26, 'AA'],
    [27, 'AB'],
    [51, 'AZ'],
    [52, 'BA'],
    [701, 'ZZ'],
    [702, 'AAA'],
  ])('column %i is %s', (index, letter) => {
    expect(columnLetter(index)).toBe(letter);
  });
});

describe('describeSheetIssue', () => {
  it.each([
    {
      issue: { sheet: '20 社会救助', row: 5, column: 'J列（公开方式）', message: '公开方式有误。' },
      text: '工作表“20 社会救助” 第5行 J列（公开方式）：公开方式有误。',
    },
    {
      issue: { sheet: '21 养老服务', row: 1, column: null, message: '缺少“公开方式”列。' },
      text: '工作表“21 养老服务” 第1行：缺少“公开方式”列。',
    },
    {
      issue: { sheet: '', row: null, column: null, message: '文件中没有任何目录事项。' },
      text: '文件中没有任何目录事项。',
    },
  ])('reads out $text', ({ issue, text }) => {
    expect(describeSheetIssue(issue)).toBe(text);
  });
});
