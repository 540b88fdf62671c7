import { describe, expect, it } from 'vitest';
import { CHART_BACKGROUND, CHART_SERIES_COLOURS, CHART_TEXT, contrastRatio } from './palette.ts';

describe('chart colours (WCAG 2.1 SC 1.4.11 and 1.4.3)', () => {
  it.each([
    ['#ffffff', '#000000', 21],
    ['#777777', '#ffffff', 4.48],
    ['#ffffff', '#ffffff', 1],
  ])('contrast of %s and %s is %s', (a, b, ratio) => {
    expect(contrastRatio(a, b)).toBeCloseTo(ratio, 2);
  });

  it.each(CHART_SERIES_COLOURS.map((colour) => [colour]))('series colour %s has 3:1 against the page', (colour) => {
    expect(contrastRatio(colour, CHART_BACKGROUND)).toBeGreaterThanOrEqual(3);
  });

  it('chart text has 4.5:1 against the page, and the colours are all different', () => {
    expect(contrastRatio(CHART_TEXT, CHART_BACKGROUND)).toBeGreaterThanOrEqual(4.5);
    expect(new Set(CHART_SERIES_COLOURS).size).toBe(CHART_SERIES_COLOURS.length);
  });
});
