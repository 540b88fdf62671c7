import type { JobSender } from '../../../platform/jobs.ts';
import type { AuditLog } from '../../audit/index.ts';
import type { VerificationStore } from '../ports.ts';

/** The stores verified identity works with; `jobs` sends the code by mail or SMS in the same transaction. */
export type VerificationStores = {
  verifications: VerificationStore;
  audit: AuditLog;
  jobs: JobSender;
};
