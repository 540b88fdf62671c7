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
import type { FileServices, IncomingFile, RequestFileStore, RequestStore, UpstreamStore } from '../ports.ts';
import type { FilePurpose } from '../domain/files.ts';
import { DomainError, isDomainError } from '../../../platform/errors.ts';
import { reportUpstream } from './report-upstream.ts';
import { loadHandledRequest } from './load-handled-request.ts';
import { auditedFiles, inspectIncoming, keepFiles } from './request-files.ts';

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
  deliver: 'request.delivered',
  archive: 'request.archived',
} as const satisfies Record<HandlingKind, string>;

/** The steps that take files, and what the files are: the information released, the proof of service. */
const FILES_OF: Partial<Record<HandlingKind, FilePurpose>> = { reply: 'released', deliver: 'delivery_proof' };

/**
 * One handling step on a request by an officer of its receiving unit (条例 Art. 45): the domain
 * decides whether the law allows it now; the request, its event and the audit entry are saved
 * together (with the status for the provincial platform when the request came from it), and the
 * stored due date follows. A reply may bring the released information's files and
 * a delivery its proof: checked from their bytes before anything is stored, kept in the same
 * transaction; files sent with any other step are not kept.
 * @throws DomainError `not_found`, `out_of_scope`/`forbidden`, `invalid_transition`, `validation_failed`,
 *   `conflict`; for files `too_many_files`, `upload_too_large`, `upload_type_not_allowed`, `upload_type_mismatch`.
 */
export async function takeStep(options: {
  uow: UnitOfWork<{
    requests: RequestStore;
    requestFiles: RequestFileStore;
    orgs: OrgStore;
    audit: AuditLog;
    upstream: UpstreamStore;
  }>;
  clock: Clock;
  calendar: WorkingCalendar;
  actor: Actor;
  requestId: string;
  action: HandlingAction;
  /** Files sent with the step, and where they are kept. */
  files?: { services: FileServices; incoming: IncomingFile[] } | undefined;
}): Promise<FoiRequest> {
  const now = options.clock.now();
  const today = chinaDate(now);
  const purpose = FILES_OF[options.action.kind];
  const incoming = (purpose && options.files?.incoming) || [];
  const inspection = await inspectIncoming(options.files?.services, purpose ?? 'released', incoming);
  const action: HandlingAction =
    options.action.kind === 'reply'
      ? { ...options.action, releasedFiles: incoming.length }
      : options.action.kind === 'deliver'
        ? { ...options.action, proofFiles: incoming.length }
        : options.action;
  return options.uow.run(async ({ requests, requestFiles, orgs, audit, upstream }) => {
    const { request, agency } = await loadHandledRequest({ requests, orgs }, options.actor, options.requestId);
    let applied: ReturnType<typeof applyAction>;
    try {
      applied = applyAction(request, action, { calendar: options.calendar, today, at: now });
    } catch (error) {
      // One answer lists the step's problems and the files' together.
      if (!inspection.ok && isDomainError(error, 'validation_failed')) {
        throw new DomainError(inspection.code, { fields: [...error.fields, ...inspection.issues] });
      }
      throw error;
    }
    if (!inspection.ok) throw new DomainError(inspection.code, { fields: inspection.issues });
    const { request: next, event } = applied;
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
    const kept =
      purpose && options.files && incoming.length > 0
        ? await keepFiles({
            services: options.files.services,
            store: requestFiles,
            requestId: request.id,
            purpose,
            incoming,
            accepted: inspection.ok ? inspection.files : [],
            at: now,
            by: options.actor.kind === 'staff' ? options.actor.userId : 'system',
          })
        : [];
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
        after: {
          state: stored.state,
          on: event.on,
          outcome: stored.reply?.outcome ?? null,
          ...(action.kind === 'deliver' ? { deliveryMethod: action.method } : {}),
          ...(kept.length > 0 ? { files: auditedFiles(kept) } : {}),
        },
      }),
    );
    return stored;
  });
}
