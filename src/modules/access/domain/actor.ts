import { DomainError } from '../../../platform/errors.ts';
import { isInSubtree } from '../../../platform/subtree.ts';
import { GRANTABLE_ROLES, PERMISSIONS, ROLE_PERMISSIONS, type Permission, type Role } from './roles.ts';

/** A role held in one organisation, with that organisation's path for subtree checks. */
export type RoleGrant = { role: Role; orgId: string; orgPath: string };

/** Whoever is acting: a member of the public, a signed-in staff member, or the system itself. */
export type Actor =
  | { kind: 'public'; ip?: string | undefined }
  | {
      kind: 'staff';
      userId: string;
      username: string;
      displayName: string;
      homeOrgId: string;
      grants: RoleGrant[];
      ip?: string | undefined;
    }
  | { kind: 'system'; name: string };

export type StaffActor = Extract<Actor, { kind: 'staff' }>;

export const PUBLIC_ACTOR: Actor = { kind: 'public' };

/** The system actor used by scheduled jobs and the command line. */
export function systemActor(name: string): Actor {
  return { kind: 'system', name };
}

/**
 * Which records a reader may see, as a filter that stores turn into a where-clause: the public
 * sees published records only; staff see everything inside the subtrees where they hold a
 * permission; the system sees everything. An empty path list means nothing.
 */
export type AccessScope = { kind: 'public' } | { kind: 'subtrees'; paths: string[] } | { kind: 'all' };

/** The subtrees in which `actor` holds `permission`, as an access scope. */
export function scopeFor(actor: Actor, permission: Permission): AccessScope {
  switch (actor.kind) {
    case 'public':
      return { kind: 'public' };
    case 'system':
      return { kind: 'all' };
    case 'staff':
      return { kind: 'subtrees', paths: pathsWith(actor, permission) };
    default: {
      const unreachable: never = actor;
      return unreachable;
    }
  }
}

/** True when `actor` holds `permission` in a unit whose subtree contains `orgPath`. */
export function can(actor: Actor, permission: Permission, orgPath: string): boolean {
  if (actor.kind === 'system') return true;
  if (actor.kind === 'public') return false;
  return pathsWith(actor, permission).some((path) => isInSubtree(orgPath, path));
}

/** Every permission `actor` holds at the unit with this path (through a grant there or above it). */
export function permissionsAt(actor: Actor, orgPath: string): Set<Permission> {
  return new Set(PERMISSIONS.filter((permission) => can(actor, permission, orgPath)));
}

/** True when `actor` holds `permission` anywhere at all (used to show or hide menu items). */
export function canAnywhere(actor: Actor, permission: Permission): boolean {
  if (actor.kind === 'system') return true;
  if (actor.kind === 'public') return false;
  return pathsWith(actor, permission).length > 0;
}

/**
 * Stops unless `actor` holds `permission` over `orgPath`.
 * @throws DomainError `unauthenticated` for the public, `out_of_scope` for staff acting elsewhere.
 */
export function requirePermission(actor: Actor, permission: Permission, orgPath: string): void {
  if (actor.kind === 'public') throw new DomainError('unauthenticated');
  if (!can(actor, permission, orgPath)) {
    throw new DomainError(canAnywhere(actor, permission) ? 'out_of_scope' : 'forbidden');
  }
}

/** True when the scope lets its holder see a record of the unit at `orgPath`. */
export function scopeIncludes(scope: AccessScope, orgPath: string): boolean {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'public':
      return false;
    case 'subtrees':
      return scope.paths.some((path) => isInSubtree(orgPath, path));
    default: {
      const unreachable: never = scope;
      return unreachable;
    }
  }
}

/** True when `actor` may grant `role` in the unit at `orgPath` (inside their own subtree). */
export function canGrant(actor: Actor, role: Role, orgPath: string): boolean {
  if (actor.kind === 'system') return true;
  if (actor.kind === 'public') return false;
  return actor.grants.some(
    (grant) => isInSubtree(orgPath, grant.orgPath) && GRANTABLE_ROLES[grant.role].includes(role),
  );
}

/** A name for the audit log. */
export function actorName(actor: Actor): string {
  switch (actor.kind) {
    case 'public':
      return '公众';
    case 'system':
      return `系统(${actor.name})`;
    case 'staff':
      return `${actor.displayName}(${actor.username})`;
    default: {
      const unreachable: never = actor;
      return unreachable;
    }
  }
}

/** The user id of a staff actor, or null for the public and the system. */
export function actorUserId(actor: Actor): string | null {
  return actor.kind === 'staff' ? actor.userId : null;
}

function pathsWith(actor: StaffActor, permission: Permission): string[] {
  const paths = [
    ...new Set(
      actor.grants.filter((grant) => ROLE_PERMISSIONS[grant.role].includes(permission)).map((grant) => grant.orgPath),
    ),
  ];
  // Drop paths already covered by a broader one, so filters stay short.
  return paths.filter((path) => !paths.some((other) => other !== path && isInSubtree(path, other)));
}

/** The identity the audit log records for `actor`. */
export function auditActor(actor: Actor): { id: string | null; name: string; ip: string | null } {
  return { id: actorUserId(actor), name: actorName(actor), ip: actor.kind === 'system' ? null : (actor.ip ?? null) };
}

/**
 * Stops unless `actor` holds a permission that is not tied to one unit (site settings, the
 * calendar): anywhere they hold it, it applies everywhere.
 * @throws DomainError `unauthenticated` or `forbidden`.
 */
export function requireGlobalPermission(actor: Actor, permission: Permission): void {
  if (actor.kind === 'public') throw new DomainError('unauthenticated');
  if (!canAnywhere(actor, permission)) throw new DomainError('forbidden');
}
