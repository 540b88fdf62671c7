import { describe, expect, it } from 'vitest';
import { charWidthEm, fitText, textWidth, wrapText } from './text-layout.ts';

describe('charWidthEm', () => {
  it.each([
    ['汉', 1],
    ['，', 1],
    ['。', 1],
    ['（', 1],
    ['Ａ', 1],
    ['“', 1],
    ['가', 1],
    ['a', 0.55],
    ['7', 0.55],
    ['%', 0.55],
    [' ', 0.55],
  ])('counts %j as %d em', (char, em) => {
    expect(charWidthEm(char)).toBe(em);
  });

  it('adds a text up in pixels', () => {
    expect(textWidth('低保1350人', 20)).toBeCloseTo(3 * 20 + 4 * 0.55 * 20);
  });
});

/** Lines at 10 px a character, so `em` characters of CJK fill a line. */
const wrap = (text: string, em: number) => wrapText(text, em * 10, 10);

describe('wrapText', () => {
  it.each([
    ['breaks between any two CJK characters', '一二三四五六七八九十', 5, ['一二三四五', '六七八九十']],
    ['keeps a Latin word whole', '低保标准Hello世界', 5, ['低保标准', 'Hello世界']],
    ['keeps a number whole', '标准提高到1000元', 6, ['标准提高到', '1000元']],
    ['keeps a grouped number with its decimals whole', '共计12,345.5万元', 6, ['共计', '12,345.5万', '元']],
    ['breaks at spaces and drops them at the break', 'Hello world again', 7, ['Hello world', 'again']],
    [
      'never starts a line with a comma: the character before it goes down too',
      '一二三四五，六七',
      5,
      ['一二三四', '五，六七'],
    ],
    ['never starts a line with a full stop', '城乡低保对象。共计', 6, ['城乡低保对', '象。共计']],
    ['never starts a line with 、', '甲乙丙丁戊、己', 5, ['甲乙丙丁', '戊、己']],
    ['never starts a line with a closing bracket', '一二三四五）六', 5, ['一二三四', '五）六']],
    ['never starts a line with 》 or 」', '见《办法》「第一条」', 4, ['见《办', '法》「第', '一条」']],
    ['never ends a line with an opening bracket', '一二三四（五六）', 5, ['一二三四', '（五六）']],
    ['moves two closing marks down together', '一二三四五。」', 5, ['一二三四', '五。」']],
    ['lets a closing mark hang when its line has one character only', '一，', 1, ['一，']],
    ['reads line breaks as spaces', '第一行\n第二行', 20, ['第一行 第二行']],
    ['keeps the ideographic space, an em wide', '甲　乙丙', 2, ['甲　', '乙丙']],
    ['gives nothing for blank text', ' \n ', 10, []],
  ])('%s', (_name, text, em, expected) => {
    expect(wrap(text, em)).toEqual(expected);
  });

  it('breaks a Latin word wider than a line anywhere, filling each line', () => {
    const url = 'https://www.example.gov.cn/xxgk/doc/0123456789abcdef';
    const lines = wrap(url, 5);
    expect(lines.join('')).toBe(url);
    expect(lines.slice(0, -1).every((line) => line.length === 9)).toBe(true); // 9 × 0.55 em ≤ 5 em
    expect(lines.every((line) => textWidth(line, 10) <= 50)).toBe(true);
  });

  it('keeps every line within the width over a long mixed paragraph', () => {
    const text =
      '2025年全区城乡低保标准提高到每人每月1000元，比上年增加50元（增长5.3%）；特困供养人员320人，' +
      '临时救助1,280人次。详见 https://www.example.gov.cn/xxgk 及《测试区城乡最低生活保障实施办法》。';
    const lines = wrapText(text, 654, 30);
    expect(lines.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
    for (const line of lines) {
      expect(textWidth(line, 30)).toBeLessThanOrEqual(654);
      expect(line).not.toMatch(/^[，。、；：？！）」》]/);
      expect(line).not.toMatch(/[（「《]$/);
    }
  });
});

describe('fitText', () => {
  it('keeps text that fits and cuts what does not with an ellipsis', () => {
    expect(fitText('城乡低保', 40, 10)).toBe('城乡低保');
    expect(fitText('城乡最低生活保障对象', 50, 10)).toBe('城乡最低…');
  });
});
