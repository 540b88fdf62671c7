import type { JobSender } from '../../../platform/jobs.ts';
import type { AuditLog } from '../../audit/index.ts';
import type { OrgStore } from '../../orgs/index.ts';
import type { MessageStore } from '../ports.ts';

/** The stores residents' messages work with; `jobs` queues the alert mails in the same transaction. */
export type MessageStores = {
  messages: MessageStore;
  audit: AuditLog;
  orgs: OrgStore;
  jobs: JobSender;
};
