import { requirePermission, type Actor } from '../../access/index.ts';
import { DomainError } from '../../../platform/errors.ts';
import type { MajorDecision } from '../domain/decision.ts';
import type { Meeting } from '../domain/hearing.ts';
import type { MeetingStores } from './meeting-stores.ts';

/**
 * A meeting with its decision item, for a member of staff who handles interaction in its unit's
 * subtree. Another unit's meeting is `not_found`, as if it did not exist.
 * @throws DomainError `not_found`.
 */
export async function loadMeetingForStaff(
  stores: Pick<MeetingStores, 'meetings' | 'decisions' | 'orgs'>,
  actor: Actor,
  meetingId: string,
): Promise<{ meeting: Meeting; decision: MajorDecision }> {
  const meeting = await stores.meetings.get(meetingId);
  const decision = meeting ? await stores.decisions.get(meeting.decisionId) : undefined;
  const org = meeting ? await stores.orgs.getById(meeting.orgId) : undefined;
  if (!meeting || !decision || !org) throw new DomainError('not_found');
  try {
    requirePermission(actor, 'interaction.handle', org.path);
  } catch {
    throw new DomainError('not_found');
  }
  return { meeting, decision };
}
