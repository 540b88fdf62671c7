import { auditActor, type Actor } from '../../access/index.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { UnitOfWork } from '../../../platform/unit-of-work.ts';
import { participationEntry } from '../audit-actions.ts';
import { checkReason, nextInterviewState, type Interview } from '../domain/interview.ts';
import { INTERVIEW_TEXT } from '../domain/interview-strings.ts';
import { loadInterviewForChange, type InterviewStores } from './interview-stores.ts';

/** The moves of an interview through its states, each with its audit action. */
export type InterviewMove = 'publish' | 'go_live' | 'end' | 'cancel';
const AUDIT_ACTIONS = {
  publish: 'interview.published',
  go_live: 'interview.started',
  end: 'interview.ended',
  cancel: 'interview.cancelled',
} as const;

/**
 * Moves an interview on: publishes its announcement (questions open), starts the live text, ends
 * it (the transcript stays published), or cancels it with a reason shown to the public.
 * @throws DomainError `invalid_transition`, `validation_failed` (no reason), `not_found`, `forbidden`, `out_of_scope`.
 */
export async function advanceInterview(options: {
  uow: UnitOfWork<InterviewStores>;
  clock: Clock;
  actor: Actor;
  interviewId: string;
  move: InterviewMove;
  reason?: string;
}): Promise<Interview> {
  const now = options.clock.now();
  return options.uow.run(async (stores) => {
    const before = await loadInterviewForChange(stores, options.actor, options.interviewId);
    const state = nextInterviewState(before.state, options.move);
    const cancelReason =
      options.move === 'cancel'
        ? checkReason(options.reason ?? '', 'reason', INTERVIEW_TEXT.cancelReasonRequired)
        : before.cancelReason;
    const changed: Interview = {
      ...before,
      state,
      cancelReason,
      publishedAt: options.move === 'publish' ? now.toISOString() : before.publishedAt,
      updatedAt: now.toISOString(),
    };
    await stores.interviews.save(changed);
    changed.revision = await stores.interviews.bumpRevision(changed.id);
    await stores.audit.append(
      participationEntry(auditActor(options.actor), now, {
        action: AUDIT_ACTIONS[options.move],
        entityType: 'interview',
        entityId: changed.id,
        orgId: changed.orgId,
        before: { state: before.state },
        after: { state, ...(options.move === 'cancel' ? { cancelReason } : {}) },
      }),
    );
    return changed;
  });
}
