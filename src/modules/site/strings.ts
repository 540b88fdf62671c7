/** User-facing text of the site module. */
export const SITE_TEXT = {
  saved: '站点设置已保存。',
  siteNameRequired: '请填写网站名称。',
  organizerRequired: '请填写主办单位。',
  siteIdentifierShape: '网站标识码应为10位数字或字母。',
} as const;
