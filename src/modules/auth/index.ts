/**
 * The auth module's door: everything the composition root and other modules may use. Nothing
 * else in the module is imported from outside it.
 */
export { createApiToken } from './commands/create-api-token.ts';
export { createUser } from './commands/create-user.ts';
export { revokeApiToken } from './commands/revoke-api-token.ts';
export { isTokenUsable } from './domain/user.ts';
export { registerAccountRoutes, registerSecondFactorEnrolmentRoutes } from './http/account-routes.tsx';
export { requireSecondFactorEnrolment, requireStaffSession } from './http/admin-guard.ts';
export {
  anonymousFormToken,
  installActor,
  installBearerAuthentication,
  installSessionAuthentication,
  requireToken,
} from './http/authentication.ts';
export { registerLoginRoutes } from './http/login-routes.tsx';
export { SESSION_COOKIE } from './http/request-session.ts';
export { registerUserAdminRoutes } from './http/user-admin-routes.tsx';
export type { PasswordHasher } from './ports.ts';
export { buildStaffActor } from './queries/build-actor.ts';
export { AUTH_AUDIT_ACTIONS } from './audit-actions.ts';
