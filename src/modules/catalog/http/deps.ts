import type { Clock } from '../../../platform/clock.ts';
import type { UnitOfWork } from '../../../platform/unit-of-work.ts';
import type { PageShell } from '../../../platform/web/page-shell.tsx';
import type { CalendarCache } from '../../calendar/index.ts';
import type { DocumentStore } from '../../documents/index.ts';
import type { OrgStore } from '../../orgs/index.ts';
import type { CatalogStores } from '../commands/catalog-context.ts';
import type { Workbooks } from '../ports.ts';

/** What the catalog's back office and public pages need, built by the composition root. */
export type CatalogWebDeps = {
  stores: CatalogStores & { orgs: OrgStore; documents: DocumentStore };
  uow: UnitOfWork<CatalogStores>;
  clock: Clock;
  calendarCache: CalendarCache;
  workbooks: Workbooks;
  shell: PageShell;
};
