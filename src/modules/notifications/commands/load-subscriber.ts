import { DomainError } from '../../../platform/errors.ts';
import { checkSubscriberToken } from '../domain/links.ts';
import type { Subscriber } from '../ports.ts';
import type { NotificationStores } from './stores.ts';

/**
 * The subscriber a signed link names, when the token is right for it.
 * @throws DomainError `link_invalid` for an unknown subscriber or a wrong or superseded token alike.
 */
export async function loadSubscriber(
  stores: Pick<NotificationStores, 'notifications'>,
  secret: string,
  link: { id: string; token: string },
  now: Date,
): Promise<Subscriber> {
  const subscriber = await stores.notifications.subscriber(link.id);
  if (!subscriber || subscriber.channel === 'webhook' || !checkSubscriberToken(secret, subscriber, link.token, now)) {
    throw new DomainError('link_invalid');
  }
  return subscriber;
}
