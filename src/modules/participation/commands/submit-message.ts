import { randomBytes } from 'node:crypto';
import { auditActor, type Actor } from '../../access/index.ts';
import { chinaDate, type Clock } from '../../../platform/clock.ts';
import { DomainError } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import type { UnitOfWork } from '../../../platform/unit-of-work.ts';
import { participationEntry } from '../audit-actions.ts';
import { opensAtOf } from '../domain/consultation.ts';
import {
  checkMessageInput,
  checkMessageRate,
  messageCodeFrom,
  messagePinFrom,
  type Message,
  type MessageInput,
} from '../domain/message.ts';
import { MESSAGE_TEXT } from '../domain/message-strings.ts';
import type { ContactCipher } from '../ports.ts';
import type { MessageStores } from './message-stores.ts';
import { messagePinHash, senderKeyOf } from './sender-key.ts';

/**
 * A resident writes to a unit (政民互动). The message is received on the day it arrives (China
 * time), and the unit's clock runs from the next day (message-clock.ts). The contact is sealed; the
 * network address is kept only as a keyed hash, for the limits per address. Returns the message
 * with its query password (查询码), which is shown once on the receipt and never stored.
 * @throws DomainError `validation_failed`, `rate_limited`.
 */
export async function submitMessage(options: {
  uow: UnitOfWork<MessageStores>;
  clock: Clock;
  actor: Actor;
  cipher: ContactCipher;
  secret: string;
  input: MessageInput;
}): Promise<{ message: Message; pin: string }> {
  const now = options.clock.now();
  const at = now.toISOString();
  const cleaned = checkMessageInput(options.input);
  const senderKey = senderKeyOf(options.secret, options.actor);
  return options.uow.run(async (stores) => {
    const org = await stores.orgs.getById(cleaned.orgId);
    if (!org) {
      throw new DomainError('validation_failed', { fields: [{ field: 'orgId', message: MESSAGE_TEXT.orgRequired }] });
    }
    checkMessageRate(
      await stores.messages.recentFromSender(
        senderKey,
        new Date(now.getTime() - 3_600_000).toISOString(),
        opensAtOf(chinaDate(now)),
      ),
    );
    const message: Message = {
      id: newId(),
      trackingCode: messageCodeFrom(randomBytes(10)),
      orgId: org.id,
      kind: cleaned.kind,
      title: cleaned.title,
      body: cleaned.body,
      name: cleaned.name,
      contactSealed: options.cipher.seal(cleaned.contact),
      publicConsent: cleaned.publicConsent,
      state: 'received',
      receivedOn: chinaDate(now),
      acceptedOn: null,
      transferredOn: null,
      transfers: [],
      answer: '',
      answeredOn: null,
      answeredBy: '',
      declineReason: '',
      published: false,
      rating: null,
      ratingComment: '',
      senderKey,
      createdAt: at,
      updatedAt: at,
    };
    await stores.messages.insert(message);
    await stores.audit.append(
      participationEntry(auditActor(options.actor), now, {
        action: 'message.submitted',
        entityType: 'message',
        entityId: message.id,
        orgId: org.id,
        after: { trackingCode: message.trackingCode, kind: message.kind, orgId: org.id },
      }),
    );
    return { message, pin: messagePinFrom(messagePinHash(options.secret, message.id)) };
  });
}
