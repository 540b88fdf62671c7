/** User-facing text of the calendar module. */
export const CALENDAR_TEXT = {
  chooseFile: '请选择要导入的文件。',
  imported: (years: number[], extraDays: number) =>
    `已导入：${years.join('、') || '无完整年份'}；另设置 ${extraDays} 个单日。`,
  daySaved: '已保存。',
  notJson: '文件不是有效的 JSON。',
  jsonItemShape: '应为 { "date": "YYYY-MM-DD", "isOffDay": true 或 false }。',
  dateShape: '日期格式应为 YYYY-MM-DD。',
  jsonShape: '无法识别的格式：应为日期数组，或包含 holidays 和 workdays 的对象。',
  eventIncomplete: '事件缺少日期，或摘要中没有“休”或“班”。',
  eventTooLong: (days: number) => `一个事件不能超过${days}天。`,
  unknownDate: (raw: string) => `无法识别的日期：${raw}`,
  tooManyDays: (days: number) => `一个文件最多设置${days}天。`,
  dayBothWays: '同一天既标为休息又标为上班。',
  noDays: '文件中没有任何日期。',
  noticeRefused: '节假日文件有误，未导入任何内容。',
  dayShape: '日期格式应为“年-月-日”，例如2027-10-01。',
} as const;
