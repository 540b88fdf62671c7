/**
 * The participation module's door (互动交流): consultations on drafts (意见征集) with comments on
 * paragraphs, versions, moderation, dispositions and the adoption report. Nothing else in the
 * module is imported from outside it.
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
