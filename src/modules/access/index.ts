/**
 * The access module's door: everything the composition root and other modules may use. Nothing
 * else in the module is imported from outside it.
 */
export {
  PUBLIC_ACTOR,
  actorUserId,
  auditActor,
  can,
  canAnywhere,
  canGrant,
  permissionsAt,
  requireGlobalPermission,
  requirePermission,
  scopeFor,
  scopeIncludes,
  systemActor,
} from './domain/actor.ts';
export type { AccessScope, Actor, RoleGrant, StaffActor } from './domain/actor.ts';
export { ROLES, ROLE_LABELS, isRole } from './domain/roles.ts';
export type { Permission, Role } from './domain/roles.ts';
export { staffOf } from './http/request-actor.ts';
