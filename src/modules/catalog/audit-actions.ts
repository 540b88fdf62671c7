import { entryBuilder, type AuditActionLabels } from '../audit/index.ts';

/** What the catalog module records in the audit log, with the viewer's labels. */
export const CATALOG_AUDIT_ACTIONS = {
  'catalog.version_started': '开始编制目录新版本',
  'catalog.template_imported': '导入目录模板',
  'catalog.sheet_imported': '导入目录表格',
  'catalog.entry_added': '新增目录事项',
  'catalog.entry_changed': '修改目录事项',
  'catalog.entry_removed': '删除目录事项',
  'catalog.negative_item_added': '新增负面清单事项',
  'catalog.negative_item_removed': '删除负面清单事项',
  'catalog.submitted': '提交目录审核',
  'catalog.returned': '退回目录修改',
  'catalog.approved': '批准发布目录',
  'catalog.local_field_added': '新增本地领域',
} as const satisfies AuditActionLabels;

/** An audit entry of one of the catalog module's actions. */
export const catalogEntry = entryBuilder(CATALOG_AUDIT_ACTIONS);

/** One of the catalog module's audit actions. */
export type CatalogAuditAction = keyof typeof CATALOG_AUDIT_ACTIONS;
