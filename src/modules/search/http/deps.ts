import type { OrgStore } from '../../orgs/index.ts';
import type { PageShell } from '../../../platform/web/page-shell.tsx';
import type { SearchIndex } from '../ports.ts';

/** What the search page and API need, built by the composition root. */
export type SearchWebDeps = {
  stores: { searchIndex: SearchIndex; orgs: OrgStore };
  config: { publicUrl: string };
  shell: PageShell;
};
