import { auditActor, type Actor } from '../../access/index.ts';
import { chinaDate, type Clock } from '../../../platform/clock.ts';
import type { UnitOfWork } from '../../../platform/unit-of-work.ts';
import { checkAnswer, type Message } from '../domain/message.ts';
import { handleMessage } from './load-message.ts';
import type { MessageStores } from './message-stores.ts';

/**
 * The unit answers (答复). The answer is published with the message, the name masked, when the
 * resident agreed and the unit does not withhold it (`publish` false: personal matters, a
 * complaint about a named person).
 * @throws DomainError `validation_failed`, `not_found`, `forbidden`, `out_of_scope`, `invalid_transition`.
 */
export function answerMessage(options: {
  uow: UnitOfWork<MessageStores>;
  clock: Clock;
  actor: Actor;
  messageId: string;
  answer: string;
  publish: boolean;
}): Promise<Message> {
  const answer = checkAnswer(options.answer);
  return handleMessage({
    ...options,
    action: 'answer',
    audit: 'message.answered',
    change: (message, { now }) => ({
      ...message,
      state: 'answered',
      answer,
      answeredOn: chinaDate(now),
      answeredBy: auditActor(options.actor).name,
      published: message.publicConsent && options.publish,
    }),
  });
}
