import type { Actor } from '../../access/index.ts';
import { chinaDate, type Clock } from '../../../platform/clock.ts';
import type { UnitOfWork } from '../../../platform/unit-of-work.ts';
import type { Message } from '../domain/message.ts';
import { handleMessage } from './load-message.ts';
import type { MessageStores } from './message-stores.ts';

/**
 * The unit accepts a message (受理): it is working on it. The answer limit does not change.
 * @throws DomainError `not_found`, `forbidden`, `out_of_scope`, `invalid_transition`.
 */
export function acceptMessage(options: {
  uow: UnitOfWork<MessageStores>;
  clock: Clock;
  actor: Actor;
  messageId: string;
}): Promise<Message> {
  return handleMessage({
    ...options,
    action: 'accept',
    audit: 'message.accepted',
    change: (message, { now }) => ({ ...message, state: 'accepted', acceptedOn: chinaDate(now) }),
  });
}
