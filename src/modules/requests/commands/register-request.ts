import { chinaDate, type Clock } from '../../../platform/clock.ts';
import type { UnitOfWork } from '../../../platform/unit-of-work.ts';
import { auditActor, type Actor } from '../../access/index.ts';
import type { AuditLog } from '../../audit/index.ts';
import type { OrgStore } from '../../orgs/index.ts';
import { requestEntry } from '../audit-actions.ts';
import { checkReceiptDate, register, type FoiRequest } from '../domain/request.ts';
import type { RequestStore, UpstreamStore } from '../ports.ts';
import { reportUpstream } from './report-upstream.ts';
import { loadHandledRequest } from './load-handled-request.ts';
import type { WorkingCalendar } from '../../../platform/working-days.ts';
import { storedDueOn } from '../domain/handling.ts';

/**
 * The receiving agency confirms receipt (登记, 条例 Art. 31, 45): the legal receipt date is fixed and
 * the 20 working days start. For an online application it is the day both sides confirm, usually
 * today; staff may give an earlier day (never before submission, never after today). A request the
 * provincial platform forwarded gets its status queued for the platform in the same transaction.
 * @throws DomainError `not_found`, `out_of_scope`/`forbidden`, `validation_failed`, `invalid_transition`, `conflict`.
 */
export async function registerRequest(options: {
  uow: UnitOfWork<{ requests: RequestStore; orgs: OrgStore; audit: AuditLog; upstream: UpstreamStore }>;
  clock: Clock;
  actor: Actor;
  calendar: WorkingCalendar;
  requestId: string;
  receivedOn: string;
}): Promise<FoiRequest> {
  const now = options.clock.now();
  return options.uow.run(async ({ requests, orgs, audit, upstream }) => {
    const { request, agency } = await loadHandledRequest({ requests, orgs }, options.actor, options.requestId);
    const receivedOn = checkReceiptDate({
      receivedOn: options.receivedOn,
      submittedOn: chinaDate(new Date(request.submittedAt)),
      today: chinaDate(now),
    });
    const fresh = register(request, receivedOn, now);
    const registered = { ...fresh, dueOn: storedDueOn(fresh, options.calendar, chinaDate(now)) };
    await requests.update(registered, request.state);
    const event = await requests.appendEvent({
      requestId: request.id,
      kind: 'received',
      at: now.toISOString(),
      on: receivedOn,
      by: agency.name,
      note: '',
    });
    await reportUpstream(upstream, registered, event);
    await audit.append(
      requestEntry(auditActor(options.actor), now, {
        action: 'request.registered',
        entityType: 'foi_request',
        entityId: request.id,
        orgId: agency.id,
        before: { state: request.state },
        after: { state: registered.state, receivedOn },
      }),
    );
    return registered;
  });
}
