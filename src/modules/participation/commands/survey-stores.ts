import type { AuditLog } from '../../audit/index.ts';
import type { OrgStore } from '../../orgs/index.ts';
import type { SurveyStore } from '../ports.ts';

/** The stores online surveys' use cases work with (网络调查). */
export type SurveyStores = {
  surveys: SurveyStore;
  audit: AuditLog;
  orgs: OrgStore;
};
