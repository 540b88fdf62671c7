import { auditActor, type Actor } from '../../access/index.ts';
import { chinaDate, type Clock } from '../../../platform/clock.ts';
import { DomainError } from '../../../platform/errors.ts';
import type { UnitOfWork } from '../../../platform/unit-of-work.ts';
import { checkReason, type Message } from '../domain/message.ts';
import { MESSAGE_TEXT } from '../domain/message-strings.ts';
import { handleMessage } from './load-message.ts';
import type { MessageStores } from './message-stores.ts';

/**
 * Transfers a message to the unit it concerns (转办), with the reason the resident reads. Any unit
 * of the district may receive it: the resident chose the wrong door, not the officer's subtree.
 * The receiving unit gets the whole limit from the transfer day; the 3 months keep running from
 * receipt (message-clock.ts).
 * @throws DomainError `validation_failed`, `not_found`, `forbidden`, `out_of_scope`, `invalid_transition`.
 */
export function transferMessage(options: {
  uow: UnitOfWork<MessageStores>;
  clock: Clock;
  actor: Actor;
  messageId: string;
  toOrgId: string;
  reason: string;
}): Promise<Message> {
  const reason = checkReason(options.reason);
  return handleMessage({
    ...options,
    action: 'transfer',
    audit: 'message.transferred',
    change: async (message, { now, stores }) => {
      const to = options.toOrgId === '' ? undefined : await stores.orgs.getById(options.toOrgId);
      if (!to) {
        throw new DomainError('validation_failed', {
          fields: [{ field: 'toOrgId', message: MESSAGE_TEXT.transferUnknownOrg }],
        });
      }
      if (to.id === message.orgId) {
        throw new DomainError('validation_failed', {
          fields: [{ field: 'toOrgId', message: MESSAGE_TEXT.transferSameOrg }],
        });
      }
      const on = chinaDate(now);
      return {
        ...message,
        orgId: to.id,
        state: 'received',
        acceptedOn: null,
        transferredOn: on,
        transfers: [
          ...message.transfers,
          { fromOrgId: message.orgId, toOrgId: to.id, reason, on, by: auditActor(options.actor).name },
        ],
      };
    },
  });
}
