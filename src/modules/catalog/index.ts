/**
 * The catalog module's door: everything the composition root and other modules may use. Nothing
 * else in the module is imported from outside it.
 */
export { approveCatalog } from './commands/approve-catalog.ts';
export { rebuildCatalogIndex } from './commands/catalog-search-index.ts';
export { importCatalogTemplate } from './commands/import-catalog-template.ts';
export { removeCatalogEntry } from './commands/remove-catalog-entry.ts';
export { returnCatalog } from './commands/return-catalog.ts';
export { saveCatalogEntry } from './commands/save-catalog-entry.ts';
export { startCatalogVersion } from './commands/start-catalog-version.ts';
export { submitCatalog } from './commands/submit-catalog.ts';
export type { CatalogEntry } from './domain/entry.ts';
export { registerCatalogAdminRoutes } from './http/admin-routes.tsx';
export { registerCatalogPublicRoutes } from './http/public-routes.tsx';
export { catalogApiRoutes } from './http/api-routes.ts';
export { createCatalogFiling } from './queries/document-filing.ts';
export { CATALOG_AUDIT_ACTIONS } from './audit-actions.ts';
