import { randomBytes } from 'node:crypto';
import { auditActor, type Actor } from '../../access/index.ts';
import type { Clock } from '../../../platform/clock.ts';
import { DomainError } from '../../../platform/errors.ts';
import type { UnitOfWork } from '../../../platform/unit-of-work.ts';
import { participationEntry } from '../audit-actions.ts';
import {
  advanceMeeting,
  checkManualSelection,
  drawParticipants,
  meetingCounts,
  type Meeting,
} from '../domain/hearing.ts';
import { HEARING_TEXT } from '../domain/hearing-strings.ts';
import { loadMeetingForStaff } from './load-meeting.ts';
import type { MeetingStores } from './meeting-stores.ts';

/**
 * Chooses a meeting's participants once registration has closed (暂行条例 Art. 17: fairly, openly,
 * every side represented, the list published in advance): either the draw by the published rule
 * (随机抽选 or 按报名顺序, views balanced) with a fresh seed that is recorded and published so anyone can
 * repeat it, or the officer's own choice with the reason, which is published too. Everyone else is
 * marked not chosen. Audited with the seed and the counts.
 * @throws DomainError `not_found`, `invalid_transition`, `validation_failed`.
 */
export async function selectParticipants(options: {
  uow: UnitOfWork<MeetingStores>;
  clock: Clock;
  actor: Actor;
  meetingId: string;
  choice: { how: 'draw' } | { how: 'manual'; chosen: string[]; reason: string };
  /** The draw's seed; a fresh random one when left out (tests pass their own). */
  seed?: string;
}): Promise<Meeting> {
  const now = options.clock.now();
  return options.uow.run(async (stores) => {
    const { meeting } = await loadMeetingForStaff(stores, options.actor, options.meetingId);
    const stamped = advanceMeeting(meeting, { type: 'select' }, now);
    const registrations = await stores.meetings.registrations(meeting.id);
    if (registrations.length === 0)
      throw new DomainError('invalid_transition', { message: HEARING_TEXT.noRegistrants });
    let chosen: string[];
    let next: Meeting;
    if (options.choice.how === 'draw') {
      const seed = options.seed ?? randomBytes(16).toString('hex');
      chosen = drawParticipants(registrations, meeting.seats, meeting.selectionMethod, seed);
      next = { ...stamped, selectedHow: meeting.selectionMethod, drawSeed: seed, selectionReason: '' };
    } else {
      const checked = checkManualSelection(
        options.choice.chosen,
        new Set(registrations.map((r) => r.id)),
        meeting.seats,
        options.choice.reason,
      );
      chosen = checked.chosen;
      next = { ...stamped, selectedHow: 'manual', drawSeed: '', selectionReason: checked.reason };
    }
    const rank = new Map(chosen.map((id, index) => [id, index + 1]));
    const changes = registrations.map((r) => ({
      id: r.id,
      status: rank.has(r.id) ? ('selected' as const) : ('not_selected' as const),
      selectionRank: rank.get(r.id) ?? null,
      attendance: null,
    }));
    await stores.meetings.updateRegistrations(changes);
    await stores.meetings.save(next);
    const counts = meetingCounts(changes.map((c, i) => ({ ...registrations[i]!, ...c })));
    await stores.audit.append(
      participationEntry(auditActor(options.actor), now, {
        action: 'meeting.participants_selected',
        entityType: 'decision_meeting',
        entityId: meeting.id,
        orgId: meeting.orgId,
        after: {
          how: next.selectedHow,
          seed: next.drawSeed,
          reason: next.selectionReason,
          registrants: counts.registrants,
          selected: counts.selected,
        },
      }),
    );
    return next;
  });
}
