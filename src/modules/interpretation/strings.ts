/** User-facing text of the interpretation module (政策解读, 回应关切). */
export const INTERPRETATION_TEXT = {
  kinds: {
    text: '文字解读',
    graphic: '图解',
    qa: '简明问答',
    media: '媒体解读',
    video: '视频/动漫',
    case: '案例说明',
  },
  chartTypes: { bar: '柱状图', line: '折线图', pie: '饼图', table: '表格' },
  submitted: '图解已提交审核，由本单位审核人审核发布。',
  titleRequired: '请填写解读的标题。',
  titleTooLong: (max: number) => `标题不能超过${max}个字。`,
  policyRequired: '请选择本解读所解读的政策文件（至少一件）。',
  tooManyPolicies: (max: number) => `一篇解读最多关联${max}件政策文件。`,
  policyNotPublished: (id: string) => `所解读的文件（${id}）不存在或尚未公开；只能解读已公开的政策文件。`,
  graphic: {
    noBlocks: '图解至少要有一个内容块（标题、文字、关键数字或图表）。',
    tooManyBlocks: (max: number) => `一篇图解最多${max}个内容块，请精简或拆分为几篇。`,
    required: (field: string) => `请填写${field}。`,
    tooLong: (field: string, max: number) => `${field}不能超过${max}个字。`,
    figureNotNumber: (value: string) => `关键数字「${value}」不是数字；单位请写在“单位”中，例如 1350 人、12.5 %。`,
    descriptionTooShort: (min: number) => `请用至少${min}个字说明这张图表示什么（看不见图的读者靠这段文字了解它）。`,
    noChart: '图解至少要有一张图表或一个关键数字。',
  },
  chart: {
    empty: '请粘贴或填写图表数据：第一行为表头（类别名称、各数据系列名称），其下每行一个类别。',
    tooLong: (max: number) => `图表数据不能超过${max}个字符，请汇总后再做图。`,
    headerOnly: '只有表头，没有数据行：请在表头下方每行填写一个类别及其数值。',
    headerTooShort: '表头至少要有两列：第一列是类别名称，其后每列是一个数据系列。',
    tooManySeries: (max: number, found: number) => `一张图最多${max}个数据系列，表头有${found}个。`,
    tooManyRows: (max: number, found: number) =>
      `一张图最多${max}行数据（不含表头），粘贴的有${found}行；请汇总后再做图，明细可作为附件公开。`,
    blankRow: (row: number) => `第${row}行是空行，请删除空行或补全该行数据。`,
    cellCount: (row: number, found: number, expected: number) =>
      `第${row}行有${found}列，表头有${expected}列，请逐列对齐（用制表符或逗号分隔）。`,
    blankLabel: (row: number) => `第${row}行第1列（类别名称）为空。`,
    blankCell: (row: number, column: number) => `第${row}行第${column}列为空，请填写数值（没有数据请填0）。`,
    notNumber: (row: number, column: number, value: string) =>
      `第${row}行第${column}列「${value}」不是数字，请只填写数值（单位写在“计量单位”中）。`,
    pieOneSeries: (found: number) => `饼图只能有一个数据系列，表头有${found}个；请改用柱状图或折线图。`,
    pieNegative: (row: number) => `饼图的数值不能为负数（第${row}行）。`,
    moreIssues: (count: number) => `另有${count}处问题，请先修改以上各处。`,
  },
} as const;
