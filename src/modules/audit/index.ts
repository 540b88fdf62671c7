/**
 * The audit module's door: everything the composition root and other modules may use. Nothing
 * else in the module is imported from outside it.
 */
export { changeEntry, entryBuilder } from './domain/audit-entry.ts';
export type { AuditActionLabels, AuditActionName } from './domain/audit-entry.ts';
export { registerAuditAdminRoutes } from './http/admin-routes.tsx';
export type { AuditLog } from './ports.ts';
export { verifyAuditChain } from './queries/verify-audit-chain.ts';
