/**
 * The services module's door (办事服务: service guides and 一件事 bundles): everything the composition
 * root, the demo and other modules may use. Nothing else in the module is imported from outside it.
 */
export { AUDIENCES, ITEM_TYPES, LIFE_EVENTS, MATERIAL_FORMS } from './domain/vocabulary.ts';
export type { Audience, ItemType, LifeEvent, MaterialForm } from './domain/vocabulary.ts';
export { checkGuide, normaliseMaterialName } from './domain/guide.ts';
export type { Faq, Material, ServiceGuide, ServiceGuideInput } from './domain/guide.ts';
export { checkBundle } from './domain/bundle.ts';
export type { ServiceBundle, ServiceBundleInput } from './domain/bundle.ts';
export { mergeMaterials } from './domain/merge-materials.ts';
export type { MergedMaterial } from './domain/merge-materials.ts';
export type { Published, ServiceBundleRecord, ServiceFilter, ServiceGuideRecord, ServiceStore } from './ports.ts';
export { submitServiceGuide } from './commands/submit-service-guide.ts';
export type { GuideFiling, ServiceStores } from './commands/submit-service-guide.ts';
export { submitServiceBundle } from './commands/submit-service-bundle.ts';
export { SERVICE_AUDIT_ACTIONS } from './audit-actions.ts';
export { SERVICE_TEXT } from './strings.ts';
export type { ServiceWebDeps } from './http/deps.ts';
export { registerServiceAdminRoutes } from './http/admin-routes.tsx';
export { registerServicePublicRoutes } from './http/public-routes.tsx';
export { serviceApiRoutes } from './http/api-routes.ts';
export { bundlePath, guidePath, DIRECTORY_PATH } from './views/paths.ts';
