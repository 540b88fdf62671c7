import { describe, expect, it } from 'vitest';
import { hasVisibleCharacters, stripInvisibleControls } from './text.ts';

describe('stripInvisibleControls', () => {
  it.each([
    { text: '\u202egnp.pdf', expected: 'gnp.pdf' },
    { text: '通知\u200b全文.pdf', expected: '通知全文.pdf' },
    { text: '\ufeff关于开学的通知', expected: '关于开学的通知' },
    { text: 'a\u2066b\u2069c\u200ed\u200ff\u061cg', expected: 'abcdfg' },
    { text: '关于“双减”工作的通知（2026年）', expected: '关于“双减”工作的通知（2026年）' },
    { text: 'résumé — 简历', expected: 'résumé — 简历' },
  ])('turns $text into $expected', ({ text, expected }) => {
    expect(stripInvisibleControls(text)).toBe(expected);
  });
});

describe('hasVisibleCharacters', () => {
  it.each([
    { text: '\u200b', visible: false },
    { text: ' \u3000\u200b\u202e\t', visible: false },
    { text: '', visible: false },
    { text: '\u00a0', visible: false },
    { text: '通', visible: true },
    { text: '\u200bA', visible: true },
    { text: '1', visible: true },
  ])('says $visible for $text', ({ text, visible }) => {
    expect(hasVisibleCharacters(text)).toBe(visible);
  });
});
