import { chinaDate, type Clock } from '../../../platform/clock.ts';
import { DomainError } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import type { UnitOfWork } from '../../../platform/unit-of-work.ts';
import { auditActor, type Actor } from '../../access/index.ts';
import type { AuditLog } from '../../audit/index.ts';
import type { OrgStore } from '../../orgs/index.ts';
import { requestEntry } from '../audit-actions.ts';
import { checkAppeal, type Appeal, type AppealKind, type AppealResult } from '../domain/appeals.ts';
import type { RequestStore } from '../ports.ts';
import { loadHandledRequest } from './load-handled-request.ts';
import { REQUEST_TEXT } from '../strings.ts';

/**
 * Records a reconsideration or a lawsuit against a request's reply (条例 Art. 51), or the result of
 * one already recorded (`appealId`), for table 四 of the annual report.
 * @throws DomainError `not_found`, `out_of_scope`/`forbidden`, `invalid_transition` (no reply yet),
 *   `validation_failed`.
 */
export async function recordAppeal(options: {
  uow: UnitOfWork<{ requests: RequestStore; orgs: OrgStore; audit: AuditLog }>;
  clock: Clock;
  actor: Actor;
  requestId: string;
  appeal:
    | { appealId?: undefined; kind: AppealKind; filedOn: string; body: string }
    | { appealId: string; result: AppealResult; decidedOn: string };
}): Promise<Appeal> {
  const now = options.clock.now();
  const today = chinaDate(now);
  return options.uow.run(async ({ requests, orgs, audit }) => {
    const { request, agency } = await loadHandledRequest({ requests, orgs }, options.actor, options.requestId);
    if (!request.reply || !request.closedOn) {
      throw new DomainError('invalid_transition', { message: REQUEST_TEXT.appealsOnlyAfterReply });
    }
    let appeal: Appeal;
    if (options.appeal.appealId === undefined) {
      appeal = {
        id: newId(),
        requestId: request.id,
        kind: options.appeal.kind,
        filedOn: options.appeal.filedOn,
        body: options.appeal.body.trim(),
        result: null,
        decidedOn: null,
      };
      checkAppeal(appeal, request.closedOn, today);
      await requests.insertAppeal(appeal);
    } else {
      const { appealId, result, decidedOn } = options.appeal;
      const existing = (await requests.appealsOf(request.id)).find((a) => a.id === appealId);
      if (!existing) throw new DomainError('not_found');
      appeal = { ...existing, result, decidedOn };
      checkAppeal(appeal, request.closedOn, today);
      await requests.updateAppeal(appeal);
    }
    await audit.append(
      requestEntry(auditActor(options.actor), now, {
        action: options.appeal.appealId === undefined ? 'request.appeal_recorded' : 'request.appeal_decided',
        entityType: 'foi_request',
        entityId: request.id,
        orgId: agency.id,
        after: appeal,
      }),
    );
    return appeal;
  });
}
