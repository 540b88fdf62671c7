import { permissionsAt, type Actor } from '../../access/index.ts';
import { availableActions, type AvailableAction } from '../domain/available-actions.ts';
import type { OrgStore } from '../../orgs/index.ts';
import { UNPUBLISHED_STATES, type Edition } from '../domain/workflow.ts';
import type { CatalogFiling, DocumentStore, FilingView, StaffNames } from '../ports.ts';
import { getStaffDocument, type StaffDocumentView } from './get-document.ts';

/** A document as its back-office page shows it: every edition, who did what, and where it is filed. */
export type AdminDocumentView = {
  view: StaffDocumentView;
  latest: Edition;
  /** 姓名（用户名） of everybody named on an edition; the system as 系统. */
  names: Map<string, string>;
  filing: FilingView | undefined;
  /** What the reader may do with the latest edition now. */
  actions: AvailableAction[];
};

/**
 * A document for its back-office page, read through the staff filter, with the names of the
 * people on its editions in one lookup and its catalog filing.
 * @throws DomainError `not_found` also when the document lies outside the reader's scope.
 */
export async function getAdminDocument(options: {
  stores: { documents: DocumentStore; orgs: OrgStore; users: StaffNames };
  filing: CatalogFiling;
  actor: Actor;
  documentId: string;
}): Promise<AdminDocumentView> {
  const view = await getStaffDocument({
    documents: options.stores.documents,
    orgs: options.stores.orgs,
    actor: options.actor,
    documentId: options.documentId,
  });
  const ids = view.editions
    .flatMap((e) => [e.createdBy, e.updatedBy, e.submittedBy, e.reviewedBy, e.retroApprovedBy, e.sensitiveOverrideBy])
    .filter((id): id is string => id !== null);
  const found = await options.stores.users.namesOf(ids);
  const names = new Map(ids.map((id) => [id, found.get(id) ?? (id === 'system' ? '系统' : id)]));
  const latest = [...view.editions].sort((a, b) => b.number - a.number)[0]!;
  const key = latest.content.catalogEntryKey;
  const isLive = latest.state === 'published' || latest.state === 'withdrawn';
  const filing = key
    ? await options.filing.describe({
        orgPath: view.org.path,
        entryKey: key,
        formedOn: latest.content.formedOn,
        publishedOn: isLive ? latest.content.publishedOn : null,
      })
    : undefined;
  const actions = availableActions({
    edition: latest,
    permissions: permissionsAt(options.actor, view.org.path),
    actorId: options.actor.kind === 'staff' ? options.actor.userId : null,
    hasDraft: view.editions.some((e) => UNPUBLISHED_STATES.includes(e.state)),
  });
  return { view, latest, names, filing, actions };
}
