/**
 * The site module's door: everything the composition root and other modules may use. Nothing
 * else in the module is imported from outside it.
 */
export { SETTING_KEYS } from './domain/site-settings.ts';
export { registerDashboardRoutes } from './http/dashboard-routes.tsx';
export { registerSitePublicRoutes } from './http/public-routes.tsx';
export { registerSettingsRoutes } from './http/settings-routes.tsx';
export { createSiteSettingsCache } from './queries/get-site-settings.ts';
export type { SiteSettingsCache } from './queries/get-site-settings.ts';
export { SITE_AUDIT_ACTIONS } from './audit-actions.ts';
