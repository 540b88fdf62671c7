import { entryBuilder, type AuditActionLabels } from '../audit/index.ts';

/** What the participation module records in the audit log, with the viewer's labels. */
export const PARTICIPATION_AUDIT_ACTIONS = {
  'consultation.drafted': '起草征求意见',
  'consultation.edited': '修改征求意见草稿',
  'consultation.published': '发布征求意见',
  'consultation.revised': '发布草案新版本',
  'consultation.completed': '发布意见采纳情况',
  'comment.submitted': '提交意见',
  'comment.hidden': '隐藏意见',
  'comment.shown': '恢复显示意见',
  'comment.disposed': '反馈意见处理结果',
} as const satisfies AuditActionLabels;

/** An audit entry of one of the participation module's actions. */
export const participationEntry = entryBuilder(PARTICIPATION_AUDIT_ACTIONS);
