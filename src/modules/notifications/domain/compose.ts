import { NOTIFICATION_TEXT } from '../strings.ts';

/** A text message's length limit: one SMS of Chinese text is 70 characters, signature included. */
export const SMS_MAX_CHARACTERS = 70;

/**
 * The SMS of a message: 【site】 then the text, then the link if at least ten characters of the text
 * still fit beside it; the text is cut with “…” so the whole stays within 70 characters.
 */
export function smsText(options: { site: string; text: string; url?: string | undefined }): string {
  const head = `【${options.site}】`;
  const room = SMS_MAX_CHARACTERS - [...head].length;
  const withLink = options.url ? room - [...options.url].length - 1 : -1;
  const fit = (text: string, length: number) => {
    const chars = [...text];
    return chars.length <= length ? text : `${chars.slice(0, Math.max(0, length - 1)).join('')}…`;
  };
  if (options.url && withLink >= 10) return `${head}${fit(options.text, withLink)} ${options.url}`;
  return `${head}${fit(options.text, room)}`;
}

/**
 * What a publication's message says: subject, body (without the per-recipient footer) and SMS text.
 * The SMS is the title and the link: one message of 70 characters has no room for more.
 */
export function publicationMessage(options: {
  site: string;
  title: string;
  orgName: string;
  docNumber: string | null;
  publishedOn: string;
  summary: string;
  url: string;
  /** The page's short address, for the SMS. */
  shortUrl: string;
  isUpdate: boolean;
  changeNote: string | null;
}): { subject: string; body: string; sms: string } {
  const lines = [
    options.title,
    '',
    `发布单位：${options.orgName}`,
    ...(options.docNumber ? [`文号：${options.docNumber}`] : []),
    `发布日期：${options.publishedOn}`,
    ...(options.isUpdate ? [NOTIFICATION_TEXT.mail.updated(options.changeNote)] : []),
    '',
    options.summary,
    '',
    NOTIFICATION_TEXT.mail.read(options.url),
  ];
  return {
    subject: NOTIFICATION_TEXT.mail.publicationSubject(options.site, options.title),
    body: lines.join('\n'),
    sms: smsText({
      site: options.site,
      text: options.title,
      url: options.shortUrl,
    }),
  };
}

/** The body of a digest: each item's title, unit, date and link, numbered. */
export function digestBody(items: readonly { title: string; orgName: string; date: string; url: string }[]): string {
  return items
    .map((item, i) => `${i + 1}. ${item.title}\n   ${item.orgName}　${item.date}\n   ${item.url}`)
    .join('\n\n');
}
