import { DomainError } from '../../../platform/errors.ts';
import { scopeFor, scopeIncludes, type Actor } from '../../access/index.ts';
import type { DocumentStore } from '../../documents/index.ts';
import { listOrgs, type OrgStore } from '../../orgs/index.ts';
import { responseDelay, type Concern } from '../domain/concern.ts';
import type { ConcernResponseEdition, ConcernStore, ConcernSummary } from '../ports.ts';
import { INTERPRETATION_TEXT } from '../strings.ts';

/** At most this many concerns on a list; the newest activity first. */
export const CONCERN_LIST_LIMIT = 200;

type Stores = { concerns: ConcernStore; orgs: OrgStore; documents: DocumentStore };

/** A linked document as a response shows it: its live edition's title and 文号. */
export type LinkedDocument = { documentId: string; title: string; docNumber: string | null };

export type ConcernListItem = ConcernSummary & { orgName: string; delay: string | null };

export type ConcernView = {
  concern: Concern;
  orgName: string;
  delay: string | null;
  responses: (ConcernResponseEdition & { linked: LinkedDocument[] })[];
};

async function withNames(stores: Stores, items: ConcernSummary[]): Promise<ConcernListItem[]> {
  const names = new Map((await listOrgs(stores)).map((org) => [org.id, org.name]));
  return items.map((item) => ({
    ...item,
    orgName: names.get(item.concern.orgId) ?? '',
    delay: responseDelay(item.concern.reportedAt, item.firstResponseAt),
  }));
}

/** The public list of 回应关切: concerns with a published response. */
export async function publicConcerns(stores: Stores): Promise<ConcernListItem[]> {
  return withNames(
    stores,
    await stores.concerns.list({ orgIds: null, publishedOnly: true, limit: CONCERN_LIST_LIMIT }),
  );
}

/** The back office's list: the concerns of the units the reader may draft documents for. */
export async function staffConcerns(stores: Stores, actor: Actor): Promise<ConcernListItem[]> {
  const scope = scopeFor(actor, 'document.read');
  const orgIds = (await listOrgs(stores)).filter((org) => scopeIncludes(scope, org.path)).map((org) => org.id);
  return withNames(stores, await stores.concerns.list({ orgIds, publishedOnly: false, limit: CONCERN_LIST_LIMIT }));
}

async function linkedOf(stores: Stores, ids: readonly string[]): Promise<LinkedDocument[]> {
  const linked: LinkedDocument[] = [];
  for (const id of ids) {
    const live = (await stores.documents.editionsOf(id)).find((e) => e.state === 'published');
    if (live) linked.push({ documentId: id, title: live.content.title, docNumber: live.content.docNumber });
  }
  return linked;
}

/**
 * A concern with its timeline. The public sees published responses only and a concern without one
 * does not exist for it; staff of the unit's subtree see every response's latest edition and state.
 * @throws DomainError `not_found`.
 */
export async function concernView(
  stores: Stores,
  options: { concernId: string; actor: Actor | null },
): Promise<ConcernView> {
  const concern = await stores.concerns.get(options.concernId);
  const org = concern ? await stores.orgs.getById(concern.orgId) : undefined;
  const notFound = new DomainError('not_found', { message: INTERPRETATION_TEXT.concern.notFound });
  if (!concern || !org) throw notFound;
  if (options.actor && !scopeIncludes(scopeFor(options.actor, 'document.read'), org.path)) throw notFound;
  const all = await stores.concerns.responsesOf(concern.id);
  const published = all.filter((r) => r.state === 'published');
  let shown: ConcernResponseEdition[];
  if (options.actor) {
    // The latest edition of each response, in the order of the timeline.
    const latest = new Map<string, ConcernResponseEdition>();
    for (const response of all) {
      const known = latest.get(response.documentId);
      if (!known || response.updatedAt >= known.updatedAt) latest.set(response.documentId, response);
    }
    shown = all.filter((r) => latest.get(r.documentId) === r);
  } else {
    if (published.length === 0) throw notFound;
    shown = published;
  }
  const first =
    published
      .map((r) => r.publishedAt)
      .filter((at): at is string => at !== null)
      .sort()[0] ?? null;
  const responses = [];
  for (const response of shown)
    responses.push({ ...response, linked: await linkedOf(stores, response.linkedDocumentIds) });
  return { concern, orgName: org.name, delay: responseDelay(concern.reportedAt, first), responses };
}

/** On a response's own page: the concern it answers and what it links to. */
export async function responseContext(
  stores: Stores,
  editionId: string,
): Promise<{ concern: Concern; linked: LinkedDocument[] } | undefined> {
  const record = await stores.concerns.responseForEdition(editionId);
  if (!record) return undefined;
  const concern = await stores.concerns.get(record.concernId);
  return concern ? { concern, linked: await linkedOf(stores, record.linkedDocumentIds) } : undefined;
}
