import { auditActor, type Actor } from '../../access/index.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { UnitOfWork } from '../../../platform/unit-of-work.ts';
import { participationEntry } from '../audit-actions.ts';
import { advanceMeeting, meetingCounts, type Meeting, type MeetingAction } from '../domain/hearing.ts';
import { loadMeetingForStaff } from './load-meeting.ts';
import type { MeetingStores } from './meeting-stores.ts';

type StepAction = Extract<MeetingAction, { type: 'announce' | 'close' | 'minutes' | 'cancel' }>;

const AUDIT = {
  announce: 'meeting.announced',
  close: 'meeting.closed',
  minutes: 'meeting.minutes_published',
  cancel: 'meeting.cancelled',
} as const;

/**
 * Moves a meeting on by one step that changes only the meeting: announce (the notice and the rule of
 * choosing go public and registration opens on its dates), close registration, publish the minutes
 * (with the counts of registrants, chosen and attendees), cancel with a reason. Audited.
 * @throws DomainError `not_found`, `invalid_transition`, `validation_failed`.
 */
export async function changeMeeting(options: {
  uow: UnitOfWork<MeetingStores>;
  clock: Clock;
  actor: Actor;
  meetingId: string;
  action: StepAction;
}): Promise<Meeting> {
  const now = options.clock.now();
  return options.uow.run(async (stores) => {
    const { meeting } = await loadMeetingForStaff(stores, options.actor, options.meetingId);
    const next = advanceMeeting(meeting, options.action, now);
    await stores.meetings.save(next);
    const counts =
      options.action.type === 'minutes' ? meetingCounts(await stores.meetings.registrations(meeting.id)) : null;
    await stores.audit.append(
      participationEntry(auditActor(options.actor), now, {
        action: AUDIT[options.action.type],
        entityType: 'decision_meeting',
        entityId: meeting.id,
        orgId: meeting.orgId,
        before: { state: meeting.state },
        after: {
          state: next.state,
          ...(options.action.type === 'cancel' ? { reason: next.cancelReason } : {}),
          ...(counts ? { registrants: counts.registrants, selected: counts.selected, attended: counts.attended } : {}),
        },
      }),
    );
    return next;
  });
}
