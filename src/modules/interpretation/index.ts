/**
 * The interpretation module's door (政策解读 and 回应关切): everything the composition root and other
 * modules may use. Nothing else in the module is imported from outside it.
 */
export { INTERPRETATION_KINDS, COUNTED_KIND } from './domain/kinds.ts';
export type { InterpretationKind } from './domain/kinds.ts';
export { INTERPRETATION_WORKING_DAYS, interpretationTimeliness } from './domain/timeliness.ts';
export type { Timeliness } from './domain/timeliness.ts';
export { CHART_TYPES, MAX_CHART_ROWS, MAX_CHART_SERIES, parseChartData } from './domain/chart-data.ts';
export type { ChartData, ChartDataResult, ChartType } from './domain/chart-data.ts';
export { CHART_BACKGROUND, CHART_SERIES_COLOURS, CHART_TEXT } from './domain/palette.ts';
export { COVERAGE_TARGET, interpretationCoverage } from './domain/coverage.ts';
export type { Coverage, CoverageFigure, NormativeDocument } from './domain/coverage.ts';
export { INTERPRETATION_TEXT } from './strings.ts';
export type {
  ChartRenderer,
  ChartSpec,
  ConcernResponseEdition,
  ConcernResponseRecord,
  ConcernStore,
  ConcernSummary,
  InterpretationEdition,
  InterpretationStore,
  PublishedInterpretation,
  SvgRasteriser,
} from './ports.ts';
export { checkGraphic, GRAPHIC_LIMITS, MAX_GRAPHIC_BLOCKS } from './domain/graphic.ts';
export type { GraphicBlock, GraphicBlockInput, GraphicCheck, GraphicIssue } from './domain/graphic.ts';
export { submitGraphicInterpretation, MAX_POLICIES, MAX_TITLE } from './commands/submit-graphic-interpretation.ts';
export type { GraphicInterpretationInput, InterpretationStores } from './commands/submit-graphic-interpretation.ts';
export { interpretationPageAdditions } from './queries/page-additions.tsx';
export { INTERPRETATION_AUDIT_ACTIONS } from './audit-actions.ts';
export { registerInterpretationAdminRoutes } from './http/admin-routes.tsx';
export { registerConcernAdminRoutes } from './http/concern-admin-routes.tsx';
export { registerInterpretationPublicRoutes } from './http/public-routes.tsx';
export { concernApiRoutes } from './http/api-routes.ts';
export { createConcern } from './commands/create-concern.ts';
export { submitConcernResponse } from './commands/submit-concern-response.ts';
export type { ConcernResponseInput, ConcernResponseStores } from './commands/submit-concern-response.ts';
export type { InterpretationWebDeps } from './http/deps.ts';
export { coverageForActor } from './queries/coverage.ts';
export type { CoverageView } from './queries/coverage.ts';
export { CoveragePanel } from './views/coverage-panel.tsx';
export { CONCERN_SOURCES, checkConcern, responseDelay } from './domain/concern.ts';
export type { Concern, ConcernSource } from './domain/concern.ts';
export { MediaExportLinks } from './views/new-media-links.tsx';
export { MAX_POSTER_HEIGHT, POSTER_WIDTH } from './domain/poster.ts';
