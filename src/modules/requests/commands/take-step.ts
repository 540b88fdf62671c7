import { chinaDate, type Clock } from '../../../platform/clock.ts';
import type { UnitOfWork } from '../../../platform/unit-of-work.ts';
import type { WorkingCalendar } from '../../../platform/working-days.ts';
import { auditActor, type Actor } from '../../access/index.ts';
import type { AuditLog } from '../../audit/index.ts';
import type { OrgStore } from '../../orgs/index.ts';
import { requestEntry } from '../audit-actions.ts';
import { applyAction, storedDueOn, type HandlingAction, type HandlingKind } from '../domain/handling.ts';
import type { FoiRequest } from '../domain/request.ts';
import { composeReplyLetter, STANDARD_REPLY_TEXTS } from '../domain/letter.ts';
import type { RequestStore, UpstreamStore } from '../ports.ts';
import { reportUpstream } from './report-upstream.ts';
import { loadHandledRequest } from './load-handled-request.ts';

/** The audit action of each handling step. */
const AUDIT_ACTION = {
  assign: 'request.assigned',
  request_correction: 'request.correction_requested',
  receive_correction: 'request.corrected',
  close_uncorrected: 'request.closed_uncorrected',
  consult: 'request.consulted',
  consultation_answered: 'request.consultation_answered',
  extend: 'request.extended',
  reply: 'request.replied',
  withdraw: 'request.withdrawn',
  fee_notice: 'request.fee_notified',
  fee_paid: 'request.fee_paid',
  close_fee_unpaid: 'request.closed_fee_unpaid',
  ask_reasons: 'request.reasons_requested',
  resume: 'request.resumed',
  archive: 'request.archived',
} as const satisfies Record<HandlingKind, string>;

/**
 * One handling step on a request by an officer of its receiving unit (条例 Art. 45): the domain
 * decides whether the law allows it now; the request, its event and the audit entry are saved
 * together (with the status for the provincial platform when the request came from it), and the
 * stored due date follows.
 * @throws DomainError `not_found`, `out_of_scope`/`forbidden`, `invalid_transition`, `validation_failed`, `conflict`.
 */
export async function takeStep(options: {
  uow: UnitOfWork<{ requests: RequestStore; orgs: OrgStore; audit: AuditLog; upstream: UpstreamStore }>;
  clock: Clock;
  calendar: WorkingCalendar;
  actor: Actor;
  requestId: string;
  action: HandlingAction;
}): Promise<FoiRequest> {
  const now = options.clock.now();
  const today = chinaDate(now);
  return options.uow.run(async ({ requests, orgs, audit, upstream }) => {
    const { request, agency } = await loadHandledRequest({ requests, orgs }, options.actor, options.requestId);
    const { request: next, event } = applyAction(request, options.action, {
      calendar: options.calendar,
      today,
      at: now,
    });
    let stored = { ...next, dueOn: storedDueOn(next, options.calendar, today) };
    if (options.action.kind === 'reply' && stored.reply) {
      // The letter is composed now and kept: later edits of the standard texts never change it.
      const district = await orgs.getById(agency.path.split('/')[1]!);
      const texts = { ...STANDARD_REPLY_TEXTS, ...(await requests.replyTexts()) };
      const letter = composeReplyLetter(
        { ...stored, reply: stored.reply },
        agency,
        district?.name ?? agency.name,
        texts,
      );
      stored = { ...stored, reply: { ...stored.reply, letter } };
    }
    await requests.update(stored, request.state);
    const appended = await requests.appendEvent({
      requestId: request.id,
      at: now.toISOString(),
      by: agency.name,
      ...event,
    });
    await reportUpstream(upstream, stored, appended);
    await audit.append(
      requestEntry(auditActor(options.actor), now, {
        action: AUDIT_ACTION[options.action.kind],
        entityType: 'foi_request',
        entityId: request.id,
        orgId: agency.id,
        before: { state: request.state },
        after: { state: stored.state, on: event.on, outcome: stored.reply?.outcome ?? null },
      }),
    );
    return stored;
  });
}
