import { DomainError } from '../../../platform/errors.ts';
import { scopeFor, scopeIncludes, type Actor } from '../../access/index.ts';
import type { OrgStore } from '../../orgs/index.ts';
import type { Attachment, DocumentStore, FileStorage } from '../ports.ts';

/**
 * An attachment's record and bytes, through the same filter as its edition: the public may read
 * attachments of public editions only, staff those inside their subtrees.
 * @throws DomainError `not_found`.
 */
export async function readAttachment(options: {
  documents: DocumentStore;
  orgs: OrgStore;
  files: FileStorage;
  actor: Actor;
  attachmentId: string;
}): Promise<{ attachment: Attachment; bytes: Buffer }> {
  const attachment = await options.documents.getAttachment(options.attachmentId);
  const edition = attachment && (await options.documents.getEdition(attachment.editionId));
  const document = edition && (await options.documents.getDocument(edition.documentId));
  const org = document && (await options.orgs.getById(document.orgId));
  if (!attachment || !edition || !org) throw new DomainError('not_found');
  const isPublic = edition.state === 'published' || edition.state === 'withdrawn';
  const scope = scopeFor(options.actor, 'document.read');
  if (!isPublic && !scopeIncludes(scope, org.path)) throw new DomainError('not_found');
  const bytes = await options.files.read(attachment.sha256);
  if (!bytes) throw new DomainError('not_found');
  return { attachment, bytes };
}
