import { scopeFor, type Actor } from '../../access/index.ts';
import { DomainError } from '../../../platform/errors.ts';
import type { AuditEntry } from '../domain/audit-entry.ts';
import type { AuditFilter, AuditReader } from '../ports.ts';

/**
 * Browses the audit log through the reader's scope: system and district admins see everything in
 * their subtree (the whole district for them), a unit admin sees entries about their own units.
 * @throws DomainError `forbidden` for staff without the audit permission.
 */
export async function findAuditEntries(options: {
  audit: AuditReader;
  actor: Actor;
  filter: AuditFilter;
  page: { offset: number; limit: number };
}): Promise<{ items: AuditEntry[]; total: number }> {
  const scope = scopeFor(options.actor, 'audit.read');
  if (scope.kind === 'public' || (scope.kind === 'subtrees' && scope.paths.length === 0)) {
    throw new DomainError('forbidden');
  }
  const isRootScope = scope.kind === 'all' || scope.paths.some((path) => path.split('/').length === 3);
  // Entries with no unit (sign-ins, system events) are visible only to whole-district readers.
  const orgPaths = isRootScope ? undefined : scope.kind === 'subtrees' ? scope.paths : undefined;
  return options.audit.find({ ...options.filter, orgPaths }, options.page);
}
