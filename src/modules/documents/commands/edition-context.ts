import { DomainError } from '../../../platform/errors.ts';
import { DOCUMENT_TEXT } from '../strings.ts';
import { documentEntry, type DocumentAuditAction } from '../audit-actions.ts';
import { sha256Hex } from '../../../platform/ids.ts';
import type { AuditLog } from '../../audit/index.ts';
import { auditActor, can, requirePermission, type Actor } from '../../access/index.ts';
import type { Org, OrgStore } from '../../orgs/index.ts';
import { ACTION_PERMISSIONS, type Edition, type GovDocument, type WorkflowActionType } from '../domain/workflow.ts';
import type { AttachmentTextStore, CatalogEntryLookup, DocumentStore } from '../ports.ts';
import type { JobSender } from '../../../platform/jobs.ts';
import type { EditionContent } from '../domain/metadata.ts';
import type { SearchIndex } from '../../search/index.ts';

/** The stores every document use case works with. */
export type DocumentStores = {
  documents: DocumentStore;
  orgs: OrgStore;
  audit: AuditLog;
  catalogs: CatalogEntryLookup;
  /** The public search index, written in the same transaction as publication and withdrawal. */
  searchIndex: SearchIndex;
  /** Text extracted from attachments, indexed with the body. */
  attachmentTexts: AttachmentTextStore;
  /** Background jobs, sent with the transaction (attachment text extraction). */
  jobs: JobSender;
};

/**
 * Information is filed under an entry of the published standard catalog of its unit or of a unit
 * above it (a village's items sit in its town's catalog).
 * @throws DomainError `validation_failed` when the entry is not there.
 */
export async function checkCatalogFiling(stores: DocumentStores, org: Org, content: EditionContent): Promise<void> {
  if (!content.catalogEntryKey) return;
  const ancestors = org.path.split('/').filter((id) => id !== '');
  if (!(await stores.catalogs.publishedEntry(ancestors, content.catalogEntryKey))) {
    throw new DomainError('validation_failed', {
      fields: [{ field: 'catalogEntryKey', message: DOCUMENT_TEXT.entryNotInCatalog }],
    });
  }
}

/** An edition with the document it belongs to and the unit that publishes it. */
export type EditionContext = { edition: Edition; document: GovDocument; org: Org };

/**
 * Loads an edition, its document and its unit.
 * @throws DomainError `not_found`.
 */
export async function loadEditionContext(stores: DocumentStores, editionId: string): Promise<EditionContext> {
  const edition = await stores.documents.getEdition(editionId);
  const document = edition && (await stores.documents.getDocument(edition.documentId));
  const org = document && (await stores.orgs.getById(document.orgId));
  if (!edition || !document || !org) throw new DomainError('not_found');
  return { edition, document, org };
}

/**
 * Stops unless the actor may take this workflow action in the unit. Staff who cannot even read the
 * unit's documents are told the record does not exist, so scope does not leak existence.
 * @throws DomainError `not_found`, `forbidden`, `unauthenticated`.
 */
export function requireActionPermission(actor: Actor, action: WorkflowActionType, org: Org): void {
  const permissions = ACTION_PERMISSIONS[action];
  if (permissions === null) {
    if (actor.kind !== 'system') throw new DomainError('forbidden');
    return;
  }
  if (actor.kind === 'staff' && !can(actor, 'document.read', org.path)) throw new DomainError('not_found');
  if (!permissions.some((permission) => can(actor, permission, org.path))) {
    requirePermission(actor, permissions[0]!, org.path);
  }
}

/** What the audit log keeps of an edition: its metadata and workflow fields, and a hash of the body. */
export function editionSnapshot(edition: Edition): Record<string, unknown> {
  const { bodyHtml, ...metadata } = edition.content;
  const { content: _content, ...workflow } = edition;
  return { ...workflow, ...metadata, bodySha256: sha256Hex(bodyHtml) };
}

/** Records one change to a document in the audit log. */
export async function recordDocumentChange(
  audit: AuditLog,
  actor: Actor,
  now: Date,
  action: DocumentAuditAction,
  context: { document: GovDocument; org: Org },
  before: Edition | undefined,
  after: Edition | undefined,
): Promise<void> {
  await audit.append(
    documentEntry(auditActor(actor), now, {
      action,
      entityType: 'document',
      entityId: context.document.id,
      orgId: context.org.id,
      before: before && editionSnapshot(before),
      after: after && editionSnapshot(after),
    }),
  );
}

/** The actor's user id for the workflow (null for the system). */
export function workflowActorId(actor: Actor): string | null {
  return actor.kind === 'staff' ? actor.userId : null;
}
