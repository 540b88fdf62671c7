import { createHash, randomInt } from 'node:crypto';
import { auditActor, type Actor } from '../../access/index.ts';
import type { Clock } from '../../../platform/clock.ts';
import { DomainError, type FieldIssue } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { SMS_JOB } from '../../../platform/jobs.ts';
import { sendMailLater } from '../../../platform/mail.ts';
import type { UnitOfWork } from '../../../platform/unit-of-work.ts';
import { notificationEntry } from '../audit-actions.ts';
import { normaliseEmail, normaliseMobile } from '../domain/address.ts';
import { checkChoices, FREQUENCIES, type ChoiceVocabulary, type Choices, type Frequency } from '../domain/choices.ts';
import { subscriberPath, subscriberToken } from '../domain/links.ts';
import type { Subscriber } from '../ports.ts';
import { NOTIFICATION_TEXT } from '../strings.ts';
import type { NotificationStores, SiteIdentity } from './stores.ts';

/** A confirmation is not sent to one address again sooner than this (nobody is mailed in a loop). */
export const CONFIRMATION_INTERVAL_MINUTES = 10;
/** An SMS code is valid this long, may be tried this often, and is not sent again sooner than a minute. */
export const SMS_CODE_MINUTES = 10;
export const SMS_CODE_TRIES = 5;
const SMS_CODE_INTERVAL_MS = 60_000;

export type SubscriptionInput = {
  channel: string;
  address: string;
  frequency: string;
  choices: Partial<Record<keyof Choices, readonly string[]>>;
  /** The SMS code, for a mobile number. */
  code?: string | undefined;
};

/** The choices and frequency as checked, or every problem tied to its field. */
export function checkSubscription(
  input: SubscriptionInput,
  vocabulary: ChoiceVocabulary,
): { channel: 'email' | 'sms'; address: string; frequency: Frequency; choices: Choices } {
  const issues: FieldIssue[] = [];
  let channel: 'email' | 'sms' = 'email';
  let address = '';
  if (input.channel === 'email' || input.channel === 'sms') {
    channel = input.channel;
    const result = channel === 'email' ? normaliseEmail(input.address) : normaliseMobile(input.address);
    if (result.ok) address = result.address;
    else issues.push({ field: 'address', message: result.message });
  } else {
    issues.push({ field: 'channel', message: NOTIFICATION_TEXT.channelChoice });
  }
  const frequency = FREQUENCIES.find((f) => f === input.frequency);
  if (!frequency) issues.push({ field: 'frequency', message: NOTIFICATION_TEXT.frequencyChoice });
  const checked = checkChoices(input.choices, vocabulary);
  issues.push(...checked.issues);
  if (issues.length > 0) throw new DomainError('validation_failed', { fields: issues });
  return { channel, address, frequency: frequency!, choices: checked.choices };
}

function codeHash(phone: string, code: string): string {
  return createHash('sha256').update(`${phone}:${code}`).digest('hex');
}

/**
 * Sends a six-digit code to a mobile number, the proof that whoever subscribes it holds it. A new
 * code replaces the last; one a minute at most.
 * @throws DomainError `validation_failed` (the number), `rate_limited`.
 */
export async function sendSmsCode(options: {
  uow: UnitOfWork<NotificationStores>;
  clock: Clock;
  site: SiteIdentity;
  phone: string;
}): Promise<string> {
  const checked = normaliseMobile(options.phone);
  if (!checked.ok)
    throw new DomainError('validation_failed', { fields: [{ field: 'address', message: checked.message }] });
  const phone = checked.address;
  const now = options.clock.now();
  return options.uow.run(async (stores) => {
    const last = await stores.notifications.smsCode(phone);
    if (last && now.getTime() - last.sentAt.getTime() < SMS_CODE_INTERVAL_MS) {
      throw new DomainError('rate_limited', { message: NOTIFICATION_TEXT.smsCodeTooSoon });
    }
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    await stores.notifications.saveSmsCode({
      phone,
      codeHash: codeHash(phone, code),
      expiresAt: new Date(now.getTime() + SMS_CODE_MINUTES * 60_000),
      sentAt: now,
    });
    await stores.jobs.send(SMS_JOB, {
      to: phone,
      text: NOTIFICATION_TEXT.smsCode(options.site.name, code),
      key: `code.${newId()}`,
    });
    return phone;
  });
}

