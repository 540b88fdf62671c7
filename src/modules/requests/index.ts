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
  FileServices,
  IncomingFile,
  LetterRenderer,
  OutboxStatus,
  RequestFileStore,
  RequestStore,
  UpstreamStatusSender,
  UpstreamStore,
} from './ports.ts';
export type { FilePurpose, RequestFile } from './domain/files.ts';
export type { UpstreamStatus } from './domain/upstream.ts';
export { UPSTREAM_STATUS_JOB, pushUpstreamStatuses } from './jobs/push-upstream-statuses.ts';
export { upstreamApiRoutes } from './http/upstream-routes.ts';
export { UPSTREAM_STATUS_WEBHOOK, UpstreamStatusBody } from './http/upstream-schemas.ts';
export { submitApplication } from './commands/submit-application.ts';
export { registerRequest } from './commands/register-request.ts';
export { takeStep } from './commands/take-step.ts';
export type { HandlingAction } from './domain/handling.ts';
export type { Outcome } from './domain/outcomes.ts';
export { refreshDueDates } from './commands/refresh-due-dates.ts';
export { DEADLINE_REMINDERS_JOB, sendDeadlineReminders } from './jobs/deadline-reminders.ts';
export { DEFAULT_REMINDER_WORKING_DAYS } from './domain/reminders.ts';
export { registerRequestPublicRoutes } from './http/public-routes.tsx';
export { registerRequestAdminRoutes } from './http/admin-routes.tsx';
export { requestApiRoutes } from './http/api-routes.ts';
export { REQUEST_AUDIT_ACTIONS } from './audit-actions.ts';
export { requestCountsByUnit } from './queries/inbox.ts';
export type { UnitRequestCounts } from './queries/inbox.ts';
export { annualTable3 } from './queries/annual-table.ts';
export { TABLE3_COLUMNS, checkTable3 } from './domain/annual-report.ts';
export type { Table3, Table3Column, Table3Problem } from './domain/annual-report.ts';
export { APPEAL_KINDS } from './domain/appeals.ts';
export type { AppealKind, Table4 } from './domain/appeals.ts';
