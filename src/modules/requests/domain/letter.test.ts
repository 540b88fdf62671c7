import { describe, expect, it } from 'vitest';
import { chineseDate, composeReplyLetter, letterText } from './letter.ts';
import type { FoiRequest } from './request.ts';
import { REGISTERED } from './request.fixture.ts';

const replied = (reply: Partial<NonNullable<FoiRequest['reply']>>, more: Partial<FoiRequest> = {}) => ({
  ...REGISTERED,
  ...more,
  state: 'replied' as const,
  reply: { outcome: '3.1' as const, repliedOn: '2026-10-09', reason: '', withheld: [], letter: null, ...reply },
});
const EDU = { type: 'department', name: '示范区教育局' };

/** The reply letter (告知书): outcome, reasons, basis, withheld parts and remedies (条例 Art. 36, 37). */
describe('composeReplyLetter', () => {
  it('tells the history, the partial disclosure with each withheld part, the basis and the remedies', () => {
    const letter = composeReplyLetter(
      replied(
        {
          outcome: '3.2',
          reason: '所申请信息部分涉及第三方商业秘密。',
          withheld: [{ part: '附件2 投标报价明细', reason: '涉及商业秘密' }],
        },
        {
          pauses: [{ reason: 'third_party', from: '2026-09-22', until: '2026-10-09' }],
          extension: { workingDays: 10, approvedBy: '负责人', approvedOn: '2026-10-09' },
        },
      ),
      EDU,
      '示范区人民政府',
    );
    const text = letterText(letter);
    for (const part of [
      '示范区教育局\n政府信息公开申请答复告知书\nYS-23456-23456\n张示范：',
      '本机关于2026年9月18日收到您提出的政府信息公开申请，申请获取“示范区2026年学校招生计划”。',
      '征求意见所需时间不计算在答复期限内',
      '答复期限延长10个工作日',
      '对可以公开的部分予以公开',
      '不予公开的内容及理由：\n1. 附件2 投标报价明细：涉及商业秘密',
      '依据：《中华人民共和国政府信息公开条例》第三十七条。',
      '六十日内向示范区人民政府申请行政复议',
      '六个月内向人民法院提起行政诉讼',
      '示范区教育局（印章）\n2026年10月9日',
    ]) {
      expect(text).toContain(part);
    }
  });

  it.each([
    { outcome: '3.1' as const, basis: '第三十六条第（一）项、第（二）项', standard: '决定予以公开' },
    { outcome: '3.3.4' as const, basis: '第十五条、第三十二条', standard: '决定不予公开' },
    { outcome: '3.4.1' as const, basis: '第三十六条第（四）项', standard: '无法提供' },
    { outcome: '3.5.2' as const, basis: '第三十六条第（六）项', standard: '不予处理' },
  ])('gives the standard text and basis of $outcome', ({ outcome, basis, standard }) => {
    const text = letterText(composeReplyLetter(replied({ outcome, reason: '理由如下。' }), EDU, '示范区人民政府'));
    expect(text).toContain(basis);
    expect(text).toContain(standard);
    expect(text).not.toContain('不予公开的内容及理由');
  });

  it('uses the district’s own wording of a standard text where it has one', () => {
    const text = letterText(
      composeReplyLetter(replied({ outcome: '3.1' }), EDU, '示范区人民政府', {
        予以公开: '本区措辞：予以公开，见附件。',
      }),
    );
    expect(text).toContain('本区措辞：予以公开，见附件。');
    expect(text).not.toContain('属于公开范围');
  });

  it('tells the applicant which agency discloses the information when this one does not hold it', () => {
    const text = letterText(
      composeReplyLetter(
        replied({ outcome: '3.4.1', reason: '经检索，本机关未制作或获取该信息。', referral: '示范区住房和城乡建设局' }),
        EDU,
        '示范区人民政府',
      ),
    );
    expect(text).toContain('该政府信息由示范区住房和城乡建设局负责公开，您可以向其提出申请');
  });

  it('sends a reconsideration of the district government itself to the government above it', () => {
    const text = letterText(
      composeReplyLetter(replied({}), { type: 'district', name: '示范区人民政府' }, '示范区人民政府'),
    );
    expect(text).toContain('六十日内向上一级人民政府申请行政复议');
  });

  it('addresses an organisation as 贵单位 and mentions the corrected application', () => {
    const organisation = { ...REGISTERED.applicant, kind: 'legal' as const, name: '示范律师事务所（演示）' };
    const text = letterText(
      composeReplyLetter(replied({}, { applicant: organisation, correctedOn: '2026-09-25' }), EDU, '示范区人民政府'),
    );
    expect(text).toContain('示范律师事务所（演示）：');
    expect(text).toContain('收到贵单位提出的');
    expect(text).toContain('经补正，本机关于2026年9月25日收到补正后的申请。');
  });

  it.each([
    ['2026-10-09', '2026年10月9日'],
    ['2027-01-01', '2027年1月1日'],
  ])('writes %s as %s', (date, chinese) => {
    expect(chineseDate(date)).toBe(chinese);
  });
});
