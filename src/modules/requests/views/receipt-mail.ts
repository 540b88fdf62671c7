import { chinaDateTime } from '../../../platform/clock.ts';
import type { MailMessage } from '../../../platform/mail.ts';

/** The e-mail receipt of an online application: what was received, its tracking code, what happens next. */
export function receiptMail(options: {
  to: string;
  applicantName: string;
  trackingCode: string;
  agencyName: string;
  submittedAt: string;
  trackUrl: string;
}): MailMessage {
  return {
    to: options.to,
    subject: `政府信息公开申请回执（查询码 ${options.trackingCode}）`,
    text: [
      `${options.applicantName}：`,
      '',
      `您于 ${chinaDateTime(options.submittedAt)}（北京时间）向${options.agencyName}提交的政府信息公开申请已保存。`,
      `申请查询码：${options.trackingCode}`,
      '',
      '受理机关确认收到申请后开始计算答复期限。通过互联网提交的申请，以双方确认之日为收到申请之日（《政府信息公开条例》第三十一条）；受理机关自收到申请之日起20个工作日内答复，需要延长的，经批准可延长不超过20个工作日（第三十三条）。',
      '',
      `查询办理进度：${options.trackUrl}（需输入查询码和手机号码后4位或本电子邮箱）`,
      '',
      '本邮件由系统自动发送，请勿直接回复。',
    ].join('\n'),
  };
}
