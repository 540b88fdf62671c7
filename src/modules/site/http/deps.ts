import type { Clock } from '../../../platform/clock.ts';
import type { UnitOfWork } from '../../../platform/unit-of-work.ts';
import type { PageShell } from '../../../platform/web/page-shell.tsx';
import type { AuditLog } from '../../audit/index.ts';
import type { DocumentStore } from '../../documents/index.ts';
import type { OrgStore } from '../../orgs/index.ts';
import type { Actor } from '../../access/index.ts';
import type { CoverageView } from '../../interpretation/index.ts';
import type { UnitRequestCounts } from '../../requests/index.ts';
import type { SettingsStore } from '../ports.ts';
import type { SiteSettingsCache } from '../queries/get-site-settings.ts';

/** What the home page, the dashboard and the settings pages need, built by the composition root. */
export type SiteWebDeps = {
  stores: { documents: DocumentStore; orgs: OrgStore };
  uow: UnitOfWork<{ settings: SettingsStore; audit: AuditLog }>;
  clock: Clock;
  siteSettings: SiteSettingsCache;
  /** `publicUrl`: the portal's origin, for the sitemaps' and robots.txt's absolute addresses. */
  config: { secureCookies: boolean; publicUrl: string };
  shell: PageShell;
  /** The disclosure requests each unit the member of staff handles has open, overdue and due soon. */
  requestCounts: (actor: Actor) => Promise<UnitRequestCounts[]>;
  /** The share of normative documents with a graphic interpretation in the units the member of staff reads. */
  interpretationCoverage: (actor: Actor) => Promise<CoverageView | null>;
};
