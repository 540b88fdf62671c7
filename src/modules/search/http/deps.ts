import type { Clock } from '../../../platform/clock.ts';
import type { OpenTable } from '../../../platform/table-file.ts';
import type { UnitOfWork } from '../../../platform/unit-of-work.ts';
import type { PageShell } from '../../../platform/web/page-shell.tsx';
import type { AuditLog } from '../../audit/index.ts';
import type { OrgStore } from '../../orgs/index.ts';
import type { SearchIndex, SynonymStore } from '../ports.ts';

/** What the search page, its downloads and the API need, built by the composition root. */
export type SearchWebDeps = {
  stores: { searchIndex: SearchIndex; orgs: OrgStore; synonyms: SynonymStore };
  config: { publicUrl: string };
  clock: Clock;
  /** Writes a table as .xlsx (the exceljs adapter). */
  openXlsx: OpenTable;
  shell: PageShell;
  /** The documents module's lists the filters choose from. */
  searchVocabulary: { genres: readonly string[]; validities: readonly string[]; topics: readonly string[] };
};

/** What the synonyms page in the back office needs. */
export type SearchAdminDeps = {
  stores: { synonyms: SynonymStore };
  uow: UnitOfWork<{ synonyms: SynonymStore; audit: AuditLog }>;
  clock: Clock;
  shell: PageShell;
};

/** The search use case's dependencies, from the web ones. */
export function searchDeps(deps: SearchWebDeps) {
  return {
    index: deps.stores.searchIndex,
    orgs: deps.stores.orgs,
    synonyms: deps.stores.synonyms,
    vocabulary: deps.searchVocabulary,
  };
}
