/** User-facing text of the orgs module. */
export const ORG_TEXT = {
  created: '单位已创建。',
  saved: '单位信息已保存。',
  codeShape: '单位代码须为2至32位字母、数字或连字符。',
  nameLength: '单位名称须为2至100个字。',
  creditCodeInvalid: '统一社会信用代码格式或校验位不正确。',
  onlyDistrictAtTop: '只有区政府可以作为顶级单位。',
  childNotAllowed: (parentType: string, childType: string) => `${parentType}下不能设立${childType}。`,
  parentMissing: '上级单位不存在。',
  codeTaken: '该单位代码已被使用。',
} as const;
