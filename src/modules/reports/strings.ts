/** The reports module's user-facing text (Simplified Chinese). */
export const REPORT_TEXT = {
  listTitle: '政府信息公开工作年度报告',
  editTitle: (unitName: string, year: number) => `${unitName}${year}年度报告`,
  countRequired: (label: string) => `请填写${label}，没有的填0。`,
  countShape: (label: string) => `${label}应为不超过九位数的非负整数。`,
  feeShape: '行政事业性收费金额应为非负数（单位：万元），最多保留四位小数，例如12.5。',
  sectionTooLong: (label: string, max: number) => `“${label}”不能超过${max}个字。`,
  sectionRequired: (label: string) => `请填写“${label}”后再提交发布。`,
  yearNotOver: (year: number) => `${year}年尚未结束，年度报告只能在年度结束后发布。`,
  checkFailed: (problems: string[]) => `表三核对未通过，不能发布：${problems.join('；')}。请核实申请办理记录后再提交。`,
  balanceProblem: (column: string, left: number, right: number) =>
    `${column}列：第一项加第二项之和（${left}）不等于第三项（七）加第四项之和（${right}）`,
  resultsProblem: (column: string, left: number, right: number) =>
    `${column}列：第三项（七）总计（${left}）不等于各项办理结果之和（${right}）`,
  totalProblem: (row: string, left: number, right: number) =>
    `“${row}”行：总计（${left}）不等于各类申请人之和（${right}）`,
  saved: '年度报告草稿已保存。',
  submitted: '年度报告已通过勾稽关系核对并提交审核，审核人员发布后将在“政府信息公开年报”栏目公开。',
  districtWide: '全区',
  demoNote: '（示范区演示数据）',
} as const;
