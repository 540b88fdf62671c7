import { DomainError } from '../../../platform/errors.ts';
import { CATALOG_TEXT } from '../strings.ts';
import { catalogEntry, type CatalogAuditAction } from '../audit-actions.ts';
import type { AuditLog } from '../../audit/index.ts';
import { auditActor, can, requirePermission, type Actor } from '../../access/index.ts';
import type { Org, OrgStore } from '../../orgs/index.ts';
import {
  VERSION_ALLOWED_FROM,
  VERSION_PERMISSION,
  type CatalogVersion,
  type VersionAction,
} from '../domain/version.ts';
import type { CatalogStore } from '../ports.ts';
import type { SearchIndex } from '../../search/index.ts';

/**
 * The stores every catalog use case works with; the public search index is written in the same
 * transaction as the catalog publication that changes what is public.
 */
export type CatalogStores = { catalogs: CatalogStore; orgs: OrgStore; audit: AuditLog; searchIndex: SearchIndex };

/**
 * Loads a version and its unit, and checks the actor may take `action` on it. Staff who cannot see
 * the unit at all are told it does not exist.
 * @throws DomainError `not_found`, `forbidden`, `invalid_transition`.
 */
export async function loadVersionFor(
  stores: CatalogStores,
  actor: Actor,
  versionId: string,
  action: VersionAction['type'],
): Promise<{ version: CatalogVersion; org: Org }> {
  const version = await stores.catalogs.getVersion(versionId);
  const org = version && (await stores.orgs.getById(version.orgId));
  if (!version || !org) throw new DomainError('not_found');
  if (actor.kind === 'staff' && !can(actor, 'catalog.edit', org.path) && !can(actor, 'catalog.approve', org.path)) {
    throw new DomainError('not_found');
  }
  const permission = VERSION_PERMISSION[action];
  if (permission === null) {
    if (actor.kind !== 'system') throw new DomainError('forbidden');
  } else requirePermission(actor, permission, org.path);
  if (!VERSION_ALLOWED_FROM[action].includes(version.state)) {
    throw new DomainError('invalid_transition', {
      message: CATALOG_TEXT.versionLocked,
    });
  }
  return { version, org };
}

/** Records one change to a unit's catalog in the audit log. */
export async function recordCatalogChange(
  audit: AuditLog,
  actor: Actor,
  now: Date,
  action: CatalogAuditAction,
  version: CatalogVersion,
  change: { before?: unknown; after?: unknown },
): Promise<void> {
  await audit.append(
    catalogEntry(auditActor(actor), now, {
      action,
      entityType: 'catalog',
      entityId: version.id,
      orgId: version.orgId,
      before: change.before,
      after: change.after,
    }),
  );
}

export function catalogActorId(actor: Actor): string {
  return actor.kind === 'staff' ? actor.userId : 'system';
}