/**
 * Asks for a subscription (the plan's §三.4, tell once and push proactively).
 *
 * By e-mail it is a double opt-in: a new address is kept as pending and sent a confirmation link;
 * nothing is pushed to it until the link is followed. An address already subscribed is not changed
 * here (a stranger could otherwise rewrite it): its owner is mailed the link to the preferences page
 * instead. The answer is the same in every case, so the form does not tell who subscribes.
 *
 * By SMS the code sent to the number is the proof: the subscription is active at once.
 * @throws DomainError `validation_failed` with each problem beside its field.
 */
export async function subscribe(options: {
  uow: UnitOfWork<NotificationStores>;
  clock: Clock;
  actor: Actor;
  site: SiteIdentity;
  vocabulary: ChoiceVocabulary;
  /** The choices in words, for the confirmation mail. */
  describe: (choices: Choices) => Promise<string[]>;
  input: SubscriptionInput;
}): Promise<{ channel: 'email' | 'sms'; address: string; subscriber: Subscriber }> {
  const checked = checkSubscription(options.input, options.vocabulary);
  const now = options.clock.now();
  const at = now.toISOString();
  const summary = (await options.describe(checked.choices)).join('\n');
  return options.uow.run(async (stores) => {
    const existing = await stores.notifications.subscriberByAddress(checked.channel, checked.address);
    if (checked.channel === 'sms') {
      const code = await stores.notifications.smsCode(checked.address);
      const given = (options.input.code ?? '').trim();
      const good =
        code !== undefined &&
        code.expiresAt > now &&
        code.tries < SMS_CODE_TRIES &&
        /^\d{6}$/.test(given) &&
        code.codeHash === codeHash(checked.address, given);
      if (!good) {
        if (code) await stores.notifications.countSmsTry(checked.address);
        throw new DomainError('validation_failed', {
          fields: [{ field: 'code', message: NOTIFICATION_TEXT.smsCodeWrong }],
        });
      }
      await stores.notifications.deleteSmsCode(checked.address);
    }
    const subscriber: Subscriber =
      existing && checked.channel === 'email' && existing.state !== 'pending'
        ? existing
        : {
            id: existing?.id ?? newId(),
            channel: checked.channel,
            address: checked.address,
            label: null,
            secret: null,
            state: checked.channel === 'sms' ? 'active' : 'pending',
            frequency: checked.frequency,
            tokenVersion: existing?.tokenVersion ?? 1,
            createdAt: existing?.createdAt ?? at,
            updatedAt: at,
            confirmedAt: checked.channel === 'sms' ? at : null,
            unsubscribedAt: null,
          };
    const recentlyMailed =
      existing !== undefined &&
      now.getTime() - new Date(existing.updatedAt).getTime() < CONFIRMATION_INTERVAL_MINUTES * 60_000;
    if (subscriber !== existing) {
      await stores.notifications.saveSubscriber(subscriber);
      await stores.notifications.replaceChoices(subscriber.id, checked.choices);
      await stores.audit.append(
        notificationEntry(auditActor(options.actor), now, {
          action: checked.channel === 'sms' ? 'subscription.confirmed' : 'subscription.requested',
          entityType: 'subscriber',
          entityId: subscriber.id,
          // The address is personal data the subscriber may erase: the log keeps what was chosen.
          after: { channel: subscriber.channel, frequency: subscriber.frequency, choices: checked.choices },
        }),
      );
    } else if (!recentlyMailed) {
      await stores.notifications.saveSubscriber({ ...existing, updatedAt: at });
    }
    if (checked.channel === 'email' && !recentlyMailed) {
      const link = `${options.site.publicUrl}${subscriberPath(subscriber, subscriberToken(options.site.secret, subscriber))}`;
      const site = options.site.name;
      await sendMailLater(
        stores.jobs,
        subscriber.state === 'pending'
          ? {
              to: subscriber.address,
              subject: NOTIFICATION_TEXT.mail.confirmSubject(site),
              text: NOTIFICATION_TEXT.mail.confirmBody(site, link, summary),
            }
          : {
              to: subscriber.address,
              subject: NOTIFICATION_TEXT.mail.alreadySubject(site),
              text: NOTIFICATION_TEXT.mail.alreadyBody(site, link),
            },
      );
    }
    return { channel: checked.channel, address: checked.address, subscriber };
  });
}
