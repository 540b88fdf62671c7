import { describe, expect, it } from 'vitest';
import { publicationMessage, SMS_MAX_CHARACTERS, smsText } from './compose.ts';

describe('smsText', () => {
  const url = 'https://gk.example.gov.cn/xxgk/doc/0123456789abcdef';

  it.each([
    { text: '测试区教育局发布《通知》', url, expected: `【示范区】测试区教育局发布《通知》 ${url}` },
    { text: '短', url: undefined, expected: '【示范区】短' },
  ])('fits $text', ({ text, url: link, expected }) => {
    expect(smsText({ site: '示范区', text, url: link })).toBe(expected);
  });

  it.each([10, 30, 60, 200])('stays within 70 characters with a %i-character title', (length) => {
    const sms = smsText({ site: '示范区政务公开', text: '关'.repeat(length), url });
    expect([...sms].length).toBeLessThanOrEqual(SMS_MAX_CHARACTERS);
  });

  it('drops the link when fewer than ten characters of text would fit beside it', () => {
    const long = `https://gk.example.gov.cn/${'x'.repeat(40)}`;
    const sms = smsText({ site: '示范区', text: '关于做好2026年春季学期开学工作的通知', url: long });
    expect(sms).not.toContain('https://');
    expect([...sms].length).toBeLessThanOrEqual(SMS_MAX_CHARACTERS);
    expect(sms.endsWith('…')).toBe(false);
  });
});

describe('publicationMessage', () => {
  it('names the unit, number, date and link, and the change of an update', () => {
    const message = publicationMessage({
      site: '示范区政务公开',
      title: '关于减免小微企业房租的通知',
      orgName: '示范区财政局',
      docNumber: '示财发〔2026〕3号',
      publishedOn: '2026-03-02',
      summary: '为减轻小微企业负担……',
      url: 'https://gk.example.gov.cn/xxgk/doc/abc',
      shortUrl: 'https://gk.example.gov.cn/d/abc',
      isUpdate: true,
      changeNote: '延长执行期限',
    });
    expect(message.subject).toBe('【示范区政务公开】关于减免小微企业房租的通知');
    for (const part of [
      '发布单位：示范区财政局',
      '文号：示财发〔2026〕3号',
      '发布日期：2026-03-02',
      '更新说明：延长执行期限',
      '查看全文：https://gk.example.gov.cn/xxgk/doc/abc',
    ]) {
      expect(message.body).toContain(part);
    }
    expect([...message.sms].length).toBeLessThanOrEqual(SMS_MAX_CHARACTERS);
  });
});
