import { auditActor, type Actor } from '../../access/index.ts';
import type { Clock } from '../../../platform/clock.ts';
import { DomainError } from '../../../platform/errors.ts';
import type { UnitOfWork } from '../../../platform/unit-of-work.ts';
import { participationEntry } from '../audit-actions.ts';
import { rateMessage, RATINGS, type Message } from '../domain/message.ts';
import { MESSAGE_TEXT } from '../domain/message-strings.ts';
import type { MessageStores } from './message-stores.ts';
import { findOwnMessage } from './track-message.ts';

/**
 * The resident rates the answer once (满意, 基本满意, 不满意), proving it is theirs with the tracking
 * code and the query password.
 * @throws DomainError `not_found` (code or password wrong), `validation_failed`, `invalid_transition`, `conflict`.
 */
export async function rateAnswer(options: {
  uow: UnitOfWork<MessageStores>;
  clock: Clock;
  actor: Actor;
  secret: string;
  code: string;
  pin: string;
  rating: string;
  comment: string;
}): Promise<Message> {
  const now = options.clock.now();
  const rating = RATINGS.find((r) => r === options.rating);
  if (!rating)
    throw new DomainError('validation_failed', { fields: [{ field: 'rating', message: MESSAGE_TEXT.ratingRequired }] });
  return options.uow.run(async (stores) => {
    const message = await findOwnMessage(stores, options.secret, options.code, options.pin);
    const rated = rateMessage(message, rating, options.comment, now.toISOString());
    await stores.messages.save(rated);
    await stores.audit.append(
      participationEntry(auditActor(options.actor), now, {
        action: 'message.rated',
        entityType: 'message',
        entityId: message.id,
        orgId: message.orgId,
        after: { rating },
      }),
    );
    return rated;
  });
}
