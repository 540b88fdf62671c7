import { describe, expect, it } from 'vitest';
import { isDomainError } from '../../../platform/errors.ts';
import type { GraphicBlock } from './graphic.ts';
import type { NewMediaContent } from './new-media.ts';
import { layoutPoster, MAX_POSTER_HEIGHT, nestedSvg, POSTER_WIDTH } from './poster.ts';

const base: NewMediaContent = {
  title: '一图读懂低保',
  issuer: '测试区民政局',
  date: { kind: 'published', on: '2026-03-02' },
  blocks: [],
  policies: [],
  portalUrl: 'https://gk.example.gov.cn/xxgk/doc/0123456789abcdef',
  siteName: '测试区政务公开平台',
};
const poster = (change: Partial<NewMediaContent>) => layoutPoster({ ...base, ...change });
/** Body text is 30 px on a 654 px line: 21 CJK characters a line, 52 px a line. */
const text = (characters: number): GraphicBlock => ({ kind: 'text', text: '字'.repeat(characters) });

describe('layoutPoster', () => {
  it('is 750 px wide and as tall as its header and footer when it has nothing else', () => {
    const layout = poster({});
    expect(layout.width).toBe(POSTER_WIDTH);
    expect(layout.svg).toMatch(new RegExp(`^<svg [^>]*width="750" height="${layout.height}"`));
    expect(layout.regions.map((r) => r.kind)).toEqual(['header', 'footer']);
    expect(layout.regions.at(-1)!.bottom).toBe(layout.height);
  });

  it.each<[string, GraphicBlock[], number]>([
    ['a one-line paragraph', [text(10)], 52 + 36],
    ['a paragraph of two lines', [text(30)], 2 * 52 + 36],
    ['two paragraphs of one line', [{ kind: 'text', text: '第一段。\n\n第二段。' }], 52 + 20 + 52 + 36],
    ['a heading of one line', [{ kind: 'heading', text: '政策要点' }], 50 + 36],
    [
      'a key figure with a one-line caption',
      [{ kind: 'figure', value: 1350, unit: '人', caption: '城乡低保对象' }],
      28 + 88 + 44 + 28 + 36,
    ],
  ])('grows by the height of %s', (_name, blocks, grows) => {
    expect(poster({ blocks }).height - poster({}).height).toBe(grows);
  });

  it('grows 64 px for each further line of the title', () => {
    expect(poster({ title: '题'.repeat(20) }).height - poster({ title: '题'.repeat(10) }).height).toBe(64);
  });

  it('places each block below the last, in order', () => {
    const layout = poster({
      blocks: [{ kind: 'heading', text: '政策要点' }, text(30), text(5)],
      policies: [{ title: '测试区城乡最低生活保障实施办法', docNumber: '测民发〔2026〕3号' }],
    });
    expect(layout.regions.map((r) => r.kind)).toEqual(['header', 'heading', 'text', 'text', 'policies', 'footer']);
    for (let i = 1; i < layout.regions.length; i++) {
      expect(layout.regions[i]!.top).toBeGreaterThanOrEqual(layout.regions[i - 1]!.bottom);
    }
    expect(layout.svg).toContain('>《测试区城乡最低生活保障实施办法》（测民发</text>');
  });

  it('escapes the author text and drops characters XML cannot hold', () => {
    const layout = poster({ title: '低保<b>&"标准"\u0001' });
    expect(layout.svg).toContain('>低保&lt;b&gt;&amp;&quot;标准&quot;</text>');
  });

  it('nests a chart scaled to the content width, keeping its proportions', () => {
    const chart: GraphicBlock = {
      kind: 'chart',
      chartType: 'bar',
      title: '人数',
      unit: '人',
      description: '2025年城乡低保1350人。',
      dataText: '',
      data: { categoryName: '', series: ['人数'], rows: [{ label: '低保', values: [1350] }] },
      svg: '<svg width="720" height="400" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 720 400"><rect width="1" height="1"/></svg>',
    };
    const layout = poster({ blocks: [chart] });
    expect(layout.svg).toMatch(
      /<svg xmlns="http:\/\/www.w3.org\/2000\/svg" x="48" y="\d+" width="654" height="363" viewBox="0 0 720 400">/,
    );
    expect(layout.height - poster({}).height).toBe(363 + 16 + 42 + 36);
  });

  it('refuses a poster taller than the limit with the reason in Chinese', () => {
    const blocks = Array.from({ length: 40 }, () => text(2000));
    try {
      poster({ blocks });
      expect.unreachable();
    } catch (error) {
      expect(isDomainError(error, 'poster_too_long')).toBe(true);
      expect((error as Error).message).toContain(`${MAX_POSTER_HEIGHT}像素`);
    }
  });
});

describe('nestedSvg', () => {
  it('drops whatever could reach outside the picture', () => {
    const { svg } = nestedSvg(
      '<?xml version="1.0"?><svg width="100" height="50"><image href="file:///etc/passwd"/><script>x()</script>' +
        '<a href="https://evil.example"><path d="M0 0"/></a><use href="#p"/></svg>',
      { x: 0, y: 10, width: 200 },
    );
    expect(svg).toBe(
      '<svg x="0" y="10" width="200" height="100" viewBox="0 0 100 50"><a><path d="M0 0"/></a><use href="#p"/></svg>',
    );
  });
});
