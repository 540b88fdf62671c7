import pino from 'pino';
import {
  DOCUMENT_PUBLISHED_JOB,
  announcedPublication,
  ATTACHMENT_TEXT_JOB,
  PUBLISH_DUE_EDITIONS_JOB,
  extractAttachmentText,
  publishDueEditions,
} from '../modules/documents/index.ts';
import {
  DEADLINE_REMINDERS_JOB,
  UPSTREAM_STATUS_JOB,
  pushUpstreamStatuses,
  sendDeadlineReminders,
} from '../modules/requests/index.ts';
import {
  NOTIFY_DELIVER_JOB,
  NOTIFY_DIGEST_JOB,
  deliverDue,
  fanOutPublication,
  sendDigests,
  type DeliveryChannels,
  type SiteIdentity,
} from '../modules/notifications/index.ts';
import { MESSAGE_ALERTS_JOB, sendMessageAlerts } from '../modules/participation/index.ts';
import { MAIL_JOB, SMS_JOB } from '../platform/jobs.ts';
import { rateLimiter } from '../platform/rate-limiter.ts';
import { mailOfJob } from '../platform/mail.ts';
import type { AppContext } from './context.ts';

/** Every job the application sends or runs (pg-boss creates their queues at start). */
export const JOB_NAMES = [
  MAIL_JOB,
  PUBLISH_DUE_EDITIONS_JOB,
  DEADLINE_REMINDERS_JOB,
  UPSTREAM_STATUS_JOB,
  ATTACHMENT_TEXT_JOB,
  DOCUMENT_PUBLISHED_JOB,
  NOTIFY_DELIVER_JOB,
  NOTIFY_DIGEST_JOB,
  SMS_JOB,
  MESSAGE_ALERTS_JOB,
] as const;

/** How often due deliveries (retries) and digests are looked for. */
export const DELIVERY_SWEEP_SECONDS = 15;
export const DIGEST_SWEEP_SECONDS = 300;
/** How long one delivery job sends before it hands over to a new one (other jobs run in between). */
export const DELIVERY_SLICE_MS = 20_000;
/** Pending e-mail subscriptions nobody confirmed are erased after this many days. */
export const PENDING_SUBSCRIPTION_DAYS = 7;

/** How often the deadline reminders are looked for; each is sent once, so this only bounds the delay. */
export const REMINDER_SWEEP_SECONDS = 600;

/** How often the statuses waiting for the provincial platform are sent (each keeps its own backoff). */
export const UPSTREAM_PUSH_SECONDS = 15;

/** Where a job's failure is written: the application's log, at the configured level. */
export function jobErrorLogger(level: string): (error: unknown) => void {
  const log = pino({ level, name: 'jobs' });
  return (error) => log.error({ err: error }, 'a background job failed; it is retried with backoff');
}

/**
 * What each job does, and which run by themselves: scheduled publication every
 * `GONGKAI_SCHEDULER_SECONDS`, deadline reminders and message alerts every ten minutes, and, when the provincial
 * platform's status URL is set, its statuses every 15 seconds. The runner starts only in the
 * serving process (`gongkai serve`); every process may send.
 */
export function registerJobs(ctx: AppContext): void {
  const runner = ctx.jobs.runner;
  runner.work(MAIL_JOB, (payload) => ctx.mailer.send(mailOfJob(payload)));
  runner.work(PUBLISH_DUE_EDITIONS_JOB, async () => {
    await publishDueEditions({ stores: ctx.stores, uow: ctx.uow, clock: ctx.clock });
  });
  if (ctx.config.schedulerSeconds > 0) runner.every(PUBLISH_DUE_EDITIONS_JOB, ctx.config.schedulerSeconds);
  const textLog = pino({ level: ctx.config.logLevel, name: 'attachment-text' });
  runner.work(ATTACHMENT_TEXT_JOB, async (payload) => {
    await extractAttachmentText(
      {
        stores: ctx.stores,
        uow: ctx.uow,
        files: ctx.files,
        extractor: ctx.textExtractor,
        clock: ctx.clock,
        // A file that cannot be read is indexed without its text; the log says which and why.
        onUnreadable: (detail) => textLog.warn(detail, 'attachment text could not be extracted'),
      },
      payload,
    );
  });
  runner.work(DEADLINE_REMINDERS_JOB, async () => {
    await sendDeadlineReminders({
      stores: ctx.stores,
      uow: ctx.uow,
      clock: ctx.clock,
      calendar: await ctx.calendarCache.get(),
      daysBefore: ctx.config.foiReminderDays,
      adminUrl: ctx.config.publicUrl,
    });
  });
  if (ctx.config.schedulerSeconds > 0) runner.every(DEADLINE_REMINDERS_JOB, REMINDER_SWEEP_SECONDS);
  runner.work(MESSAGE_ALERTS_JOB, async () => {
    await sendMessageAlerts({
      stores: ctx.stores,
      uow: ctx.uow,
      clock: ctx.clock,
      calendar: await ctx.calendarCache.get(),
      alertOptions: { limitWorkingDays: ctx.config.messageReplyDays },
      adminUrl: ctx.config.publicUrl,
    });
  });
  if (ctx.config.schedulerSeconds > 0) runner.every(MESSAGE_ALERTS_JOB, REMINDER_SWEEP_SECONDS);
  registerNotificationJobs(ctx);
  const sender = ctx.upstreamSender;
  if (!sender) return;
  const log = jobErrorLogger(ctx.config.logLevel);
  runner.work(UPSTREAM_STATUS_JOB, async () => {
    await pushUpstreamStatuses({
      uow: ctx.uow,
      stores: ctx.stores,
      clock: ctx.clock,
      sender,
      // A failed send stays in the outbox with its own backoff; the log says why.
      onError: (error) => log(error),
    });
  });
  if (ctx.config.schedulerSeconds > 0) runner.every(UPSTREAM_STATUS_JOB, UPSTREAM_PUSH_SECONDS);
}

