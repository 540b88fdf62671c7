import { chinaDate, type Clock } from '../../../platform/clock.ts';
import { DomainError } from '../../../platform/errors.ts';
import type { WorkingCalendar } from '../../../platform/working-days.ts';
import { scopeFor, scopeIncludes, type Actor } from '../../access/index.ts';
import type { OrgStore } from '../../orgs/index.ts';
import { replyDeadline, type ReplyDeadline } from '../domain/clock.ts';
import { clockFactsOf } from '../domain/handling.ts';
import { CLOSED_STATES, type FoiRequest, type RequestEvent, type RequestState } from '../domain/request.ts';
import type { InboxRow, RequestStore } from '../ports.ts';

/** A request in the inbox with where it stands against its clock (null before receipt or once closed). */
export type InboxItem = InboxRow & { deadline: ReplyDeadline | null };

/** The deadline of an open, registered request on `today`; null otherwise. */
export function deadlineOf(request: FoiRequest, calendar: WorkingCalendar, today: string): ReplyDeadline | null {
  // Awaiting a correction, the period has not begun again yet (条例 Art. 30).
  if (!request.receivedOn || CLOSED_STATES.has(request.state) || request.state === 'awaiting_correction') return null;
  return replyDeadline(clockFactsOf(request), calendar, today);
}

/**
 * The requests a member of staff handles (permission `request.handle`, inside their subtrees),
 * newest first, each with its due date and working days left.
 */
export async function listInbox(options: {
  requests: RequestStore;
  calendar: () => Promise<WorkingCalendar>;
  clock: Clock;
  actor: Actor;
  states?: readonly RequestState[] | undefined;
  page: { limit: number; offset: number };
}): Promise<{ items: InboxItem[]; total: number }> {
  const scope = scopeFor(options.actor, 'request.handle');
  const [{ rows, total }, calendar] = await Promise.all([
    options.requests.inbox(scope, { states: options.states }, options.page),
    options.calendar(),
  ]);
  const today = chinaDate(options.clock.now());
  return { items: rows.map((row) => ({ ...row, deadline: deadlineOf(row, calendar, today) })), total };
}

/**
 * One request for its handling unit's staff: outside their subtrees it does not exist.
 * @throws DomainError `not_found`.
 */
export async function getRequestForStaff(options: {
  stores: { requests: RequestStore; orgs: OrgStore };
  calendar: () => Promise<WorkingCalendar>;
  clock: Clock;
  actor: Actor;
  requestId: string;
}): Promise<{ request: FoiRequest; agencyName: string; events: RequestEvent[]; deadline: ReplyDeadline | null }> {
  const request = await options.stores.requests.getById(options.requestId);
  const agency = request && (await options.stores.orgs.getById(request.orgId));
  if (!request || !agency || !scopeIncludes(scopeFor(options.actor, 'request.handle'), agency.path)) {
    throw new DomainError('not_found');
  }
  const [events, calendar] = await Promise.all([options.stores.requests.events(request.id), options.calendar()]);
  return {
    request,
    agencyName: agency.name,
    events,
    deadline: deadlineOf(request, calendar, chinaDate(options.clock.now())),
  };
}
