import { randomInt } from 'node:crypto';
import { auditActor, type Actor } from '../../access/index.ts';
import { maskAddress, normaliseEmail, normaliseMobile } from '../../notifications/index.ts';
import type { Clock } from '../../../platform/clock.ts';
import { DomainError } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { SMS_JOB } from '../../../platform/jobs.ts';
import { sendMailLater } from '../../../platform/mail.ts';
import type { UnitOfWork } from '../../../platform/unit-of-work.ts';
import { participationEntry } from '../audit-actions.ts';
import {
  channelOfContact,
  checkResend,
  newVerification,
  personKeyOf,
  verificationAddressKeyOf,
  type ContactVerification,
} from '../domain/verification.ts';
import { VERIFICATION_TEXT } from '../domain/verification-strings.ts';
import type { VerificationStores } from './verification-stores.ts';

/**
 * Sends a six-digit code to the e-mail address or mobile number a resident typed, within the
 * resend limits; a new code replaces the contact's earlier unused ones. The mail or SMS is queued
 * in the same transaction (the platform's mail job, or the SMS job the composition root runs
 * through its `SmsGateway`), so a code is sent exactly when its verification was stored. Only
 * keyed hashes of the contact, the code and the address are kept.
 * @throws DomainError `validation_failed` (field `contact`: empty, malformed, or a mobile number
 *   where no SMS gateway is configured), `rate_limited`.
 */
export async function requestVerificationCode(options: {
  uow: UnitOfWork<VerificationStores>;
  clock: Clock;
  actor: Actor;
  /** Keys the hashes of the contact, the code and the address. */
  secret: string;
  /** The site's name, as the mail and the SMS sign. */
  siteName: string;
  /** Whether an SMS gateway is configured; without one only e-mail is offered. */
  smsAvailable: boolean;
  contact: string;
}): Promise<ContactVerification> {
  const channel = channelOfContact(options.contact);
  if (channel === 'sms' && !options.smsAvailable && options.contact.trim() !== '') {
    throw new DomainError('validation_failed', {
      fields: [{ field: 'contact', message: VERIFICATION_TEXT.smsUnavailable }],
    });
  }
  const checked = channel === 'email' ? normaliseEmail(options.contact) : normaliseMobile(options.contact);
  if (!checked.ok) {
    throw new DomainError('validation_failed', { fields: [{ field: 'contact', message: checked.message }] });
  }
  const now = options.clock.now();
  const ip = options.actor.kind === 'system' ? 'system' : (options.actor.ip ?? 'unknown');
  const personKey = personKeyOf(options.secret, checked.address);
  const addressKey = verificationAddressKeyOf(options.secret, ip);
  return options.uow.run(async (stores) => {
    checkResend(
      await stores.verifications.recentSends(personKey, addressKey, new Date(now.getTime() - 3_600_000).toISOString()),
      now,
    );
    // 《个人信息保护法》Art. 19: kept no longer than the purpose needs (a day covers every limit).
    await stores.verifications.purgeBefore(new Date(now.getTime() - 86_400_000).toISOString());
    await stores.verifications.retireUnused(personKey);
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const verification = newVerification({
      id: newId(),
      secret: options.secret,
      channel,
      personKey,
      addressKey,
      maskedContact: maskAddress(channel, checked.address),
      code,
      now,
    });
    await stores.verifications.insert(verification);
    if (channel === 'email') {
      await sendMailLater(stores.jobs, {
        to: checked.address,
        subject: VERIFICATION_TEXT.mail.subject(options.siteName),
        text: VERIFICATION_TEXT.mail.body(options.siteName, code),
      });
    } else {
      await stores.jobs.send(SMS_JOB, {
        to: checked.address,
        text: VERIFICATION_TEXT.sms(options.siteName, code),
        key: `verify.${verification.id}`,
      });
    }
    await stores.audit.append(
      participationEntry(auditActor(options.actor), now, {
        action: 'verification.requested',
        entityType: 'contact_verification',
        entityId: verification.id,
        // The contact is personal data: the log keeps the channel only.
        after: { channel },
      }),
    );
    return verification;
  });
}
