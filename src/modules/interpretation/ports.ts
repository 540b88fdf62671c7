import type { ChartData, ChartType } from './domain/chart-data.ts';

/** A chart of a graphic interpretation, as its author described it. */
export type ChartSpec = {
  type: Exclude<ChartType, 'table'>;
  title: string;
  /** The unit of the values (人, 万元, %), shown on the value axis and in the table's header. */
  unit: string;
  /** What the chart shows, in words: the text alternative of the picture. */
  description: string;
  data: ChartData;
};

/**
 * Draws a chart as an SVG document on the server, so a visitor without JavaScript sees it; the page
 * gives it its text alternative and the data as a table.
 */
export interface ChartRenderer {
  svg(chart: ChartSpec): string;
}
