import { entryBuilder, type AuditActionLabels } from '../audit/index.ts';

/** What the requests module records in the audit log, with the viewer's labels. */
export const REQUEST_AUDIT_ACTIONS = {
  'request.submitted': '收到依申请公开申请',
  'request.registered': '确认收到申请（登记）',
  'request.assigned': '开始办理申请',
  'request.correction_requested': '发出补正通知',
  'request.corrected': '收到补正申请',
  'request.closed_uncorrected': '逾期未补正，终止办理',
  'request.consulted': '征求第三方或其他机关意见',
  'request.consultation_answered': '征求意见结束',
  'request.extended': '延长答复期限',
  'request.replied': '答复申请',
  'request.withdrawn': '申请人撤回申请',
  'request.applicant_viewed': '查看申请人完整身份信息',
  'request.fee_notified': '发出收费通知',
  'request.fee_paid': '登记已缴费',
  'request.closed_fee_unpaid': '逾期未缴费，终止办理',
  'request.reasons_requested': '要求申请人说明理由',
  'request.resumed': '申请理由合理，继续办理',
  'request.appeal_recorded': '登记行政复议或行政诉讼',
  'request.appeal_decided': '登记复议或诉讼结果',
  'request.reply_text_changed': '修改答复告知书标准文本',
  'request.delivered': '登记答复送达',
  'request.file_downloaded': '下载申请的附件、公开的信息或送达凭证',
  'request.archived': '申请归档',
  'request.case_exported': '导出申请案卷',
  'request.reminder_sent': '发送办理期限提醒',
  'request.status_pushed': '向省级平台推送办理状态',
} as const satisfies AuditActionLabels;

/** An audit entry of one of the requests module's actions. */
export const requestEntry = entryBuilder(REQUEST_AUDIT_ACTIONS);
