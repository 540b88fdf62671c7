import type { Clock } from '../../../platform/clock.ts';
import type { OpenTable } from '../../../platform/table-file.ts';
import type { OrgStore } from '../../orgs/index.ts';
import type { PageShell } from '../../../platform/web/page-shell.tsx';
import type { SearchIndex } from '../ports.ts';

/** What the search page, its downloads and the API need, built by the composition root. */
export type SearchWebDeps = {
  stores: { searchIndex: SearchIndex; orgs: OrgStore };
  config: { publicUrl: string };
  clock: Clock;
  /** Writes a table as .xlsx (the exceljs adapter). */
  openXlsx: OpenTable;
  shell: PageShell;
};
