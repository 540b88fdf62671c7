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
  'survey.drafted': '起草网络调查',
  'survey.edited': '修改网络调查',
  'survey.published': '发布网络调查',
  'survey.closed': '结束网络调查',
  'survey.answered': '提交调查答卷',
  'message.submitted': '提交留言',
  'message.accepted': '受理留言',
  'message.transferred': '转办留言',
  'message.answered': '答复留言',
  'message.declined': '留言不予受理',
  'message.rated': '评价留言答复',
  'message.alert_sent': '发送留言办理提醒',
  'decision.listed': '列入重大行政决策事项目录',
  'decision.edited': '修改重大行政决策事项',
} as const satisfies AuditActionLabels;

/** An audit entry of one of the participation module's actions. */
export const participationEntry = entryBuilder(PARTICIPATION_AUDIT_ACTIONS);
