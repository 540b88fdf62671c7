/**
 * The participation module's door (互动交流): consultations on drafts (意见征集) with comments on
 * paragraphs, versions, moderation, dispositions and the adoption report; online surveys (网络调查)
 * with their answer sheets and public results. Nothing else in the module is imported from outside it.
 */
export type { Consultation, ConsultationPhase, DraftVersion } from './domain/consultation.ts';
export { phaseOf } from './domain/consultation.ts';
export type { ConsultationComment, Disposition } from './domain/comment.ts';
export type { ConsultationStore, ConsultationSummary } from './ports.ts';
export type { ParticipationStores } from './commands/stores.ts';
export { PARTICIPATION_AUDIT_ACTIONS } from './audit-actions.ts';
export { saveDraft } from './commands/save-draft.ts';
export type { DraftInput } from './commands/save-draft.ts';
export { publishConsultation } from './commands/publish-consultation.ts';
export { reviseDraft } from './commands/revise-draft.ts';
export { submitComment } from './commands/submit-comment.ts';
export { moderateComment } from './commands/moderate-comment.ts';
export { disposeComments } from './commands/dispose-comments.ts';
export { completeConsultation } from './commands/complete-consultation.ts';
export { consultationView } from './queries/consultation-views.ts';
export type { ParticipationWebDeps } from './http/deps.ts';
export { registerParticipationPublicRoutes, registerParticipationFormRoutes } from './http/public-routes.tsx';
export { registerParticipationAdminRoutes } from './http/admin-routes.tsx';
export type {
  LimitPolicy,
  Survey,
  SurveyAnswer,
  SurveyDefinition,
  SurveyPhase,
  SurveyQuestion,
} from './domain/survey.ts';
export { tallySurvey } from './domain/survey.ts';
export type { QuestionInput, SurveyInput } from './domain/survey-form.ts';
export type {
  SurveyAnswerSheet,
  SurveyChart,
  SurveyChartRenderer,
  SurveyRecord,
  SurveyStore,
  SurveySummary,
} from './ports.ts';
export type { SurveyStores } from './commands/survey-stores.ts';
export { saveSurvey } from './commands/save-survey.ts';
export { publishSurvey } from './commands/publish-survey.ts';
export { closeSurvey } from './commands/close-survey.ts';
export { submitSurveyAnswers } from './commands/submit-survey-answers.ts';
export { surveyResults, surveyView } from './queries/survey-views.ts';
export type { SurveyWebDeps } from './http/deps.ts';
export { registerSurveyPublicRoutes, registerSurveyFormRoutes } from './http/survey-routes.tsx';
export { registerSurveyAdminRoutes } from './http/survey-admin-routes.tsx';
export type { Message, MessageKind, MessageState, MessageTransfer, Rating } from './domain/message.ts';
export type { MessageStore, MessageSummary, ContactCipher } from './ports.ts';
export type { MessageStores } from './commands/message-stores.ts';
export { submitMessage } from './commands/submit-message.ts';
export { acceptMessage } from './commands/accept-message.ts';
export { transferMessage } from './commands/transfer-message.ts';
export { answerMessage } from './commands/answer-message.ts';
export { declineMessage } from './commands/decline-message.ts';
export { rateAnswer } from './commands/rate-answer.ts';
export { MESSAGE_ALERTS_JOB, sendMessageAlerts } from './jobs/message-alerts.ts';
export type { MessageWebDeps } from './http/message-deps.ts';
export { registerMessagePublicRoutes, registerMessageFormRoutes } from './http/message-public-routes.tsx';
export { registerMessageAdminRoutes } from './http/message-admin-routes.tsx';
export { participationApiRoutes } from './http/api-routes.ts';
export { surveyApiRoutes } from './http/survey-api-routes.ts';
export type { MajorDecision, DecisionMethod, DecisionStatus } from './domain/decision.ts';
export type { DecisionStore } from './ports.ts';
export { saveDecision } from './commands/save-decision.ts';
export type { DecisionStores } from './commands/save-decision.ts';
export type { DecisionWebDeps } from './http/decision-routes.tsx';
export { registerDecisionPublicRoutes, registerDecisionAdminRoutes } from './http/decision-routes.tsx';
export type { VerificationStore } from './ports.ts';
export type { ContactVerification, ContactChannel, RecentSends } from './domain/verification.ts';
export { registerVerificationRoutes } from './http/verification-routes.tsx';
export type { VerificationWebDeps } from './http/verification-routes.tsx';
export type {
  Interview,
  InterviewState,
  InterviewQuestion,
  TranscriptEntry,
  InterviewMedia,
  Guest,
} from './domain/interview.ts';
export type { InterviewStore } from './ports.ts';
export type { InterviewStores } from './commands/interview-stores.ts';
export { saveInterview } from './commands/save-interview.ts';
export { advanceInterview } from './commands/advance-interview.ts';
export { submitQuestion } from './commands/submit-question.ts';
export { moderateQuestion } from './commands/moderate-question.ts';
export { addTranscriptEntry } from './commands/add-transcript-entry.ts';
export { addInterviewMedia } from './commands/add-interview-media.ts';
export { createInterviewFeed } from './http/interview-feed.ts';
export type { InterviewFeed, InterviewEvent } from './http/interview-feed.ts';
export type { InterviewWebDeps } from './http/interview-routes.tsx';
export {
  registerInterviewPublicRoutes,
  registerInterviewFormRoutes,
  registerInterviewAdminRoutes,
} from './http/interview-routes.tsx';
export type { Meeting, MeetingRegistration, MeetingKind, MeetingState } from './domain/hearing.ts';
export type { MeetingStore } from './ports.ts';
export type { MeetingStores } from './commands/meeting-stores.ts';
export { saveMeeting } from './commands/save-meeting.ts';
export { changeMeeting } from './commands/advance-meeting.ts';
export { selectParticipants } from './commands/select-participants.ts';
export { recordAttendance } from './commands/record-attendance.ts';
export { registerForMeeting } from './commands/register-for-meeting.ts';
export type { MeetingWebDeps } from './http/meeting-routes.tsx';
export { registerMeetingPublicRoutes, registerMeetingAdminRoutes } from './http/meeting-routes.tsx';
export { decisionApiRoutes } from './http/decision-api-routes.ts';
export { interviewApiRoutes } from './http/interview-api-routes.ts';
export { requestVerificationCode } from './commands/request-verification-code.ts';
export { confirmVerificationCode } from './commands/confirm-verification-code.ts';
export { personKeyOf } from './domain/verification.ts';
