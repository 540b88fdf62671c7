import type { AuditLog } from '../../audit/index.ts';
import type { OrgStore } from '../../orgs/index.ts';
import type { JobSender } from '../../../platform/jobs.ts';
import type { NotificationStore } from '../ports.ts';

/** The stores the notifications module's use cases work with. */
export type NotificationStores = {
  notifications: NotificationStore;
  audit: AuditLog;
  orgs: OrgStore;
  /** Mail and SMS codes sent with the transaction. */
  jobs: JobSender;
};

/** What the messages say about the site and where its pages are. */
export type SiteIdentity = {
  /** The site's short name for subjects and SMS signatures (示范区政务公开). */
  name: string;
  /** The public origin, https://… without a trailing slash. */
  publicUrl: string;
  /** Signs subscribers' links. */
  secret: string;
};
