/**
 * The orgs module's door: everything the composition root and other modules may use. Nothing
 * else in the module is imported from outside it.
 */
export { createOrg } from './commands/create-org.ts';
export { ORG_TYPE_LABELS, acceptsRequests, requestHandlingUnit, sortAsTree } from './domain/org.ts';
export type { DisclosureLevel, Org, OrgType } from './domain/org.ts';
export { registerOrgAdminRoutes } from './http/admin-routes.tsx';
export { orgApiRoutes } from './http/api-routes.ts';
export type { OrgStore } from './ports.ts';
export { ancestry, buildTree, listOrgs } from './queries/org-tree.ts';
export type { OrgNode } from './queries/org-tree.ts';
export { ORG_AUDIT_ACTIONS } from './audit-actions.ts';
