import { requirePermission, type Actor } from '../../access/index.ts';
import { DomainError } from '../../../platform/errors.ts';
import type { AuditLog } from '../../audit/index.ts';
import type { OrgStore } from '../../orgs/index.ts';
import type { Interview } from '../domain/interview.ts';
import type { InterviewStore } from '../ports.ts';

/** The stores the online interviews' use cases work with. */
export type InterviewStores = {
  interviews: InterviewStore;
  orgs: OrgStore;
  audit: AuditLog;
};

/**
 * Loads an interview for a change by staff: interaction officers of its unit's subtree only.
 * @throws DomainError `not_found`, `forbidden`, `out_of_scope`.
 */
export async function loadInterviewForChange(
  stores: InterviewStores,
  actor: Actor,
  interviewId: string,
): Promise<Interview> {
  const interview = await stores.interviews.get(interviewId);
  const org = interview ? await stores.orgs.getById(interview.orgId) : undefined;
  if (!interview || !org) throw new DomainError('not_found');
  requirePermission(actor, 'interaction.handle', org.path);
  return interview;
}
