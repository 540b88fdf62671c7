/**
 * The colours charts are drawn in. Each series colour has a contrast of at least 3:1 against the white
 * page (WCAG 2.1 SC 1.4.11, non-text contrast; GB/T 37668-2019 §5.2.3 follows WCAG), and chart text at
 * least 4.5:1 (SC 1.4.3). Colour is never the only cue: every chart has its data as a table too.
 */
export const CHART_BACKGROUND = '#ffffff';
export const CHART_TEXT = '#1f1f1f';
export const CHART_SERIES_COLOURS = [
  '#1d5fa6', // blue
  '#b3261e', // red
  '#2e7d32', // green
  '#a04f00', // brown-orange
  '#6a3d9a', // purple
  '#00707a', // teal
  '#7a6400', // olive
  '#a3134f', // magenta
] as const;

/** WCAG 2.1 contrast ratio of two #rrggbb colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [lighter, darker] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (lighter + 0.05) / (darker + 0.05);
}

function luminance(hex: string): number {
  const channel = (at: number) => {
    const c = parseInt(hex.slice(at, at + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}
