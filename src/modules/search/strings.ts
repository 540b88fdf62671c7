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
