import type { Clock } from '../../../platform/clock.ts';
import type { UnitOfWork } from '../../../platform/unit-of-work.ts';
import { auditActor, systemActor } from '../../access/index.ts';
import type { AuditLog } from '../../audit/index.ts';
import { requestEntry } from '../audit-actions.ts';
import { nextAttemptAfter, type UpstreamStatus } from '../domain/upstream.ts';
import type { OutboxStatus, UpstreamStatusSender, UpstreamStore } from '../ports.ts';

/** How long one instance keeps a status to itself while sending it (the sender gives up sooner). */
const LEASE_MS = 60_000;
/** The longest last error kept. */
const MAX_ERROR_LENGTH = 500;
const PUSHER = systemActor('省级平台状态推送');

/** The job that sends the provincial platform's statuses; the composition root runs it every 15 seconds. */
export const UPSTREAM_STATUS_JOB = 'foi-upstream-status';

/**
 * Sends the statuses waiting for the provincial platform, request by request in order: a request's
 * next status goes only after the one before it was accepted. A failed send is kept with its
 * attempts and error and tried again later, 30 s after the first failure and twice as long after
 * each next (at most 6 h), holding back that request's later statuses meanwhile; nothing is dropped.
 * Each accepted status is marked sent and audited together. Safe to run in several instances at
 * once: a status being sent is leased to one of them. Meant to be run periodically; returns what
 * this run sent and what failed.
 */
export async function pushUpstreamStatuses(options: {
  uow: UnitOfWork<{ upstream: UpstreamStore; audit: AuditLog }>;
  stores: { upstream: UpstreamStore };
  clock: Clock;
  sender: UpstreamStatusSender;
  /** At most this many requests are served per run (each with all its due statuses). */
  limit?: number;
  /** Told of each failed send (for the log); the failure is kept in the outbox either way. */
  onError?: (error: unknown, status: OutboxStatus) => void;
}): Promise<{ sent: number; failed: number }> {
  const { upstream } = options.stores;
  let sent = 0;
  let failed = 0;
  const heads = await upstream.dueHeads(options.clock.now().toISOString(), options.limit ?? 100);
  for (const head of heads) {
    let status: OutboxStatus | undefined = head;
    while (status) {
      const now = options.clock.now();
      if (status.nextAttemptAt > now.toISOString()) break;
      const leased = await upstream.lease(
        status.id,
        now.toISOString(),
        new Date(now.getTime() + LEASE_MS).toISOString(),
      );
      if (!leased) break;
      const attempts = status.attempts + 1;
      try {
        await options.sender.send(status.body);
      } catch (error) {
        const failedAt = options.clock.now();
        await upstream.markFailed(status.id, {
          attempts,
          nextAttemptAt: nextAttemptAfter(failedAt, attempts).toISOString(),
          lastError: describe(error),
        });
        options.onError?.(error, status);
        failed++;
        break;
      }
      const accepted = status;
      const at = options.clock.now();
      const reported = JSON.parse(accepted.body) as UpstreamStatus;
      await options.uow.run(async (stores) => {
        await stores.upstream.markSent(accepted.id, at.toISOString(), attempts);
        await stores.audit.append(
          requestEntry(auditActor(PUSHER), at, {
            action: 'request.status_pushed',
            entityType: 'foi_request',
            entityId: accepted.requestId,
            orgId: accepted.orgId,
            after: { seq: reported.seq, event: reported.event, state: reported.state, attempts },
          }),
        );
      });
      sent++;
      status = await upstream.headOf(accepted.requestId);
    }
  }
  return { sent, failed };
}

/** A failure as the outbox keeps it: the message and, for a network error, its cause. */
function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${message}${cause}`.slice(0, MAX_ERROR_LENGTH);
}
