import { OUTCOME_INFO } from './outcomes.ts';
import type { FoiRequest } from './request.ts';

/**
 * The reply letter (政府信息公开申请答复告知书): composed once, when the reply is given, and kept
 * with the request, so the letter the applicant received never changes when the standard texts are
 * edited later. Every letter states the outcome, its reasons and legal basis, each withheld part
 * with its reason (条例 Art. 37), and the remedies: 行政复议 within 60 days (《行政复议法》第二十条)
 * and 行政诉讼 within six months (《行政诉讼法》第四十六条).
 */
export type Letter = {
  agencyName: string;
  title: string;
  /** The request's tracking code, printed as the letter's reference. */
  reference: string;
  addressee: string;
  paragraphs: string[];
  withheld: { part: string; reason: string }[];
  /** The line above the seal: the agency's name and "（印章）". */
  sealLine: string;
  /** The date in Chinese: 2026年10月9日. */
  dateLine: string;
};

/** The standard wording of each outcome group, which the letter gives before the officer's reasons. */
export const STANDARD_REPLY_TEXTS: Record<string, string> = {
  予以公开: '经审查，您申请获取的政府信息属于公开范围，本机关决定予以公开，现按您要求的形式提供（见附件）。',
  部分公开:
    '经审查，您申请获取的政府信息中含有不应当公开的内容，但能够作区分处理。本机关决定对可以公开的部分予以公开（见附件），对不应当公开的内容不予公开。',
  不予公开: '经审查，您申请获取的政府信息属于依法不予公开的情形，本机关决定不予公开。',
  无法提供: '经审查，本机关无法提供您申请获取的政府信息。',
  不予处理: '经审查，您的申请属于依法不作为政府信息公开申请处理的情形，本机关不予处理。',
  其他处理: '您的申请按以下情形处理。',
};

/** Who reviews a decision of the agency: the district government, or for the district government itself, the one above it. */
function reviewBody(agency: { type: string; name: string }, districtName: string): string {
  return agency.type === 'district' ? '上一级人民政府' : districtName;
}

/** "2026-10-09" → "2026年10月9日". */
export function chineseDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/**
 * The reply letter of a request that has just been replied to.
 * @param districtName the district government's name (the reconsideration body for its departments and towns)
 */
export function composeReplyLetter(
  request: FoiRequest & { reply: NonNullable<FoiRequest['reply']> },
  agency: { type: string; name: string },
  districtName: string,
  /** The standard texts as the district worded them (the defaults where it did not). */
  texts: Readonly<Record<string, string>> = STANDARD_REPLY_TEXTS,
): Letter {
  const reply = request.reply;
  const info = OUTCOME_INFO[reply.outcome];
  const you = request.applicant.kind === 'natural' ? '您' : '贵单位';
  const receipt = request.receivedOn ? chineseDate(request.receivedOn) : chineseDate(request.submittedAt.slice(0, 10));
  const history: string[] = [
    `本机关于${receipt}收到${you}提出的政府信息公开申请，申请获取“${request.description}”${request.documentNumber ? `（文号：${request.documentNumber}）` : ''}。`,
  ];
  if (request.correctedOn) history.push(`经补正，本机关于${chineseDate(request.correctedOn)}收到补正后的申请。`);
  if (request.pauses.some((p) => p.reason === 'third_party')) {
    history.push('本机关依法书面征求了第三方的意见，征求意见所需时间不计算在答复期限内。');
  }
  if (request.pauses.some((p) => p.reason === 'other_agency')) {
    history.push('本机关依法征求了其他机关的意见，征求意见所需时间不计算在答复期限内。');
  }
  if (request.extension) {
    history.push(`经本机关政府信息公开工作机构负责人同意，答复期限延长${request.extension.workingDays}个工作日。`);
  }
  const paragraphs = [
    history.join(''),
    '现答复如下：',
    texts[info.group] ?? STANDARD_REPLY_TEXTS[info.group] ?? '',
    ...(reply.reason ? [reply.reason] : []),
    ...(reply.referral
      ? [
          `该政府信息由${reply.referral}负责公开，您可以向其提出申请（《中华人民共和国政府信息公开条例》第三十六条第（五）项）。`,
        ]
      : []),
    `依据：${info.basis}。`,
    `如对本答复不服，可以自收到本告知书之日起六十日内向${reviewBody(agency, districtName)}申请行政复议，或者自收到本告知书之日起六个月内向人民法院提起行政诉讼。`,
  ];
  return {
    agencyName: agency.name,
    title: '政府信息公开申请答复告知书',
    reference: request.trackingCode,
    addressee: `${request.applicant.name}：`,
    paragraphs,
    withheld: reply.withheld,
    sealLine: `${agency.name}（印章）`,
    dateLine: chineseDate(reply.repliedOn),
  };
}

/** The letter as plain text, one paragraph per line: for the archive and for checks. */
export function letterText(letter: Letter): string {
  return [
    letter.agencyName,
    letter.title,
    letter.reference,
    letter.addressee,
    ...letter.paragraphs.slice(0, 3),
    ...(letter.withheld.length > 0
      ? ['不予公开的内容及理由：', ...letter.withheld.map((w, i) => `${i + 1}. ${w.part}：${w.reason}`)]
      : []),
    ...letter.paragraphs.slice(3),
    letter.sealLine,
    letter.dateLine,
  ].join('\n');
}
