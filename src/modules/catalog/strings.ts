/** User-facing text of the catalog module's back office. */
export const CATALOG_TEXT = {
  title: '标准目录',
  noWorkingVersion: '该单位没有正在编制的目录版本，请先点击“开始编制”或“调整目录”。',
  started: '已创建目录版本，可以开始编制。',
  templateImported: '已导入领域标准模板，请结合本单位实际逐条核对修改。',
  sheetImported: '已导入 Excel 目录。',
  submitted: '已提交区政府办公室审核。',
  approved: '目录已审核通过并在政府信息公开专栏发布。',
  returned: '已退回单位修改，意见已逐条送达。',
  entrySaved: '目录事项已保存。',
  entryRemoved: '目录事项已删除。',
  negativeAdded: '已加入不予公开事项清单。',
  negativeRemoved: '已从不予公开事项清单删除。',
} as const;
