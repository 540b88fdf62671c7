import type { Clock } from '../../../platform/clock.ts';
import type { UnitOfWork } from '../../../platform/unit-of-work.ts';
import type { PageShell } from '../../../platform/web/page-shell.tsx';
import type { AuditLog } from '../../audit/index.ts';
import type { OrgStore } from '../ports.ts';

/** What the organisation pages and API need, built by the composition root. */
export type OrgsWebDeps = {
  stores: { orgs: OrgStore };
  uow: UnitOfWork<{ orgs: OrgStore; audit: AuditLog }>;
  clock: Clock;
  shell: PageShell;
};
