import data from './annual-report-format.json' with { type: 'json' };

/**
 * The format of the annual report on government information disclosure (国办公开办函〔2021〕30号):
 * its six sections and the titles, rows and columns of its tables, as published.
 */
export const ANNUAL_REPORT_SOURCE: string = data.source;
export const ANNUAL_REPORT_SECTIONS: readonly string[] = data.sections;

/** Table 三: requests received and handled. Row ids: "1", "2", "3.1" … "3.6.3", "3.7", "4". */
export const TABLE3 = {
  title: data.table3.title,
  columns: data.table3.columns,
  rows: data.table3.rows,
} as const satisfies { title: string; columns: string[]; rows: { id: string; label: string }[] };

/** Table 四: administrative reconsideration and litigation. */
export const TABLE4 = { title: data.table4.title, columns: data.table4.columns } as const;

/** Table 二: information disclosed on the agencies' own initiative, in four blocks by 条例 Art. 20's items. */
export const TABLE2 = {
  title: data.table2.title,
  blocks: data.table2.blocks,
} as const satisfies { title: string; blocks: { basis: string; columns: string[]; rows: string[] }[] };
