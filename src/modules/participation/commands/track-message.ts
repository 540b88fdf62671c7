import { timingSafeEqual } from 'node:crypto';
import { DomainError } from '../../../platform/errors.ts';
import { messagePinFrom, normaliseMessageCode, type Message } from '../domain/message.ts';
import { MESSAGE_TEXT } from '../domain/message-strings.ts';
import type { MessageStores } from './message-stores.ts';
import { messagePinHash } from './sender-key.ts';

/**
 * The resident's own message, by tracking code and query password (查询码): the code alone opens
 * nothing. A wrong code and a wrong password get the same answer.
 * @throws DomainError `not_found`.
 */
export async function findOwnMessage(
  stores: Pick<MessageStores, 'messages'>,
  secret: string,
  code: string,
  pin: string,
): Promise<Message> {
  const message = await stores.messages.byTrackingCode(normaliseMessageCode(code.slice(0, 40)));
  const typed = Buffer.from(pin.trim().toUpperCase().slice(0, 12));
  const expected = message ? Buffer.from(messagePinFrom(messagePinHash(secret, message.id))) : Buffer.alloc(6);
  const same = typed.length === expected.length && timingSafeEqual(typed, expected);
  if (!message || !same) throw new DomainError('not_found', { message: MESSAGE_TEXT.notFound });
  return message;
}
