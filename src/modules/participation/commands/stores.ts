import type { AuditLog } from '../../audit/index.ts';
import type { OrgStore } from '../../orgs/index.ts';
import type { ConsultationStore } from '../ports.ts';

/** The stores the participation module's use cases work with. */
export type ParticipationStores = {
  consultations: ConsultationStore;
  audit: AuditLog;
  orgs: OrgStore;
};
