import { scopeFor, scopeIncludes, type Actor } from '../../access/index.ts';
import { DomainError } from '../../../platform/errors.ts';
import { listOrgs, type Org } from '../../orgs/index.ts';
import type { InterviewStores } from '../commands/interview-stores.ts';
import {
  interviewSection,
  type Interview,
  type InterviewMedia,
  type InterviewQuestion,
  type TranscriptEntry,
} from '../domain/interview.ts';

type Stores = Pick<InterviewStores, 'interviews' | 'orgs'>;

/** An interview with its unit's name, for lists. */
export type InterviewListItem = Interview & { orgName: string };
/** The public list: upcoming, live and past interviews. */
export type InterviewSections = {
  upcoming: InterviewListItem[];
  live: InterviewListItem[];
  past: InterviewListItem[];
};

/** How many interviews the public list and the back office's list show. */
export const INTERVIEW_LIST_LIMIT = 100;

/** The public list in its three sections: upcoming soonest first, live, past latest first. */
export async function publicInterviews(stores: Stores): Promise<InterviewSections> {
  const { items } = await stores.interviews.list({
    orgIds: null,
    publicOnly: true,
    limit: INTERVIEW_LIST_LIMIT,
    offset: 0,
  });
  const names = new Map((await listOrgs(stores)).map((org) => [org.id, org.name]));
  const sections: InterviewSections = { upcoming: [], live: [], past: [] };
  for (const interview of items) {
    const section = interviewSection(interview.state);
    if (section) sections[section].push({ ...interview, orgName: names.get(interview.orgId) ?? '' });
  }
  sections.upcoming.reverse();
  return sections;
}

/** The interviews of the units where the reader handles interaction, latest first. */
export async function staffInterviews(stores: Stores, actor: Actor): Promise<InterviewListItem[]> {
  const orgs = await listOrgs(stores);
  const scope = scopeFor(actor, 'interaction.handle');
  const visible = scope.kind === 'all' ? null : orgs.filter((o) => scopeIncludes(scope, o.path)).map((o) => o.id);
  const { items } = await stores.interviews.list({
    orgIds: visible,
    publicOnly: false,
    limit: INTERVIEW_LIST_LIMIT,
    offset: 0,
  });
  const names = new Map(orgs.map((org) => [org.id, org.name]));
  return items.map((interview) => ({ ...interview, orgName: names.get(interview.orgId) ?? '' }));
}

/** One interview as a page shows it. */
export type InterviewView = {
  interview: Interview;
  org: Org;
  /** Shown questions for the public; every question for staff. */
  questions: InterviewQuestion[];
  hiddenCount: number;
  entries: TranscriptEntry[];
  media: InterviewMedia[];
};

/**
 * One interview: `actor` null is the public (no drafts, shown questions only); staff see the
 * interviews of their subtree with every question.
 * @throws DomainError `not_found`.
 */
export async function interviewView(
  stores: Stores,
  options: { interviewId: string; actor: Actor | null },
): Promise<InterviewView> {
  const interview = await stores.interviews.get(options.interviewId);
  const org = interview ? await stores.orgs.getById(interview.orgId) : undefined;
  if (!interview || !org) throw new DomainError('not_found');
  if (options.actor === null && interview.state === 'draft') throw new DomainError('not_found');
  if (options.actor !== null && !scopeIncludes(scopeFor(options.actor, 'interaction.handle'), org.path)) {
    throw new DomainError('not_found');
  }
  const [questions, hiddenCount, entries, media] = await Promise.all([
    stores.interviews.questions(interview.id, options.actor === null ? ['shown'] : ['pending', 'shown', 'hidden']),
    stores.interviews.hiddenCount(interview.id),
    stores.interviews.entries(interview.id, 0),
    stores.interviews.media(interview.id),
  ]);
  return { interview, org, questions, hiddenCount, entries, media };
}