/** The site as messages name it, with the origin links are built from and the secret that signs them. */
export async function siteIdentity(ctx: AppContext): Promise<SiteIdentity> {
  const settings = await ctx.siteSettings.get();
  return { name: settings.siteName, publicUrl: ctx.config.publicUrl, secret: ctx.secret };
}

/** Each channel's sender with this process's rate limits (GONGKAI_PUSH_RATES). */
export function deliveryChannels(ctx: AppContext): DeliveryChannels {
  const rates = ctx.config.push.rates;
  return {
    mailer: ctx.mailer,
    sms: ctx.sms,
    webhooks: ctx.webhooks,
    limits: { email: rateLimiter(rates.email), sms: rateLimiter(rates.sms), webhook: rateLimiter(rates.webhook) },
    concurrency: { email: 8, sms: 4, webhook: 4 },
  };
}

/**
 * Pushes: a publication's job fans it out to the subscribers it concerns; the delivery job sends
 * what is due for 20 s at a time and, when more is waiting, hands over to a new job (so other jobs
 * run in between, and on PostgreSQL another instance may take it); both also run every few seconds
 * for retries. Digests are gathered every five minutes, and unconfirmed subscriptions dropped.
 */
function registerNotificationJobs(ctx: AppContext): void {
  const runner = ctx.jobs.runner;
  const channels = deliveryChannels(ctx);
  runner.work(DOCUMENT_PUBLISHED_JOB, async (payload) => {
    if (typeof payload.editionId !== 'string') throw new Error('document-published job without editionId');
    const publication = await announcedPublication(ctx.stores, payload.editionId);
    if (!publication) return;
    await fanOutPublication({ uow: ctx.uow, clock: ctx.clock, site: await siteIdentity(ctx), publication });
  });
  runner.work(NOTIFY_DELIVER_JOB, async () => {
    const outcome = await deliverDue({
      notifications: ctx.stores.notifications,
      clock: ctx.clock,
      site: await siteIdentity(ctx),
      channels,
      leaseSeconds: ctx.config.push.leaseSeconds,
      maxMs: DELIVERY_SLICE_MS,
    });
    if (outcome.more) await ctx.stores.jobs.send(NOTIFY_DELIVER_JOB, {});
  });
  runner.work(NOTIFY_DIGEST_JOB, async () => {
    await sendDigests({ stores: ctx.stores, uow: ctx.uow, clock: ctx.clock, site: await siteIdentity(ctx) });
    await ctx.stores.notifications.erasePendingBefore(
      new Date(ctx.clock.now().getTime() - PENDING_SUBSCRIPTION_DAYS * 86_400_000),
    );
  });
  runner.work(SMS_JOB, async (payload) => {
    const { to, text, key } = payload;
    if (typeof to !== 'string' || typeof text !== 'string' || typeof key !== 'string') {
      throw new Error('sms job without to, text and key');
    }
    if (!ctx.sms) throw new Error('no SMS gateway is configured (GONGKAI_SMS_URL)');
    await ctx.sms.send({ to, text, key });
  });
  if (ctx.config.schedulerSeconds > 0) {
    runner.every(NOTIFY_DELIVER_JOB, DELIVERY_SWEEP_SECONDS);
    runner.every(NOTIFY_DIGEST_JOB, DIGEST_SWEEP_SECONDS);
  }
}
