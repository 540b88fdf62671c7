import type { Actor } from '../../access/index.ts';
import { sha256Hex } from '../../../platform/ids.ts';

/**
 * A keyed hash of the sender's network address: the limits per address work without the address
 * being kept (comments, messages).
 */
export function senderKeyOf(secret: string, actor: Actor): string {
  const ip = actor.kind === 'system' ? 'system' : (actor.ip ?? 'unknown');
  return sha256Hex(`participation-sender\u0000${secret}\u0000${ip}`).slice(0, 32);
}

/** The query password (查询码) of a message: a keyed hash of its id, so nothing secret is stored. */
export function messagePinHash(secret: string, messageId: string): string {
  return sha256Hex(`message-pin\u0000${secret}\u0000${messageId}`);
}
