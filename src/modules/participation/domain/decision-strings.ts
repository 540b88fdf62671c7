/** User-facing text of the major-decisions directory (重大行政决策事项目录). */
export const DECISION_TEXT = {
  title: '重大行政决策事项目录',
  intro:
    '依据《重大行政决策程序暂行条例》第十条，本区各决策机关公布年度重大行政决策事项目录，列明每项决策采用的公众参与方式和办理进度；已公开征求意见的，可查看意见采纳情况。',
  none: '本年度暂无列入目录的重大行政决策事项。',
  orgRequired: '请选择决策单位。',
  yearInvalid: '年度应为2000至2100之间的年份。',
  titleRequired: '请填写决策事项名称。',
  tooLong: (max: number) => `不能超过${max}个字。`,
  methodUnknown: '公众参与方式不在可选范围内，请重新选择。',
  statusRequired: '请选择办理进度。',
  decidedOnRequired: '已决策的事项请填写决策日期（格式如 2026-03-01）。',
  withdrawnReasonRequired: '调出目录的事项须说明理由。',
  linkInvalid: '请填写本网站上的路径（以“/”开头）或以 https:// 开头的网址。',
  consultationUnknown: '关联的意见征集不存在或不属于本单位。',
  saved: '已保存。',
  badYear: '年度不正确。',
} as const;
