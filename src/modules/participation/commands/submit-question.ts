import { auditActor, type Actor } from '../../access/index.ts';
import { chinaDate, type Clock } from '../../../platform/clock.ts';
import { DomainError } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import type { UnitOfWork } from '../../../platform/unit-of-work.ts';
import { participationEntry } from '../audit-actions.ts';
import { opensAtOf } from '../domain/consultation.ts';
import { checkQuestion, checkQuestionRate, isOpenForQuestions, type InterviewQuestion } from '../domain/interview.ts';
import { INTERVIEW_TEXT } from '../domain/interview-strings.ts';
import type { InterviewStores } from './interview-stores.ts';
import { senderKeyOf } from './sender-key.ts';

/**
 * A resident's question to an interview, from its publication until its end. Kept as typed (plain
 * text, escaped when shown), pending until moderated; the sender's address only as a keyed hash,
 * for the limits per address.
 * @throws DomainError `not_found`, `invalid_transition` (not taking questions), `validation_failed`, `rate_limited`.
 */
export async function submitQuestion(options: {
  uow: UnitOfWork<InterviewStores>;
  clock: Clock;
  actor: Actor;
  secret: string;
  interviewId: string;
  input: { body: string; name: string };
}): Promise<InterviewQuestion> {
  const now = options.clock.now();
  const senderKey = senderKeyOf(options.secret, options.actor);
  return options.uow.run(async (stores) => {
    const interview = await stores.interviews.get(options.interviewId);
    if (!interview || interview.state === 'draft') throw new DomainError('not_found');
    if (!isOpenForQuestions(interview.state)) {
      throw new DomainError('invalid_transition', { message: INTERVIEW_TEXT.questionsClosed });
    }
    const cleaned = checkQuestion(options.input);
    checkQuestionRate(
      await stores.interviews.recentQuestions(
        senderKey,
        interview.id,
        new Date(now.getTime() - 10 * 60_000).toISOString(),
        opensAtOf(chinaDate(now)),
      ),
    );
    const question: InterviewQuestion = {
      id: newId(),
      interviewId: interview.id,
      name: cleaned.name,
      body: cleaned.body,
      senderKey,
      state: 'pending',
      hiddenReason: '',
      answered: false,
      shownRevision: null,
      createdAt: now.toISOString(),
      moderatedAt: null,
    };
    await stores.interviews.insertQuestion(question);
    await stores.audit.append(
      participationEntry(auditActor(options.actor), now, {
        action: 'interview.question_submitted',
        entityType: 'interview_question',
        entityId: question.id,
        after: { interviewId: interview.id },
      }),
    );
    return question;
  });
}
