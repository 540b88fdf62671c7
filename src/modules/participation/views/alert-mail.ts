import type { MailMessage } from '../../../platform/mail.ts';
import type { MessageAlert } from '../domain/message-clock.ts';
import { MESSAGE_KIND_LABELS, type Message } from '../domain/message.ts';

/**
 * An alert about a message to the unit (reminder) or the district office (escalation, the
 * three-month warnings). It names the message by tracking code and title only: the resident's name
 * and contact never travel by mail.
 */
export function messageAlertMail(options: {
  to: string;
  recipientName: string;
  message: Pick<Message, 'id' | 'trackingCode' | 'title' | 'kind' | 'receivedOn'>;
  unitName: string;
  alert: MessageAlert;
  adminUrl: string;
}): MailMessage {
  const { message, alert } = options;
  const ref = `${MESSAGE_KIND_LABELS[message.kind]}留言 ${message.trackingCode}`;
  const subject = {
    reminder: `【政民互动】${ref} 将于${alert.dueOn}到期，请及时答复`,
    escalation: `【政民互动】${options.unitName}的${ref} 已超过答复期限（${alert.dueOn}）`,
    three_month: `【政民互动】${options.unitName}的${ref} 即将满3个月未答复（${alert.threeMonthsOn}）`,
    three_month_breached: `【政民互动】${options.unitName}的${ref} 已超过3个月未答复`,
  }[alert.kind];
  const what = {
    reminder: `该留言的答复期限为${alert.dueOn}，请在期限内答复。`,
    escalation: `该留言的答复期限${alert.dueOn}已过，${options.unitName}尚未答复，请督促办理。`,
    three_month: `该留言于${message.receivedOn}收到，至${alert.threeMonthsOn}满3个月。有效留言超过3个月未答复的，政府网站检查中“互动回应差”单项否决（国办秘函〔2019〕19号），请立即督办。本提醒在答复前每隔几个工作日重复发送。`,
    three_month_breached: `该留言于${message.receivedOn}收到，已超过3个月（${alert.threeMonthsOn}）仍未答复，属于政府网站检查“互动回应差”单项否决情形（国办秘函〔2019〕19号），请立即督办并答复。`,
  }[alert.kind];
  return {
    to: options.to,
    subject,
    text: [
      `${options.recipientName}：`,
      '',
      `${options.unitName}收到的${ref}：${message.title}`,
      '',
      what,
      '',
      `办理页面：${options.adminUrl}/admin/participation/messages/${message.id}`,
      '',
      '本邮件由政务公开平台自动发送，请勿直接回复。',
    ].join('\n'),
  };
}
