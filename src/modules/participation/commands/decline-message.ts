import type { Actor } from '../../access/index.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { UnitOfWork } from '../../../platform/unit-of-work.ts';
import { checkReason, type Message } from '../domain/message.ts';
import { handleMessage } from './load-message.ts';
import type { MessageStores } from './message-stores.ts';

/**
 * Declines a message as not a valid one (不予受理: advertising, abuse, a matter for 信访 or the
 * courts), with the reason the resident reads. Only a message not yet accepted; it leaves the
 * statistics of valid messages, and the audit log keeps who decided and why.
 * @throws DomainError `validation_failed`, `not_found`, `forbidden`, `out_of_scope`, `invalid_transition`.
 */
export function declineMessage(options: {
  uow: UnitOfWork<MessageStores>;
  clock: Clock;
  actor: Actor;
  messageId: string;
  reason: string;
}): Promise<Message> {
  const reason = checkReason(options.reason);
  return handleMessage({
    ...options,
    action: 'decline',
    audit: 'message.declined',
    change: (message) => ({ ...message, state: 'declined', declineReason: reason }),
  });
}
