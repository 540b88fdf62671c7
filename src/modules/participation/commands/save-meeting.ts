import { auditActor, requirePermission, type Actor } from '../../access/index.ts';
import type { Clock } from '../../../platform/clock.ts';
import { DomainError } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import type { UnitOfWork } from '../../../platform/unit-of-work.ts';
import { participationEntry } from '../audit-actions.ts';
import { advanceMeeting, checkMeeting, NEW_MEETING, type Meeting, type MeetingInput } from '../domain/hearing.ts';
import { loadMeetingForStaff } from './load-meeting.ts';
import type { MeetingStores } from './meeting-stores.ts';

/**
 * Plans a hearing or meeting of a decision item, or changes a draft one. The unit is the decision's;
 * interaction officers of its subtree may (互动交流经办人). Once announced, the notice stands as
 * published: only a cancellation with a reason changes it.
 * @throws DomainError `validation_failed`, `not_found`, `forbidden`, `out_of_scope`, `invalid_transition`.
 */
export async function saveMeeting(options: {
  uow: UnitOfWork<MeetingStores>;
  clock: Clock;
  actor: Actor;
  decisionId: string;
  meetingId: string | null;
  input: MeetingInput;
}): Promise<Meeting> {
  const now = options.clock.now();
  const at = now.toISOString();
  const fields = checkMeeting(options.input);
  return options.uow.run(async (stores) => {
    let before: Meeting | undefined;
    if (options.meetingId !== null) {
      before = (await loadMeetingForStaff(stores, options.actor, options.meetingId)).meeting;
      if (before.decisionId !== options.decisionId) throw new DomainError('not_found');
      advanceMeeting(before, { type: 'edit' }, now);
    }
    const decision = await stores.decisions.get(options.decisionId);
    const org = decision ? await stores.orgs.getById(decision.orgId) : undefined;
    if (!decision || !org) throw new DomainError('not_found');
    requirePermission(options.actor, 'interaction.handle', org.path);
    const meeting: Meeting = {
      ...(before ?? { ...NEW_MEETING, id: newId(), createdAt: at }),
      ...fields,
      decisionId: decision.id,
      orgId: decision.orgId,
      updatedAt: at,
    };
    await stores.meetings.save(meeting);
    await stores.audit.append(
      participationEntry(auditActor(options.actor), now, {
        action: before ? 'meeting.edited' : 'meeting.drafted',
        entityType: 'decision_meeting',
        entityId: meeting.id,
        orgId: meeting.orgId,
        ...(before ? { before: { startsAt: before.startsAt, seats: before.seats, kind: before.kind } } : {}),
        after: { decisionId: decision.id, kind: meeting.kind, startsAt: meeting.startsAt, seats: meeting.seats },
      }),
    );
    return meeting;
  });
}
