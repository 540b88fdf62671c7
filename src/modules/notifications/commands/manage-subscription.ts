import { auditActor, type Actor } from '../../access/index.ts';
import type { Clock } from '../../../platform/clock.ts';
import { DomainError } from '../../../platform/errors.ts';
import type { UnitOfWork } from '../../../platform/unit-of-work.ts';
import { notificationEntry } from '../audit-actions.ts';
import { checkChoices, FREQUENCIES, type ChoiceVocabulary, type Choices } from '../domain/choices.ts';
import type { Subscriber } from '../ports.ts';
import { NOTIFICATION_TEXT } from '../strings.ts';
import { loadSubscriber } from './load-subscriber.ts';
import type { NotificationStores } from './stores.ts';

type LinkOptions = {
  uow: UnitOfWork<NotificationStores>;
  clock: Clock;
  actor: Actor;
  secret: string;
  link: { id: string; token: string };
};

async function change(
  options: LinkOptions,
  action: 'subscription.confirmed' | 'subscription.changed' | 'subscription.unsubscribed',
  apply: (subscriber: Subscriber, stores: NotificationStores, at: string) => Promise<Subscriber | undefined>,
): Promise<Subscriber> {
  const now = options.clock.now();
  return options.uow.run(async (stores) => {
    const subscriber = await loadSubscriber(stores, options.secret, options.link, now);
    const after = await apply(subscriber, stores, now.toISOString());
    if (!after) return subscriber;
    await stores.notifications.saveSubscriber(after);
    await stores.audit.append(
      notificationEntry(auditActor(options.actor), now, {
        action,
        entityType: 'subscriber',
        entityId: subscriber.id,
        before: { state: subscriber.state, frequency: subscriber.frequency },
        after: { state: after.state, frequency: after.frequency },
      }),
    );
    return after;
  });
}

/** Confirms a pending subscription from the link in its confirmation mail; a second click changes nothing. */
export function confirmSubscription(options: LinkOptions): Promise<Subscriber> {
  return change(options, 'subscription.confirmed', async (subscriber, _stores, at) =>
    subscriber.state === 'pending' ? { ...subscriber, state: 'active', confirmedAt: at, updatedAt: at } : undefined,
  );
}

/**
 * Stops every push to the subscriber (RFC 8058 one-click, or the button on the page). Deliveries
 * already queued are not sent: the sender looks at the subscriber's state before each send.
 */
export function unsubscribe(options: LinkOptions): Promise<Subscriber> {
  return change(options, 'subscription.unsubscribed', async (subscriber, _stores, at) =>
    subscriber.state === 'unsubscribed'
      ? undefined
      : { ...subscriber, state: 'unsubscribed', unsubscribedAt: at, updatedAt: at },
  );
}

/**
 * Saves what the subscriber now wants and how often; saving from the link also confirms a pending
 * subscription and restarts an unsubscribed one (following the link proves the address).
 * @throws DomainError `validation_failed`.
 */
export function updatePreferences(
  options: LinkOptions & {
    vocabulary: ChoiceVocabulary;
    input: { frequency: string; choices: Partial<Record<keyof Choices, readonly string[]>> };
  },
): Promise<Subscriber> {
  const checked = checkChoices(options.input.choices, options.vocabulary);
  const frequency = FREQUENCIES.find((f) => f === options.input.frequency);
  const issues = [...checked.issues];
  if (!frequency) issues.push({ field: 'frequency', message: NOTIFICATION_TEXT.frequencyChoice });
  if (issues.length > 0) throw new DomainError('validation_failed', { fields: issues });
  return change(options, 'subscription.changed', async (subscriber, stores, at) => {
    await stores.notifications.replaceChoices(subscriber.id, checked.choices);
    return {
      ...subscriber,
      frequency: frequency!,
      state: 'active',
      confirmedAt: subscriber.confirmedAt ?? at,
      unsubscribedAt: null,
      updatedAt: at,
    };
  });
}

/**
 * Deletes the subscriber's address and choices for good (personal data kept no longer than wanted,
 * 个人信息保护法 Art. 47). The delivery counts of messages already sent stay, without the address.
 */
export async function eraseSubscriber(options: LinkOptions): Promise<void> {
  const now = options.clock.now();
  await options.uow.run(async (stores) => {
    const subscriber = await loadSubscriber(stores, options.secret, options.link, now);
    await stores.notifications.eraseSubscriber(subscriber.id, now);
    await stores.audit.append(
      notificationEntry(auditActor(options.actor), now, {
        action: 'subscription.erased',
        entityType: 'subscriber',
        entityId: subscriber.id,
        before: { state: subscriber.state, channel: subscriber.channel },
      }),
    );
  });
}
