import { auditActor, type Actor } from '../../access/index.ts';
import type { Clock } from '../../../platform/clock.ts';
import { DomainError } from '../../../platform/errors.ts';
import type { UnitOfWork } from '../../../platform/unit-of-work.ts';
import { participationEntry } from '../audit-actions.ts';
import { advanceMeeting, type Attendance, type Meeting } from '../domain/hearing.ts';
import { HEARING_TEXT } from '../domain/hearing-strings.ts';
import { loadMeetingForStaff } from './load-meeting.ts';
import type { MeetingStores } from './meeting-stores.ts';

/**
 * Records who of the chosen participants attended, and with it that the meeting was held. Every
 * chosen participant is marked attended or absent.
 * @throws DomainError `not_found`, `invalid_transition`, `validation_failed`.
 */
export async function recordAttendance(options: {
  uow: UnitOfWork<MeetingStores>;
  clock: Clock;
  actor: Actor;
  meetingId: string;
  /** Registration id → attended/absent, for every chosen participant. */
  attendance: ReadonlyMap<string, string>;
}): Promise<Meeting> {
  const now = options.clock.now();
  return options.uow.run(async (stores) => {
    const { meeting } = await loadMeetingForStaff(stores, options.actor, options.meetingId);
    const next = advanceMeeting(meeting, { type: 'attendance' }, now);
    const chosen = (await stores.meetings.registrations(meeting.id)).filter((r) => r.status === 'selected');
    const marks = chosen.map((r) => ({ registration: r, mark: options.attendance.get(r.id) }));
    if (marks.some((m) => m.mark !== 'attended' && m.mark !== 'absent')) {
      throw new DomainError('validation_failed', {
        fields: [{ field: 'attendance', message: HEARING_TEXT.attendanceIncomplete }],
      });
    }
    await stores.meetings.updateRegistrations(
      marks.map(({ registration, mark }) => ({
        id: registration.id,
        status: registration.status,
        selectionRank: registration.selectionRank,
        attendance: mark as Attendance,
      })),
    );
    await stores.meetings.save(next);
    await stores.audit.append(
      participationEntry(auditActor(options.actor), now, {
        action: 'meeting.attendance_recorded',
        entityType: 'decision_meeting',
        entityId: meeting.id,
        orgId: meeting.orgId,
        before: { state: meeting.state },
        after: {
          state: next.state,
          attended: marks.filter((m) => m.mark === 'attended').length,
          absent: marks.filter((m) => m.mark === 'absent').length,
        },
      }),
    );
    return next;
  });
}
