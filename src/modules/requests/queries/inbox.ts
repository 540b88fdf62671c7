import { chinaDate, type Clock } from '../../../platform/clock.ts';
import { DomainError } from '../../../platform/errors.ts';
import type { WorkingCalendar } from '../../../platform/working-days.ts';
import { scopeFor, scopeIncludes, type Actor } from '../../access/index.ts';
import type { OrgStore } from '../../orgs/index.ts';
import type { ReplyDeadline } from '../domain/clock.ts';
import { deadlineOf } from '../domain/handling.ts';
import type { Appeal } from '../domain/appeals.ts';
import { type Channel, type FoiRequest, type RequestEvent, type RequestState } from '../domain/request.ts';
import type {
  InboxCounts,
  InboxFilter,
  InboxRow,
  RequestFileStore,
  RequestStore,
  UpstreamDelivery,
  UpstreamStore,
} from '../ports.ts';
import type { RequestFile } from '../domain/files.ts';
import { addWorkingDays } from '../../../platform/working-days.ts';

/** A request in the inbox with where it stands against its clock (null before receipt or once closed). */
export type InboxItem = InboxRow & { deadline: ReplyDeadline | null };

/** Working days ahead that count as "due soon" in the inbox. */
export const DUE_SOON_WORKING_DAYS = 5;

/** What an officer narrows the inbox to. */
export type InboxQuery = {
  states?: readonly RequestState[] | undefined;
  /** Overdue (due before today), or due within `DUE_SOON_WORKING_DAYS`. */
  due?: 'overdue' | 'soon' | undefined;
  channel?: Channel | undefined;
  /** Only the requests the officer handles. */
  mine?: boolean | undefined;
};

/**
 * The requests a member of staff handles (permission `request.handle`, inside their subtrees),
 * filtered, each with its due date and working days left, and the unit's counts of open, overdue
 * and due-soon requests.
 */
export async function listInbox(options: {
  requests: RequestStore;
  calendar: () => Promise<WorkingCalendar>;
  clock: Clock;
  actor: Actor;
  query: InboxQuery;
  page: { limit: number; offset: number };
}): Promise<{ items: InboxItem[]; total: number; counts: InboxCounts }> {
  const scope = scopeFor(options.actor, 'request.handle');
  const calendar = await options.calendar();
  const today = chinaDate(options.clock.now());
  const soonUntil = addWorkingDays(calendar, today, DUE_SOON_WORKING_DAYS).date;
  const yesterday = new Date(Date.parse(`${today}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  const { query } = options;
  const filter: InboxFilter = {
    states: query.states,
    channel: query.channel,
    assigneeId: query.mine && options.actor.kind === 'staff' ? options.actor.userId : undefined,
    ...(query.due === 'overdue'
      ? { dueTo: yesterday }
      : query.due === 'soon'
        ? { dueFrom: today, dueTo: soonUntil }
        : {}),
  };
  const [{ rows, total }, counts] = await Promise.all([
    options.requests.inbox(scope, filter, options.page),
    options.requests.inboxCounts(scope, { today, soonUntil }),
  ]);
  return { items: rows.map((row) => ({ ...row, deadline: deadlineOf(row, calendar, today) })), total, counts };
}

/**
 * One request for its handling unit's staff: outside their subtrees it does not exist.
 * @throws DomainError `not_found`.
 */
export async function getRequestForStaff(options: {
  stores: { requests: RequestStore; requestFiles: RequestFileStore; orgs: OrgStore; upstream: UpstreamStore };
  calendar: () => Promise<WorkingCalendar>;
  clock: Clock;
  actor: Actor;
  requestId: string;
}): Promise<{
  request: FoiRequest;
  agencyName: string;
  events: RequestEvent[];
  appeals: Appeal[];
  deadline: ReplyDeadline | null;
  /** The applicant's attachments, the released information and the proof of service. */
  files: RequestFile[];
  /** For a request the provincial platform forwarded: how its statuses stand. */
  upstreamDelivery: UpstreamDelivery | null;
}> {
  const request = await options.stores.requests.getById(options.requestId);
  const agency = request && (await options.stores.orgs.getById(request.orgId));
  if (!request || !agency || !scopeIncludes(scopeFor(options.actor, 'request.handle'), agency.path)) {
    throw new DomainError('not_found');
  }
  const [events, appeals, calendar, files, upstreamDelivery] = await Promise.all([
    options.stores.requests.events(request.id),
    options.stores.requests.appealsOf(request.id),
    options.calendar(),
    options.stores.requestFiles.filesOf(request.id),
    request.upstreamId === null ? null : options.stores.upstream.deliveryOf(request.id),
  ]);
  return {
    request,
    agencyName: agency.name,
    events,
    appeals,
    deadline: deadlineOf(request, calendar, chinaDate(options.clock.now())),
    files,
    upstreamDelivery,
  };
}

/** One unit's line on the dashboard: open requests, awaiting receipt, overdue, due soon. */
export type UnitRequestCounts = InboxCounts & { orgId: string; orgName: string };

/** The dashboard's disclosure-request counts per unit the member of staff handles. */
export async function requestCountsByUnit(options: {
  requests: RequestStore;
  calendar: () => Promise<WorkingCalendar>;
  clock: Clock;
  actor: Actor;
}): Promise<UnitRequestCounts[]> {
  const today = chinaDate(options.clock.now());
  const soonUntil = addWorkingDays(await options.calendar(), today, DUE_SOON_WORKING_DAYS).date;
  return options.requests.countsByUnit(scopeFor(options.actor, 'request.handle'), { today, soonUntil });
}
