import type * as echarts from 'echarts';
import { escapeHtml } from '../../platform/html-text.ts';
import {
  CHART_SERIES_COLOURS,
  CHART_TEXT,
  type ChartRenderer,
  type ChartSpec,
} from '../../modules/interpretation/index.ts';

/** The drawing's own size; the page scales it to the width of the screen (viewBox). */
const WIDTH = 720;
const HEIGHT = 400;
const FONT = "'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', sans-serif";

/**
 * Charts drawn with Apache ECharts' server-side renderer into SVG: no browser and no JavaScript on
 * the page. Labels are the author's text and ECharts writes them as escaped SVG text. Animation is
 * off, so the SVG is the final picture.
 */
export function createEchartsRenderer(): ChartRenderer {
  return {
    async svg(chart: ChartSpec): Promise<string> {
      // Loaded when the first chart is drawn: ECharts is tens of megabytes, and charts are drawn on submission only.
      const { init } = await import('echarts');
      const instance = init(null, null, { renderer: 'svg', ssr: true, width: WIDTH, height: HEIGHT });
      try {
        instance.setOption(optionOf(chart));
        return withTextAlternative(withoutCss(instance.renderToSVGString()), chart);
      } finally {
        instance.dispose();
      }
    },
  };
}

/**
 * The picture's accessible name and description inside the SVG itself (role="img", <title>, <desc>),
 * so it keeps them wherever it goes (the page, the HTML bundle for new media).
 */
function withTextAlternative(svg: string, chart: ChartSpec): string {
  const open = svg.indexOf('>');
  return `${svg.slice(0, open)} role="img"><title>${escapeHtml(chart.title)}</title><desc>${escapeHtml(chart.description)}</desc>${svg.slice(open + 1)}`;
}

/**
 * The site's Content-Security-Policy allows no inline CSS (`style-src 'self'`), which would drop the
 * drawing's fonts: each `style` attribute becomes SVG presentation attributes, and the <style>
 * element ECharts adds (hover effects only) goes.
 */
function withoutCss(svg: string): string {
  return svg
    .replace(/<style[^>]*>[\s\S]*?<\/style>/g, '')
    .replace(/ class="zr\d+-cls-\d+"/g, '')
    .replace(/ style="([^"]*)"/g, (_all, declarations: string) =>
      declarations
        .split(';')
        .map((declaration) => declaration.split(':'))
        .filter((parts) => parts.length === 2 && /^[a-z-]+$/.test(parts[0]!.trim()))
        .map(([name, value]) => ` ${name!.trim()}="${value!.trim().replace(/"/g, '&quot;')}"`)
        .join(''),
    );
}

function optionOf(chart: ChartSpec): echarts.EChartsCoreOption {
  const text = { color: CHART_TEXT, fontFamily: FONT, fontSize: 14 };
  const common = {
    animation: false,
    color: [...CHART_SERIES_COLOURS],
    textStyle: text,
    title: { text: chart.title, left: 'center', textStyle: { ...text, fontSize: 18 } },
  };
  const { data } = chart;
  if (chart.type === 'pie') {
    return {
      ...common,
      series: [
        {
          type: 'pie',
          radius: '60%',
          center: ['50%', '55%'],
          label: { ...text, formatter: `{b}：{c}${chart.unit}（{d}%）` },
          data: data.rows.map((row) => ({ name: row.label, value: row.values[0] })),
        },
      ],
    };
  }
  return {
    ...common,
    legend: { show: data.series.length > 1, bottom: 0, textStyle: text },
    grid: { left: 72, right: 32, top: 64, bottom: data.series.length > 1 ? 72 : 48 },
    xAxis: {
      type: 'category',
      name: data.categoryName,
      data: data.rows.map((row) => row.label),
      axisLabel: { ...text, interval: 'auto' },
      nameTextStyle: text,
    },
    yAxis: { type: 'value', name: chart.unit, axisLabel: text, nameTextStyle: text },
    series: data.series.map((name, column) => ({
      type: chart.type,
      name,
      data: data.rows.map((row) => row.values[column]),
      ...(chart.type === 'line' ? { symbolSize: 8, lineStyle: { width: 3 } } : {}),
    })),
  };
}
