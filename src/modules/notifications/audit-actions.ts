import { entryBuilder, type AuditActionLabels } from '../audit/index.ts';

/** What the notifications module records in the audit log, with the viewer's labels. */
export const NOTIFICATION_AUDIT_ACTIONS = {
  'subscription.requested': '申请订阅推送',
  'subscription.confirmed': '确认订阅推送',
  'subscription.changed': '修改订阅设置',
  'subscription.unsubscribed': '退订推送',
  'subscription.erased': '删除订阅和联系方式',
  'push.sent': '发送定向推送',
  'webhook.registered': '登记接口推送',
} as const satisfies AuditActionLabels;

/** An audit entry of one of the notifications module's actions. */
export const notificationEntry = entryBuilder(NOTIFICATION_AUDIT_ACTIONS);
