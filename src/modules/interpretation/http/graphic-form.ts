import type { FieldIssue } from '../../../platform/errors.ts';
import { CHART_TYPES, type ChartType } from '../domain/chart-data.ts';
import type { GraphicBlock, GraphicBlockInput } from '../domain/graphic.ts';

/**
 * The graphic builder's form without JavaScript: fixed places for a heading, a text, a key figure and
 * two charts, in that order; a place left blank is not a block. Field names are `<place>.<field>`.
 */
export const PLACES = ['heading', 'text', 'figure', 'chart1', 'chart2'] as const;
export type Place = (typeof PLACES)[number];

export type GraphicFormValues = Record<string, string>;

const CHART_FIELDS = { title: 'title', unit: 'unit', description: 'description', dataText: 'data' } as const;

/** The blocks the filled places make, and for each block the place it came from. */
export function blocksOfForm(values: GraphicFormValues): { blocks: GraphicBlockInput[]; places: Place[] } {
  const v = (name: string) => values[name] ?? '';
  const blank = (...names: string[]) => names.every((name) => v(name).trim() === '');
  const blocks: GraphicBlockInput[] = [];
  const places: Place[] = [];
  const add = (place: Place, block: GraphicBlockInput) => {
    blocks.push(block);
    places.push(place);
  };
  if (!blank('heading.text')) add('heading', { kind: 'heading', text: v('heading.text') });
  if (!blank('text.text')) add('text', { kind: 'text', text: v('text.text') });
  if (!blank('figure.value', 'figure.unit', 'figure.caption')) {
    add('figure', { kind: 'figure', value: v('figure.value'), unit: v('figure.unit'), caption: v('figure.caption') });
  }
  for (const place of ['chart1', 'chart2'] as const) {
    if (blank(`${place}.title`, `${place}.unit`, `${place}.description`, `${place}.data`)) continue;
    const type = v(`${place}.type`);
    add(place, {
      kind: 'chart',
      chartType: (CHART_TYPES as readonly string[]).includes(type) ? (type as ChartType) : 'bar',
      title: v(`${place}.title`),
      unit: v(`${place}.unit`),
      description: v(`${place}.description`),
      dataText: v(`${place}.data`),
    });
  }
  return { blocks, places };
}

/** The use case's issues (`blocks.<n>.<field>`) as the form's field names. */
export function formIssues(issues: readonly FieldIssue[], places: readonly string[]): FieldIssue[] {
  return issues.map((issue) => {
    const match = /^blocks\.(\d+)\.(\w+)$/.exec(issue.field);
    if (!match) return issue;
    const place = places[Number(match[1])];
    if (!place) return issue;
    const field = place.startsWith('chart') ? CHART_FIELDS[match[2] as keyof typeof CHART_FIELDS] : match[2];
    return { ...issue, field: `${place}.${field ?? match[2]}` };
  });
}

/** A saved 图解's blocks as the builder's form values (the first of each kind in its place). */
export function formOfBlocks(blocks: readonly GraphicBlock[]): GraphicFormValues {
  const values: GraphicFormValues = {};
  const charts = ['chart1', 'chart2'];
  for (const block of blocks) {
    if (block.kind === 'heading' && values['heading.text'] === undefined) values['heading.text'] = block.text;
    if (block.kind === 'text' && values['text.text'] === undefined) values['text.text'] = block.text;
    if (block.kind === 'figure' && values['figure.value'] === undefined) {
      Object.assign(values, {
        'figure.value': String(block.value),
        'figure.unit': block.unit,
        'figure.caption': block.caption,
      });
    }
    const place = block.kind === 'chart' ? charts.shift() : undefined;
    if (block.kind === 'chart' && place) {
      Object.assign(values, {
        [`${place}.type`]: block.chartType,
        [`${place}.title`]: block.title,
        [`${place}.unit`]: block.unit,
        [`${place}.description`]: block.description,
        [`${place}.data`]: block.dataText,
      });
    }
  }
  return values;
}
