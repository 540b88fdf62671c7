import { describe, expect, it } from 'vitest';
import { xmlText } from './xml-text.ts';

describe('xmlText', () => {
  it.each([
    ['plain Chinese', '关于调整临时救助标准的通知', '关于调整临时救助标准的通知'],
    ['markup', '<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['an entity already escaped', '&amp; 与 &', '&amp;amp; 与 &amp;'],
    ['both quotes', `"甲"与'乙'`, '&quot;甲&quot;与&#39;乙&#39;'],
    ['control characters XML forbids', 'a\u0000b\u0008c\u001fd\u000be', 'abcde'],
    ['tab, newline and carriage return kept', 'a\tb\nc\rd', 'a\tb\nc\rd'],
    ['a lone surrogate removed, a pair kept', 'x\uD800y😀z', 'xy😀z'],
    ['the two non-characters removed', 'a\uFFFEb\uFFFFc', 'abc'],
  ])('%s', (_case, input, expected) => {
    expect(xmlText(input)).toBe(expected);
  });
});
