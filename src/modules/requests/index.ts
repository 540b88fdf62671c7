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
