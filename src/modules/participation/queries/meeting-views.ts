import type { Actor } from '../../access/index.ts';
import { DomainError } from '../../../platform/errors.ts';
import { loadMeetingForStaff } from '../commands/load-meeting.ts';
import type { MeetingStores } from '../commands/meeting-stores.ts';
import { maskName } from '../domain/comment.ts';
import type { MajorDecision } from '../domain/decision.ts';
import {
  meetingCounts,
  numbered,
  type Meeting,
  type MeetingCounts,
  type MeetingRegistration,
  type StakeholderType,
  type View,
  VIEWS,
} from '../domain/hearing.ts';
import type { ContactCipher } from '../ports.ts';

/** One chosen participant as the public sees them: number, masked name, kind and view. */
export type PublicParticipant = {
  number: number;
  rank: number;
  maskedName: string;
  stakeholder: StakeholderType;
  view: View;
  attendance: MeetingRegistration['attendance'];
};

/** What the public page of a meeting shows. */
export type PublicMeeting = {
  meeting: Meeting;
  decision: MajorDecision;
  orgName: string;
  counts: MeetingCounts;
  /** The chosen, first chosen first; empty until the choice is made. */
  participants: PublicParticipant[];
  /** Every registrant's number by view, once the choice is made: with the seed, anyone can repeat the draw. */
  numbersByView: Record<View, number[]>;
};

/**
 * A meeting as the public sees it: not a draft; the chosen participants with their names masked
 * once the choice is made; counts by view. Names and contacts of the others are never shown.
 * @throws DomainError `not_found`.
 */
export async function publicMeeting(
  stores: Pick<MeetingStores, 'meetings' | 'decisions' | 'orgs'>,
  meetingId: string,
): Promise<PublicMeeting> {
  const meeting = await stores.meetings.get(meetingId);
  if (!meeting || meeting.state === 'draft') throw new DomainError('not_found');
  const decision = await stores.decisions.get(meeting.decisionId);
  const org = await stores.orgs.getById(meeting.orgId);
  if (!decision || !org) throw new DomainError('not_found');
  const registrations = numbered(await stores.meetings.registrations(meeting.id));
  return {
    meeting,
    decision,
    orgName: org.name,
    counts: meetingCounts(registrations),
    participants: participantsOf(registrations, meeting),
    numbersByView: Object.fromEntries(
      VIEWS.map((v) => [
        v,
        meeting.selectedAt === null ? [] : registrations.filter((r) => r.view === v).map((r) => r.number),
      ]),
    ) as Record<View, number[]>,
  };
}

function participantsOf(registrations: (MeetingRegistration & { number: number })[], meeting: Meeting) {
  if (meeting.selectedAt === null) return [];
  return registrations
    .filter((r) => r.status === 'selected')
    .sort((a, b) => (a.selectionRank ?? 0) - (b.selectionRank ?? 0))
    .map((r) => ({
      number: r.number,
      rank: r.selectionRank ?? 0,
      maskedName: maskName(r.name),
      stakeholder: r.stakeholder,
      view: r.view,
      attendance: r.attendance,
    }));
}

/** The public meetings of decision items, by item: drafts left out. */
export async function publicMeetingsOf(
  stores: Pick<MeetingStores, 'meetings'>,
  decisionIds: readonly string[],
): Promise<Map<string, Meeting[]>> {
  const byDecision = new Map<string, Meeting[]>();
  for (const meeting of await stores.meetings.ofDecisions(decisionIds, true)) {
    byDecision.set(meeting.decisionId, [...(byDecision.get(meeting.decisionId) ?? []), meeting]);
  }
  return byDecision;
}

/** A registration as the organising unit sees it: with its number and the contact opened. */
export type StaffRegistration = MeetingRegistration & { number: number; contact: string };

/** The back office's page of one meeting: everything, for staff of its unit's subtree. */
export async function staffMeeting(
  stores: Pick<MeetingStores, 'meetings' | 'decisions' | 'orgs'>,
  options: { actor: Actor; meetingId: string; cipher: ContactCipher },
): Promise<{ meeting: Meeting; decision: MajorDecision; registrations: StaffRegistration[]; counts: MeetingCounts }> {
  const { meeting, decision } = await loadMeetingForStaff(stores, options.actor, options.meetingId);
  const registrations = numbered(await stores.meetings.registrations(meeting.id)).map((r) => ({
    ...r,
    contact: options.cipher.open(r.contactSealed),
  }));
  return { meeting, decision, registrations, counts: meetingCounts(registrations) };
}

/** A decision item's meetings for staff who handle it (drafts included). */
export async function staffMeetingsOf(
  stores: Pick<MeetingStores, 'meetings' | 'decisions' | 'orgs'>,
  options: { actor: Actor; decisionId: string; can: (actor: Actor, orgPath: string) => boolean },
): Promise<{ decision: MajorDecision; meetings: Meeting[] }> {
  const decision = await stores.decisions.get(options.decisionId);
  const org = decision ? await stores.orgs.getById(decision.orgId) : undefined;
  if (!decision || !org || !options.can(options.actor, org.path)) throw new DomainError('not_found');
  return { decision, meetings: await stores.meetings.ofDecisions([decision.id], false) };
}
