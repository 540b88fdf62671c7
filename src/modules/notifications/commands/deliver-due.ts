import type { Clock } from '../../../platform/clock.ts';
import type { Mailer, MailMessage } from '../../../platform/mail.ts';
import type { RateLimiter } from '../../../platform/rate-limiter.ts';
import { afterFailure, SendFailure } from '../domain/delivery.ts';
import type { Channel } from '../domain/choices.ts';
import { subscriberPath, subscriberToken, unsubscribePath } from '../domain/links.ts';
import type { ClaimedDelivery, NotificationStore, SmsGateway, WebhookSender } from '../ports.ts';
import { NOTIFICATION_TEXT } from '../strings.ts';
import type { SiteIdentity } from './stores.ts';

/** The job that sends the deliveries that are due; publication and push jobs send it, and it runs every few seconds. */
export const NOTIFY_DELIVER_JOB = 'notifications-deliver';

/** How the messages leave: each channel's sender, and how fast and how many at once it may go. */
export type DeliveryChannels = {
  mailer: Mailer;
  /** Undefined when no gateway is configured: SMS deliveries wait (and SMS subscriptions are not offered). */
  sms: SmsGateway | undefined;
  webhooks: WebhookSender;
  /** Per-channel rate limits of this process. */
  limits: Record<Channel, RateLimiter>;
  /** Sends in flight at once per channel. */
  concurrency: Record<Channel, number>;
};

export type DeliveryOutcome = { sent: number; failed: number; retried: number; skipped: number; more: boolean };

/** The e-mail of a delivery: the message, its footer with the subscriber's links, RFC 8058 headers. */
export function deliveryMail(delivery: ClaimedDelivery, site: SiteIdentity): MailMessage {
  const subscriber = delivery.subscriber!;
  const token = subscriberToken(site.secret, subscriber);
  const manage = `${site.publicUrl}${subscriberPath(subscriber, token)}`;
  const unsubscribe = `${site.publicUrl}${unsubscribePath(subscriber, token)}`;
  return {
    to: subscriber.address,
    subject: delivery.message.subject,
    text: delivery.message.body + NOTIFICATION_TEXT.mail.footer(manage, unsubscribe),
    headers: {
      'List-Unsubscribe': `<${unsubscribe}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      'Auto-Submitted': 'auto-generated',
      Precedence: 'bulk',
    },
    // The same id on every attempt: a receiver that saw it already can drop a repeat.
    messageId: `<${delivery.id}@${new URL(site.publicUrl).hostname}>`,
  };
}

/** The JSON a webhook receives for a delivery. */
export function webhookPayload(delivery: ClaimedDelivery, site: SiteIdentity): Record<string, unknown> {
  const m = delivery.message;
  return {
    id: delivery.id,
    kind: m.kind,
    title: m.title,
    url: m.link ? `${site.publicUrl}${m.link}` : null,
    documentId: m.documentId,
    orgId: m.orgId,
    text: m.body,
    createdAt: m.createdAt,
  };
}

async function sendOne(delivery: ClaimedDelivery, channels: DeliveryChannels, site: SiteIdentity): Promise<void> {
  const subscriber = delivery.subscriber!;
  switch (delivery.channel) {
    case 'email':
      try {
        await channels.mailer.send(deliveryMail(delivery, site));
      } catch (error) {
        // An SMTP 5xx reply (no such mailbox, refused) is final; anything else is tried again.
        const code = (error as { responseCode?: unknown }).responseCode;
        throw new SendFailure(
          error instanceof Error ? error.message : String(error),
          typeof code === 'number' && code >= 500,
        );
      }
      return;
    case 'sms':
      if (!channels.sms) throw new SendFailure('no SMS gateway is configured', false);
      await channels.sms.send({ to: subscriber.address, text: delivery.message.smsText, key: delivery.id });
      return;
    case 'webhook':
      await channels.webhooks.post(
        { url: subscriber.address, secret: subscriber.secret ?? '' },
        webhookPayload(delivery, site),
        delivery.id,
      );
      return;
    default: {
      const unreachable: never = delivery.channel;
      throw new Error(`unknown channel ${String(unreachable)}`);
    }
  }
}

/**
 * Sends the deliveries that are due, batch by batch, for at most `maxMs`.
 *
 * Each batch is claimed (leased) first, so a second process takes other deliveries. Before each send
 * the subscriber is looked at: one who unsubscribed or was erased since is not sent anything. A sent
 * delivery is marked at once; a failure is tried again with backoff, or ends as failed or bounced.
 * A process killed mid-send leaves its leased deliveries to be taken up when the lease runs out, and
 * sent again with the same idempotency key (Message-ID, Idempotency-Key): at most the few in flight
 * at the moment of the crash, which the receiving server recognises.
 */
export async function deliverDue(options: {
  notifications: NotificationStore;
  clock: Clock;
  site: SiteIdentity;
  channels: DeliveryChannels;
  leaseSeconds: number;
  maxMs: number;
  batch?: number;
}): Promise<DeliveryOutcome> {
  const started = Date.now();
  const outcome: DeliveryOutcome = { sent: 0, failed: 0, retried: 0, skipped: 0, more: false };
  const batch = options.batch ?? 100;
  const store = options.notifications;
  for (;;) {
    if (Date.now() - started > options.maxMs) {
      outcome.more = await store.hasQueued();
      return outcome;
    }
    const now = options.clock.now();
    const claimed = await store.claimDue(now, new Date(now.getTime() + options.leaseSeconds * 1000), batch);
    if (claimed.length === 0) return outcome;
    const byChannel = new Map<Channel, ClaimedDelivery[]>();
    for (const delivery of claimed) {
      const list = byChannel.get(delivery.channel) ?? [];
      list.push(delivery);
      byChannel.set(delivery.channel, list);
    }
    await Promise.all(
      [...byChannel].flatMap(([channel, list]) =>
        Array.from({ length: Math.max(1, Math.min(options.channels.concurrency[channel], list.length)) }, async () => {
          for (let delivery = list.shift(); delivery; delivery = list.shift()) {
            await deliver(delivery, channel);
          }
        }),
      ),
    );
  }

  async function deliver(delivery: ClaimedDelivery, channel: Channel): Promise<void> {
    if (delivery.subscriber?.state !== 'active') {
      await store.finishDelivery(delivery.id, { state: 'unsubscribed', at: options.clock.now() });
      outcome.skipped += 1;
      return;
    }
    await options.channels.limits[channel].take();
    try {
      await sendOne(delivery, options.channels, options.site);
      await store.finishDelivery(delivery.id, { state: 'sent', at: options.clock.now() });
      outcome.sent += 1;
    } catch (error) {
      const now = options.clock.now();
      const next = afterFailure(error, delivery.attempts, now);
      await store.finishDelivery(delivery.id, {
        state: next.state,
        at: now,
        nextAttemptAt: next.nextAttemptAt,
        error: error instanceof Error ? error.message : String(error),
      });
      if (next.state === 'queued') outcome.retried += 1;
      else outcome.failed += 1;
    }
  }
}
