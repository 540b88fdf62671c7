import pino from 'pino';
import {
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
import { MAIL_JOB } from '../platform/jobs.ts';
import { mailOfJob } from '../platform/mail.ts';
import type { AppContext } from './context.ts';

/** Every job the application sends or runs (pg-boss creates their queues at start). */
export const JOB_NAMES = [
  MAIL_JOB,
  PUBLISH_DUE_EDITIONS_JOB,
  DEADLINE_REMINDERS_JOB,
  UPSTREAM_STATUS_JOB,
  ATTACHMENT_TEXT_JOB,
] as const;

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
 * `GONGKAI_SCHEDULER_SECONDS`, deadline reminders every ten minutes, and, when the provincial
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
