import { auditActor, type Actor } from '../../access/index.ts';
import type { Clock } from '../../../platform/clock.ts';
import { DomainError } from '../../../platform/errors.ts';
import type { UnitOfWork } from '../../../platform/unit-of-work.ts';
import { participationEntry } from '../audit-actions.ts';
import { checkReason, nextInterviewState, type InterviewQuestion } from '../domain/interview.ts';
import { INTERVIEW_TEXT } from '../domain/interview-strings.ts';
import { loadInterviewForChange, type InterviewStores } from './interview-stores.ts';

/**
 * Shows a resident's question to the public (it reaches the live page), or hides it with a reason
 * (kept, counted publicly, logged).
 * @throws DomainError `validation_failed`, `invalid_transition`, `not_found`, `forbidden`, `out_of_scope`.
 */
export async function moderateQuestion(options: {
  uow: UnitOfWork<InterviewStores>;
  clock: Clock;
  actor: Actor;
  interviewId: string;
  input: { questionId: string; show: boolean; reason: string };
}): Promise<InterviewQuestion> {
  const now = options.clock.now();
  return options.uow.run(async (stores) => {
    const interview = await loadInterviewForChange(stores, options.actor, options.interviewId);
    nextInterviewState(interview.state, 'moderate');
    const question = await stores.interviews.question(options.input.questionId);
    if (!question || question.interviewId !== interview.id) {
      throw new DomainError('validation_failed', {
        fields: [{ field: 'questionId', message: INTERVIEW_TEXT.questionUnknown }],
      });
    }
    const reason = options.input.show
      ? ''
      : checkReason(options.input.reason, `reason.${question.id}`, INTERVIEW_TEXT.hideReasonRequired);
    const revision = await stores.interviews.bumpRevision(interview.id);
    const changed: InterviewQuestion = {
      ...question,
      state: options.input.show ? 'shown' : 'hidden',
      hiddenReason: reason,
      shownRevision: options.input.show ? revision : question.shownRevision,
      moderatedAt: now.toISOString(),
    };
    await stores.interviews.updateQuestion(changed);
    await stores.audit.append(
      participationEntry(auditActor(options.actor), now, {
        action: options.input.show ? 'interview.question_shown' : 'interview.question_hidden',
        entityType: 'interview_question',
        entityId: question.id,
        orgId: interview.orgId,
        before: { state: question.state, hiddenReason: question.hiddenReason },
        after: { state: changed.state, hiddenReason: changed.hiddenReason },
      }),
    );
    return changed;
  });
}
