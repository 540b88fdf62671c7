import { DomainError } from '../../../platform/errors.ts';
import { scopeFor, scopeIncludes, type Actor } from '../../access/index.ts';
import type { Org, OrgStore } from '../../orgs/index.ts';
import type { Edition, GovDocument } from '../domain/workflow.ts';
import type { Attachment, DocumentStore } from '../ports.ts';

/** One entry of a document's public change history (GOV.UK's "full page history"). */
export type HistoryEntry = { version: string; publishedAt: string; changeNote: string | null; isMajor: boolean };

/** A document as its public page shows it. */
export type PublicDocumentView = {
  document: GovDocument;
  org: Org;
  edition: Edition;
  attachments: Attachment[];
  history: HistoryEntry[];
};

/**
 * The live edition of a document for the public: published, or withdrawn with its notice.
 * Drafts and documents never published do not exist as far as the public is concerned.
 * @throws DomainError `not_found`.
 */
export async function getPublicDocument(options: {
  documents: DocumentStore;
  orgs: OrgStore;
  documentId: string;
}): Promise<PublicDocumentView> {
  const document = await options.documents.getDocument(options.documentId);
  if (!document) throw new DomainError('not_found');
  const editions = await options.documents.editionsOf(document.id);
  const live = editions.find((e) => e.state === 'published' || e.state === 'withdrawn');
  const org = await options.orgs.getById(document.orgId);
  if (!live || !org) throw new DomainError('not_found');
  return {
    document,
    org,
    edition: live,
    attachments: await options.documents.attachmentsOf(live.id),
    history: publicHistory(editions),
  };
}

/** Published and superseded editions, newest first, with the notes of major changes. */
export function publicHistory(editions: Edition[]): HistoryEntry[] {
  return editions
    .filter((e) => e.publishedAt !== null && e.versionMajor !== null)
    .sort((a, b) => b.number - a.number)
    .map((e) => ({
      version: `${e.versionMajor}.${e.versionMinor ?? 0}`,
      publishedAt: e.publishedAt!,
      changeNote: e.number === 1 ? '首次发布' : e.content.isMajor ? e.content.changeNote : null,
      isMajor: e.content.isMajor,
    }));
}

/** A document as staff see it: every edition and the attachments of each. */
export type StaffDocumentView = {
  document: GovDocument;
  org: Org;
  editions: Edition[];
  attachments: Map<string, Attachment[]>;
};

/**
 * A document with all its editions, for staff whose subtree holds it.
 * @throws DomainError `not_found` also when the document lies outside the reader's scope.
 */
export async function getStaffDocument(options: {
  documents: DocumentStore;
  orgs: OrgStore;
  actor: Actor;
  documentId: string;
}): Promise<StaffDocumentView> {
  const document = await options.documents.getDocument(options.documentId);
  const org = document && (await options.orgs.getById(document.orgId));
  if (!document || !org || !scopeIncludes(scopeFor(options.actor, 'document.read'), org.path)) {
    throw new DomainError('not_found');
  }
  const editions = await options.documents.editionsOf(document.id);
  const attachments = new Map<string, Attachment[]>();
  for (const edition of editions) attachments.set(edition.id, await options.documents.attachmentsOf(edition.id));
  return { document, org, editions, attachments };
}
