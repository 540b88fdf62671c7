import { auditActor, requirePermission, type Actor } from '../../access/index.ts';
import type { Clock } from '../../../platform/clock.ts';
import { DomainError } from '../../../platform/errors.ts';
import type { UnitOfWork } from '../../../platform/unit-of-work.ts';
import type { Org } from '../../orgs/index.ts';
import { participationEntry, type PARTICIPATION_AUDIT_ACTIONS } from '../audit-actions.ts';
import { requireMessageAction, type Message, type MessageAction } from '../domain/message.ts';
import type { MessageStores } from './message-stores.ts';

/**
 * A message and its unit, for handling by `actor` (interaction officers of the unit's subtree).
 * @throws DomainError `not_found`, `unauthenticated`, `forbidden`, `out_of_scope`.
 */
export async function loadMessageForHandling(
  stores: Pick<MessageStores, 'messages' | 'orgs'>,
  actor: Actor,
  messageId: string,
): Promise<{ message: Message; org: Org }> {
  const message = await stores.messages.get(messageId);
  const org = message ? await stores.orgs.getById(message.orgId) : undefined;
  if (!message || !org) throw new DomainError('not_found');
  requirePermission(actor, 'interaction.handle', org.path);
  return { message, org };
}

/**
 * One staff action on a message, the shape every handling use case shares: load it in the actor's
 * subtree, check the action is allowed in its state, let `change` make the new message, save it and
 * write the audit entry, all in one transaction.
 */
export async function handleMessage(options: {
  uow: UnitOfWork<MessageStores>;
  clock: Clock;
  actor: Actor;
  messageId: string;
  action: MessageAction;
  audit: keyof typeof PARTICIPATION_AUDIT_ACTIONS & `message.${string}`;
  change: (message: Message, context: { now: Date; stores: MessageStores; org: Org }) => Promise<Message> | Message;
}): Promise<Message> {
  const now = options.clock.now();
  return options.uow.run(async (stores) => {
    const { message, org } = await loadMessageForHandling(stores, options.actor, options.messageId);
    requireMessageAction(message, options.action);
    const changed = { ...(await options.change(message, { now, stores, org })), updatedAt: now.toISOString() };
    await stores.messages.save(changed);
    await stores.audit.append(
      participationEntry(auditActor(options.actor), now, {
        action: options.audit,
        entityType: 'message',
        entityId: message.id,
        orgId: changed.orgId,
        before: { state: message.state, orgId: message.orgId },
        after: {
          state: changed.state,
          orgId: changed.orgId,
          ...(changed.transferredOn !== message.transferredOn ? { transfer: changed.transfers.at(-1) } : {}),
          ...(changed.published !== message.published ? { published: changed.published } : {}),
        },
      }),
    );
    return changed;
  });
}
