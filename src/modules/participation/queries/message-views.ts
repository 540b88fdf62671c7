import { scopeFor, scopeIncludes, type Actor } from '../../access/index.ts';
import { chinaDate } from '../../../platform/clock.ts';
import { DomainError } from '../../../platform/errors.ts';
import type { WorkingCalendar } from '../../../platform/working-days.ts';
import { listOrgs, type Org } from '../../orgs/index.ts';
import type { MessageStores } from '../commands/message-stores.ts';
import {
  answeredOnTimeStats,
  answeredOnTimeStatsBy,
  messageDeadline,
  type AnswerStats,
  type MessageDeadline,
} from '../domain/message-clock.ts';
import type { Message, MessageState } from '../domain/message.ts';
import type { ContactCipher, MessageSummary } from '../ports.ts';

type Stores = Pick<MessageStores, 'messages' | 'orgs'>;

export const MESSAGE_PAGE_SIZE = 20;

/** The public list: answered messages the resident agreed to publish, the latest answer first. */
export async function publicMessages(
  stores: Stores,
  page: number,
): Promise<{ items: MessageSummary[]; total: number }> {
  return stores.messages.list({
    orgIds: null,
    states: ['answered'],
    publishedOnly: true,
    limit: MESSAGE_PAGE_SIZE,
    offset: (page - 1) * MESSAGE_PAGE_SIZE,
  });
}

/** One published message, or `not_found` for any other. */
export async function publicMessage(stores: Stores, id: string): Promise<MessageSummary> {
  const message = await stores.messages.get(id);
  if (!message || !message.published || message.state !== 'answered') throw new DomainError('not_found');
  const org = await stores.orgs.getById(message.orgId);
  return { ...message, orgName: org?.name ?? '' };
}

/** One unit's row of the public statistics (留言办理情况). */
export type UnitMessageStats = AnswerStats & { org: Org };

/**
 * Per-unit statistics over the valid messages received in the past 12 months: received, answered,
 * answered within the limit, mean working days to answer. A transferred message counts for the
 * unit it was transferred to. Units with no message are left out; the district's total comes first.
 */
export async function messageStatistics(
  stores: Stores,
  options: { now: Date; calendar: WorkingCalendar; limitWorkingDays: number },
): Promise<{ since: string; total: AnswerStats; units: UnitMessageStats[] }> {
  const since = chinaDate(new Date(options.now.getTime() - 365 * 86_400_000));
  const facts = await stores.messages.clockFacts(since);
  const orgs = await listOrgs(stores);
  const byUnit = answeredOnTimeStatsBy(facts, (f) => f.orgId, options.calendar, options.limitWorkingDays);
  const units = orgs.flatMap((org) => {
    const stats = byUnit.get(org.id);
    return stats ? [{ org, ...stats }] : [];
  });
  return { since, total: answeredOnTimeStats(facts, options.calendar, options.limitWorkingDays), units };
}

export type StaffMessageRow = MessageSummary & { deadline: MessageDeadline | null };

/** The back office's list: messages of the reader's units, with each one's due date while open. */
export async function staffMessages(
  stores: Stores,
  options: {
    actor: Actor;
    now: Date;
    calendar: WorkingCalendar;
    limitWorkingDays: number;
    states: readonly MessageState[] | null;
    page: number;
  },
): Promise<{ items: StaffMessageRow[]; total: number }> {
  const scope = scopeFor(options.actor, 'interaction.handle');
  const orgIds =
    scope.kind === 'all'
      ? null
      : (await listOrgs(stores)).filter((org) => scopeIncludes(scope, org.path)).map((org) => org.id);
  const { items, total } = await stores.messages.list({
    orgIds,
    states: options.states,
    publishedOnly: false,
    limit: MESSAGE_PAGE_SIZE,
    offset: (options.page - 1) * MESSAGE_PAGE_SIZE,
  });
  const today = chinaDate(options.now);
  return {
    items: items.map((item) => ({
      ...item,
      deadline: deadlineOf(item, options.calendar, today, options.limitWorkingDays),
    })),
    total,
  };
}

/** A message as its back-office page shows it: the contact opened, the clock, the alerts sent. */
export type StaffMessageView = {
  message: Message;
  org: Org;
  contact: string;
  deadline: MessageDeadline | null;
  alerts: { key: string; sentAt: string }[];
  orgNames: Map<string, string>;
};

export async function staffMessageView(
  stores: Stores,
  options: {
    message: Message;
    org: Org;
    cipher: ContactCipher;
    now: Date;
    calendar: WorkingCalendar;
    limitWorkingDays: number;
  },
): Promise<StaffMessageView> {
  const { message } = options;
  const orgs = await listOrgs(stores);
  return {
    message,
    org: options.org,
    contact: options.cipher.open(message.contactSealed),
    deadline: deadlineOf(message, options.calendar, chinaDate(options.now), options.limitWorkingDays),
    alerts: await stores.messages.alerts(message.id),
    orgNames: new Map(orgs.map((org) => [org.id, org.name])),
  };
}

/** The clock of a message still counted (not declined). */
function deadlineOf(message: Message, calendar: WorkingCalendar, today: string, limit: number): MessageDeadline | null {
  if (message.state === 'declined') return null;
  return messageDeadline(message, calendar, today, limit);
}
