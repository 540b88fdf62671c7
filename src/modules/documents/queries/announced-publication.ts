import { chinaDate } from '../../../platform/clock.ts';
import type { OrgStore } from '../../orgs/index.ts';
import type { Audience, Genre, PolicyTag, Topic } from '../domain/metadata.ts';
import { bodyText, documentHref } from '../commands/public-index.ts';
import type { DocumentStore } from '../ports.ts';
import { documentShortPath } from '../http/present.ts';

/** What an announcement of a publication says and whom it may concern. */
export type AnnouncedPublication = {
  documentId: string;
  editionId: string;
  title: string;
  docNumber: string | null;
  genre: Genre;
  topic: Topic;
  fieldCode: string | null;
  audiences: Audience[];
  policyTags: PolicyTag[];
  orgId: string;
  /** The unit and the units above it, top first: a subscriber to any of them is concerned. */
  orgAncestorIds: string[];
  orgName: string;
  publishedOn: string;
  /** When the edition went live. */
  publishedAt: string;
  /** The public page, as a path, and its short form for SMS. */
  href: string;
  shortHref: string;
  /** The first words of the body, plain text. */
  summary: string;
  /** True for a later edition (a major change), false for the first publication. */
  isUpdate: boolean;
  changeNote: string | null;
};

/** How much of the body an announcement quotes. */
const SUMMARY_CHARACTERS = 120;

/**
 * The edition a publication job names, as announced: undefined when it is no longer the live
 * edition (withdrawn or replaced before the job ran), so nobody is told about what is gone.
 */
export async function announcedPublication(
  stores: { documents: DocumentStore; orgs: OrgStore },
  editionId: string,
): Promise<AnnouncedPublication | undefined> {
  const edition = await stores.documents.getEdition(editionId);
  if (edition?.state !== 'published') return undefined;
  const document = await stores.documents.getDocument(edition.documentId);
  const org = document && (await stores.orgs.getById(document.orgId));
  if (!document || !org) return undefined;
  const c = edition.content;
  const text = bodyText(c.bodyHtml).replace(/\s+/g, ' ');
  return {
    documentId: document.id,
    editionId: edition.id,
    title: c.title,
    docNumber: c.docNumber,
    genre: c.genre,
    topic: c.topic,
    fieldCode: c.fieldCode,
    audiences: c.audiences,
    policyTags: c.policyTags,
    orgId: org.id,
    orgAncestorIds: org.path.split('/').filter((id) => id !== ''),
    orgName: org.name,
    publishedOn: c.publishedOn ?? chinaDate(new Date(edition.publishedAt ?? edition.updatedAt)),
    publishedAt: edition.publishedAt ?? edition.updatedAt,
    href: documentHref(document.id),
    shortHref: documentShortPath(document.id),
    summary: text.length > SUMMARY_CHARACTERS ? `${text.slice(0, SUMMARY_CHARACTERS)}……` : text,
    isUpdate: edition.number > 1,
    changeNote: c.changeNote,
  };
}
