/**
 * The requests module's door: disclosure on application (依申请公开). Nothing else in the module is
 * imported from outside it.
 */
export {
  CONSULTATION_WORKING_DAYS,
  CORRECTION_NOTICE_WORKING_DAYS,
  MAX_EXTENSION_WORKING_DAYS,
  REPLY_WORKING_DAYS,
  checkCorrectionNotice,
  checkExtension,
  consultationDueOn,
  correctionNoticeDueOn,
  replyDeadline,
} from './domain/clock.ts';
export type { ClockExtension, ClockFacts, ClockPause, PauseReason, ReplyDeadline } from './domain/clock.ts';
export type { FoiRequest, RequestEvent, RequestState } from './domain/request.ts';
export type { Letter } from './domain/letter.ts';
export type {
  FieldCipher,
  LetterRenderer,
  OutboxStatus,
  RequestStore,
  UpstreamStatusSender,
  UpstreamStore,
} from './ports.ts';
export type { UpstreamStatus } from './domain/upstream.ts';
export { pushUpstreamStatuses } from './jobs/push-upstream-statuses.ts';
export { upstreamApiRoutes } from './http/upstream-routes.ts';
export { UPSTREAM_STATUS_WEBHOOK, UpstreamStatusBody } from './http/upstream-schemas.ts';
export { submitApplication } from './commands/submit-application.ts';
export { registerRequest } from './commands/register-request.ts';
export { takeStep } from './commands/take-step.ts';
export type { HandlingAction } from './domain/handling.ts';
export type { Outcome } from './domain/outcomes.ts';
export { refreshDueDates } from './commands/refresh-due-dates.ts';
export { registerRequestPublicRoutes } from './http/public-routes.tsx';
export { registerRequestAdminRoutes } from './http/admin-routes.tsx';
export { requestApiRoutes } from './http/api-routes.ts';
export { REQUEST_AUDIT_ACTIONS } from './audit-actions.ts';
export { requestCountsByUnit } from './queries/inbox.ts';
export type { UnitRequestCounts } from './queries/inbox.ts';
