import { describe, expect, it } from 'vitest';
import {
  CHART_SERIES_COLOURS,
  MAX_CHART_ROWS,
  MAX_CHART_SERIES,
  type ChartSpec,
} from '../../modules/interpretation/index.ts';
import { createEchartsRenderer } from './echarts-svg.ts';

const renderer = createEchartsRenderer();
const spec = (type: ChartSpec['type'], more: Partial<ChartSpec> = {}): ChartSpec => ({
  type,
  title: '示范区城乡低保人数',
  unit: '人',
  description: '2025年城乡低保1350人，比2024年增加150人；特困供养320人。',
  data: {
    categoryName: '项目',
    series: ['2024年', '2025年'],
    rows: [
      { label: '城乡低保', values: [1200, 1350] },
      { label: '特困供养', values: [300, 320] },
    ],
  },
  ...more,
});

describe('ECharts SVG renderer', () => {
  it.each(['bar', 'line'] as const)('draws a %s chart with its labels, legend and palette as SVG', async (type) => {
    const svg = await renderer.svg(spec(type));
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('viewBox="0 0 720 400"');
    for (const text of ['示范区城乡低保人数', '城乡低保', '特困供养', '2024年', '2025年', '人'])
      expect(svg).toContain(text);
    expect(svg).toContain(CHART_SERIES_COLOURS[0]);
    expect(svg).toContain(CHART_SERIES_COLOURS[1]);
    // No inline CSS, which the site's Content-Security-Policy would refuse: attributes instead.
    expect(svg).not.toMatch(/<style|style="/);
    expect(svg).toContain(`font-family="'Noto Sans CJK SC'`);
    expect(svg).toMatch(/^<svg [^>]*role="img"><title>示范区城乡低保人数<\/title><desc>2025年城乡低保1350人，/);
  });

  it('draws a pie with each slice named and its value', async () => {
    const svg = await renderer.svg(
      spec('pie', {
        data: {
          categoryName: '支出',
          series: ['金额'],
          rows: [
            { label: '教育', values: [60] },
            { label: '医疗', values: [40] },
          ],
        },
        unit: '万元',
      }),
    );
    expect(svg).toContain('教育：60万元（60%）');
    expect(svg).toContain('医疗：40万元（40%）');
  });

  it('writes the author’s text as text, never as markup, and refers to nothing outside itself', async () => {
    const svg = await renderer.svg(
      spec('bar', {
        title: '<script>alert(1)</script>',
        data: {
          categoryName: '项目',
          series: ['"><img src=x onerror=alert(1)>'],
          rows: [{ label: '<b>低保</b>', values: [1] }],
        },
      }),
    );
    expect(svg).not.toMatch(/<script|<img|<b>/i);
    expect(svg).toContain('&lt;script&gt;');
    expect(svg).not.toMatch(/(href|src)\s*=\s*"(https?:)?\/\//i);
  });

  it('draws the largest chart the data rules allow', async () => {
    const series = Array.from({ length: MAX_CHART_SERIES }, (_, i) => `系列${i + 1}`);
    const rows = Array.from({ length: MAX_CHART_ROWS }, (_, i) => ({
      label: `第${i + 1}项`,
      values: series.map((_, j) => i * j),
    }));
    const svg = await renderer.svg(spec('line', { data: { categoryName: '项目', series, rows } }));
    expect(svg).toContain('系列8');
    for (const colour of CHART_SERIES_COLOURS) expect(svg).toContain(colour);
  });
});
