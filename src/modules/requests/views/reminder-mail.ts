import { chineseDate } from '../domain/letter.ts';
import type { MailMessage } from '../../../platform/mail.ts';
import type { ReminderDue } from '../domain/reminders.ts';
import type { FoiRequest } from '../domain/request.ts';

/**
 * A deadline reminder to an officer or the unit head. It names the request by its tracking code and
 * subject only: the applicant's identity and contacts never travel by mail.
 */
export function reminderMail(options: {
  to: string;
  recipientName: string;
  request: Pick<FoiRequest, 'id' | 'trackingCode' | 'description'>;
  agencyName: string;
  reminder: ReminderDue;
  adminUrl: string;
}): MailMessage {
  const { request, reminder } = options;
  const link = `${options.adminUrl}/admin/ysqgk/${request.id}`;
  const due = chineseDate(reminder.dueOn);
  const subject = {
    due_soon:
      reminder.workingDaysLeft === 0
        ? `【依申请公开】${request.trackingCode} 今日到期`
        : `【依申请公开】${request.trackingCode} 将于${due}到期（剩 ${reminder.workingDaysLeft} 个工作日）`,
    overdue: `【依申请公开】${request.trackingCode} 已超过答复期限（${due}到期）`,
    consultation_due: `【依申请公开】${request.trackingCode} 征求意见期限已满（${due}）`,
  }[reminder.kind];
  const what = {
    due_soon: `该申请的答复期限为${due}，请在期限内答复（《政府信息公开条例》第三十三条）。`,
    overdue: `该申请的答复期限${due}已过，尚未答复。逾期未答复的，申请人可以依法申请行政复议或者提起行政诉讼（《政府信息公开条例》第五十一条），请尽快办理。`,
    consultation_due: `向${reminder.party ?? '被征求意见方'}征求意见的15个工作日已于${due}届满（《政府信息公开条例》第三十二条）。第三方逾期未提出意见的，由行政机关依照条例规定决定是否公开；请登记征求意见结果，答复期限随之恢复计算。`,
  }[reminder.kind];
  const description = request.description.length > 60 ? `${request.description.slice(0, 60)}……` : request.description;
  return {
    to: options.to,
    subject,
    text: [
      `${options.recipientName}：`,
      '',
      `${options.agencyName}收到的政府信息公开申请（查询码 ${request.trackingCode}）：`,
      `  申请内容：${description}`,
      '',
      what,
      '',
      `办理页面：${link}`,
      '',
      '本邮件由政务公开平台自动发送，请勿直接回复。',
    ].join('\n'),
  };
}
