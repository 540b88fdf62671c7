/** User-facing text of the search module. */
export const SEARCH_TEXT = {
  queryTooShort: '请至少输入两个字（汉字、字母或数字）再检索。',
  queryOnlyPunctuation: '检索词只有标点或符号，请输入汉字、字母或数字。',
  queryTooLong: (max: number) => `检索词过长，请控制在${max}个字以内。`,
  orgUnknown: '没有找到这个发布机构，请从列表中选择。',
  dateInvalid: '日期格式应为“年-月-日”，例如 2026-01-31。',
  dateOrder: '开始日期不能晚于结束日期。',
  noneFound: '没有找到包含这些字词的公开信息。',
  found: (total: number) => `共找到 ${total} 条公开信息。`,
  foundAbout: (total: number) => `约找到 ${total} 条公开信息。`,
  validityUnknown: '没有这种有效性，请从列表中选择。',
  topicUnknown: '没有这个主题分类，请从列表中选择。',
  synonymTermTooLong: (line: number, term: string, max: number) =>
    `第${line}行：“${term}…”过长，每个词不超过${max}个字。`,
  synonymTermUnsearchable: (line: number, term: string) =>
    `第${line}行：“${term}”不能用于检索，每个词至少两个字（汉字、字母或数字）。`,
  synonymGroupTooSmall: (line: number) => `第${line}行只有一个词，同义词组至少要有两个不同的词，如“医保 = 医疗保障”。`,
  synonymGroupTooLarge: (line: number, max: number) => `第${line}行的词过多，每组不超过${max}个词。`,
  synonymTooManyGroups: (max: number) => `同义词组过多，最多${max}组。`,
  synonymsTooLong: '同义词表过长，请精简后再保存。',
  synonymsSaved: '检索同义词已保存，站内检索即时生效。',
  synonymsTitle: '检索同义词',
  attachmentMatched: (name: string) => `附件《${name}》`,
  kindCatalog: '标准目录事项',
  largeResultSet: (max: number) => `检索结果超过${max}条，不显示分类统计，请加检索词或筛选条件缩小范围。`,
} as const;

/** The downloads of a result set: the table's columns, file names and notes. */
export const EXPORT_TEXT = {
  columns: ['标题', '文号', '索引号', '发布机构', '发布日期', '有效性', '体裁', '领域', '链接'],
  sheetName: '检索结果',
  fileName: (q: string, date: string, extension: string) => `检索结果_${q}_${date}.${extension}`,
  truncated: (total: number, max: number, exact: boolean) =>
    `说明：${exact ? '共' : '约'}找到 ${total} 条公开信息，本文件只含按当前排序的前 ${max} 条；请增加筛选条件缩小范围后再下载其余部分。`,
  heading: '下载检索结果',
  intro: (max: number) =>
    `将本次检索找到的信息目录（标题、文号、索引号、发布机构、发布日期、有效性、体裁、领域、链接）下载为表格，最多 ${max} 条。`,
  overLimit: (total: number, max: number, exact: boolean) =>
    `本次${exact ? '共' : '约'}找到 ${total} 条，下载的表格只含前 ${max} 条；可增加筛选条件缩小范围。`,
  csv: '下载 CSV 表格',
  xlsx: '下载 Excel 表格（XLSX）',
} as const;
