import { chinaDate, type Clock } from '../../../platform/clock.ts';
import { newId } from '../../../platform/ids.ts';
import type { UnitOfWork } from '../../../platform/unit-of-work.ts';
import { digestBody, smsText } from '../domain/compose.ts';
import { digestMoment, digestPeriod } from '../domain/digest.ts';
import { NOTIFICATION_TEXT } from '../strings.ts';
import { NOTIFY_DELIVER_JOB } from './deliver-due.ts';
import type { NotificationStores, SiteIdentity } from './stores.ts';

/** The job that gathers held publications into daily and weekly digests; it runs every few minutes. */
export const NOTIFY_DIGEST_JOB = 'notifications-digest';

/** Subscribers handled per pass of the loop. */
const PAGE = 200;

/**
 * Makes the digests that are due: for every subscriber wanting a daily (weekly) digest with
 * publications held from before the latest 08:00 (Monday 08:00, China time), one message listing
 * them, queued for sending; the held deliveries are marked as gathered into it. Each digest is keyed
 * by subscriber and period, so a second run, or a second process, makes none twice.
 * Returns how many digests were made.
 */
export async function sendDigests(options: {
  stores: Pick<NotificationStores, 'notifications'>;
  uow: UnitOfWork<NotificationStores>;
  clock: Clock;
  site: SiteIdentity;
}): Promise<number> {
  const now = options.clock.now();
  let made = 0;
  for (const frequency of ['daily', 'weekly'] as const) {
    const moment = digestMoment(frequency, now);
    for (;;) {
      const ids = await options.stores.notifications.subscribersWithHeld(frequency, moment.at, PAGE);
      if (ids.length === 0) break;
      for (const subscriberId of ids) {
        const created = await options.uow.run(async (stores) => {
          const subscriber = await stores.notifications.subscriber(subscriberId);
          const held = await stores.notifications.heldFor(subscriberId, moment.at);
          if (!subscriber || held.length === 0) return false;
          const period = digestPeriod(frequency, moment);
          const { message, created: isNew } = await stores.notifications.addMessage({
            id: newId(),
            kind: 'digest',
            key: `digest:${subscriberId}:${frequency}:${moment.key}`,
            orgId: null,
            documentId: null,
            editionId: null,
            title: NOTIFICATION_TEXT.mail.digestSubject(options.site.name, period, held.length),
            subject: NOTIFICATION_TEXT.mail.digestSubject(options.site.name, period, held.length),
            body: digestBody(
              held.map((item) => ({
                title: item.title,
                orgName: item.orgName,
                date: chinaDate(new Date(item.createdAt)),
                url: item.link ? `${options.site.publicUrl}${item.link}` : options.site.publicUrl,
              })),
            ),
            smsText: smsText({
              site: options.site.name,
              text: NOTIFICATION_TEXT.digestSms(period, held.length),
              url: `${options.site.publicUrl}/xxgk/`,
            }),
            link: null,
            segment: null,
            createdBy: null,
            createdAt: now.toISOString(),
            recipients: 0,
          });
          if (subscriber.state === 'active') await stores.notifications.addDelivery(message.id, subscriber, now);
          await stores.notifications.markDigested(
            held.map((item) => item.deliveryId),
            message.id,
          );
          await stores.jobs.send(NOTIFY_DELIVER_JOB, {});
          return isNew;
        });
        if (created) made += 1;
      }
    }
  }
  return made;
}
