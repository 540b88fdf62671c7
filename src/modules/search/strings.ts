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
