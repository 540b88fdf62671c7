import { describe, expect, it } from 'vitest';
import { indexTokens, normalizeText, parseQuery, tokenizedText } from './query.ts';
import { highlight } from './snippet.ts';

describe('normalizeText', () => {
  it.each([
    ['ＡＢＣ１２３', 'abc123'],
    ['余政办发[2020]16号', '余政办发〔2020〕16号'],
    ['余政办发(2020)16号', '余政办发〔2020〕16号'],
    ['余政办发（2020）16号', '余政办发〔2020〕16号'],
    ['余政办发【2020】16号', '余政办发〔2020〕16号'],
    ['余政办发〔2020〕16号', '余政办发〔2020〕16号'],
    ['GDP增长', 'gdp增长'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });
});

describe('indexTokens', () => {
  it.each([
    ['人力资源和社会保障局', ['人力', '力资', '资源', '源和', '和社', '社会', '会保', '保障', '障局']],
    ['低保', ['低保']],
    ['医', ['医']],
    ['余政办发〔2020〕16号文件', ['余政', '政办', '办发', '2020', '16', '号文', '文件']],
    ['ＧＤＰ同比增长５%', ['gdp', '同比', '比增', '增长', '5']],
    ['，。！', []],
  ])('%s', (input, expected) => {
    expect(indexTokens(input)).toEqual(expected);
  });

  it('joins tokens with spaces for the database', () => {
    expect(tokenizedText('征收补偿')).toBe('征收 收补 补偿');
  });
});

describe('tokenizedText is indexTokens joined with spaces', () => {
  const joined = (text: string) => indexTokens(text).join(' ');

  it.each([
    ['人力资源和社会保障局'],
    ['余政办发〔2020〕16号文件'],
    ['ＧＤＰ同比增长５%，Wi-Fi覆盖率达99.5%'],
    ['医'],
    ['，。！'],
    [''],
    ['第一条\n第二条　为了规范〇〇年度工作'],
    ['𠀀𠀁字和汉字'],
    ['Ⅻ章 ½ café ﬁ ß İ'],
  ])('%s', (text) => {
    expect(tokenizedText(text)).toBe(joined(text));
  });

  it('for every character of the BMP, in order and in a seeded shuffle of pairs', () => {
    const all = Array.from({ length: 0x10000 }, (_, c) => (c >= 0xd800 && c <= 0xdfff ? ' ' : String.fromCharCode(c)));
    expect(tokenizedText(all.join(''))).toBe(joined(all.join('')));
    let seed = 7;
    const next = () => (seed = (seed * 48271) % 2147483647);
    const alphabet = [...'社会保障政府公开〇々abcXYZ019ＡＢ１２，。 -_\n【】〔〕()é'].concat(['𠀀', '😀', '\u0301']);
    for (let round = 0; round < 500; round++) {
      const text = Array.from({ length: 1 + (next() % 40) }, () => alphabet[next() % alphabet.length]!).join('');
      expect(tokenizedText(text), text).toBe(joined(text));
    }
  });
});

describe('parseQuery', () => {
  it.each([
    ['低保', ['低保']],
    ['社会保障', ['社会', '会保', '保障']],
    ['  医保 ', ['医保']],
    ['余政办发〔2020〕16号', ['余政', '政办', '办发', '2020', '16']],
    ['余政办发[2020]16号', ['余政', '政办', '办发', '2020', '16']],
    ['余政办发(2020)16号', ['余政', '政办', '办发', '2020', '16']],
    ['GDP', ['gdp']],
    ['号', undefined],
  ])('%s → phrase %j', (input, phrase) => {
    const parsed = parseQuery(input);
    if (phrase === undefined) expect(parsed.ok).toBe(false);
    else expect(parsed).toMatchObject({ ok: true, phrase });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['，。！？……', 'punctuation'],
    ['<>"\'&', 'punctuation'],
    ['保', 'too_short'],
    ['a', 'too_short'],
    ['、保、', 'too_short'],
    ['保'.repeat(500), 'too_long'],
  ])('%j is refused (%s)', (input, reason) => {
    expect(parseQuery(input)).toEqual({ ok: false, reason });
  });

  it('keeps every run of the query as a term to highlight', () => {
    const parsed = parseQuery('余政办发[2020]16号');
    expect(parsed.ok && parsed.terms).toEqual(['余政办发', '2020', '16', '号']);
  });
});

describe('highlight', () => {
  it.each([
    ['做好低保工作', ['低保'], '做好<mark>低保</mark>工作'],
    ['<b>低保</b>', ['低保'], '&lt;b&gt;<mark>低保</mark>&lt;/b&gt;'],
    ['ＧＤＰ增长', ['gdp'], '<mark>ＧＤＰ</mark>增长'],
    ['人力资源和社会保障局', ['社会保障'], '人力资源和<mark>社会保障</mark>局'],
    ['无关内容', ['低保'], '无关内容'],
  ])('%s', (text, terms, expected) => {
    expect(highlight(text, terms)).toBe(expected);
  });

  it('cuts a window around the first hit', () => {
    const text = `${'甲'.repeat(100)}低保${'乙'.repeat(100)}`;
    const html = highlight(text, ['低保'], 40);
    expect(html).toBe(`…${'甲'.repeat(30)}<mark>低保</mark>${'乙'.repeat(8)}…`);
  });
});
