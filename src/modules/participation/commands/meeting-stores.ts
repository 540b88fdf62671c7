import type { AuditLog } from '../../audit/index.ts';
import type { OrgStore } from '../../orgs/index.ts';
import type { DecisionStore, MeetingStore } from '../ports.ts';

/** The stores the hearings and meetings of major decisions work with. */
export type MeetingStores = {
  meetings: MeetingStore;
  decisions: DecisionStore;
  orgs: OrgStore;
  audit: AuditLog;
};
