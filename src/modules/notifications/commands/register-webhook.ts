import { auditActor, requireGlobalPermission, type Actor } from '../../access/index.ts';
import type { Clock } from '../../../platform/clock.ts';
import { DomainError, type FieldIssue } from '../../../platform/errors.ts';
import { newId, newSecretToken } from '../../../platform/ids.ts';
import type { UnitOfWork } from '../../../platform/unit-of-work.ts';
import { notificationEntry } from '../audit-actions.ts';
import { checkChoices, type ChoiceVocabulary, type Choices } from '../domain/choices.ts';
import type { Subscriber } from '../ports.ts';
import { PUSH_TEXT } from '../strings.ts';
import type { NotificationStores } from './stores.ts';

/**
 * Registers another platform's webhook (the provincial app, new-media tools): it receives every
 * publication its choices match (all, when none are chosen) as JSON signed with a secret made here
 * and shown once. Only a system administrator may (设置管理).
 * @throws DomainError `validation_failed`, `forbidden`.
 */
export async function registerWebhook(options: {
  uow: UnitOfWork<NotificationStores>;
  clock: Clock;
  actor: Actor;
  vocabulary: ChoiceVocabulary;
  input: { label: string; url: string; choices: Partial<Record<keyof Choices, readonly string[]>> };
}): Promise<{ subscriber: Subscriber; secret: string }> {
  requireGlobalPermission(options.actor, 'settings.manage');
  const issues: FieldIssue[] = [];
  const label = options.input.label.trim();
  if (label === '' || label.length > 60) issues.push({ field: 'label', message: PUSH_TEXT.webhookLabelRequired });
  const url = options.input.url.trim();
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  if (!parsed || !['https:', 'http:'].includes(parsed.protocol) || url.length > 500 || parsed.username !== '') {
    issues.push({ field: 'url', message: PUSH_TEXT.webhookUrlShape });
  }
  const checked = checkChoices(options.input.choices, options.vocabulary, { allowEverything: true });
  issues.push(...checked.issues);
  if (issues.length > 0) throw new DomainError('validation_failed', { fields: issues });
  const now = options.clock.now();
  const at = now.toISOString();
  const secret = newSecretToken(32);
  return options.uow.run(async (stores) => {
    if (await stores.notifications.subscriberByAddress('webhook', parsed!.href)) {
      throw new DomainError('validation_failed', { fields: [{ field: 'url', message: PUSH_TEXT.webhookExists }] });
    }
    const subscriber: Subscriber = {
      id: newId(),
      channel: 'webhook',
      address: parsed!.href,
      label,
      secret,
      state: 'active',
      frequency: 'immediate',
      tokenVersion: 1,
      createdAt: at,
      updatedAt: at,
      confirmedAt: at,
      unsubscribedAt: null,
    };
    await stores.notifications.saveSubscriber(subscriber);
    await stores.notifications.replaceChoices(subscriber.id, checked.choices);
    await stores.audit.append(
      notificationEntry(auditActor(options.actor), now, {
        action: 'webhook.registered',
        entityType: 'subscriber',
        entityId: subscriber.id,
        after: { label, url: subscriber.address, choices: checked.choices },
      }),
    );
    return { subscriber, secret };
  });
}
