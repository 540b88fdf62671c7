import { auditActor, type Actor } from '../../access/index.ts';
import type { Clock } from '../../../platform/clock.ts';
import { DomainError, type FieldIssue } from '../../../platform/errors.ts';
import type { UnitOfWork } from '../../../platform/unit-of-work.ts';
import { participationEntry } from '../audit-actions.ts';
import { checkDisposition, type ConsultationComment, type DispositionInput } from '../domain/comment.ts';
import { requireAction } from '../domain/consultation.ts';
import { loadForChange } from './load-consultation.ts';
import type { ParticipationStores } from './stores.ts';

/**
 * Records the dispositions of a closed consultation's comments (采纳, 部分采纳, 未采纳 with a
 * reason, and a group label for like comments), as many as were entered at once. Nothing is saved
 * when one of them is wrong, and the form shows every problem beside its comment. Only changed
 * comments are written and logged.
 * @throws DomainError `validation_failed`, `invalid_transition`, `not_found`, `forbidden`, `out_of_scope`.
 */
export async function disposeComments(options: {
  uow: UnitOfWork<ParticipationStores>;
  clock: Clock;
  actor: Actor;
  consultationId: string;
  input: DispositionInput[];
}): Promise<{ changed: number }> {
  const now = options.clock.now();
  const at = now.toISOString();
  return options.uow.run(async (stores) => {
    const { consultation } = await loadForChange(stores, options.actor, options.consultationId);
    requireAction(consultation, now, 'dispose');
    const comments = new Map((await stores.consultations.comments(consultation.id)).map((c) => [c.id, c]));
    const issues: FieldIssue[] = [];
    const updates: { before: ConsultationComment; after: ConsultationComment }[] = [];
    for (const entry of options.input) {
      const comment = comments.get(entry.commentId);
      // An id from another consultation or a hidden comment is ignored: the form never offers one.
      if (!comment || comment.state === 'hidden') continue;
      const input = { ...entry, reason: entry.reason.trim(), group: entry.group.trim() };
      const found = checkDisposition(input);
      if (found.length > 0) {
        issues.push(...found);
        continue;
      }
      if (
        comment.disposition === input.disposition &&
        comment.dispositionReason === input.reason &&
        comment.dispositionGroup === input.group
      ) {
        continue;
      }
      updates.push({
        before: comment,
        after: {
          ...comment,
          disposition: input.disposition,
          dispositionReason: input.reason,
          dispositionGroup: input.group,
          disposedAt: input.disposition === null ? null : at,
        },
      });
    }
    if (issues.length > 0) throw new DomainError('validation_failed', { fields: issues });
    const actor = auditActor(options.actor);
    for (const { before, after } of updates) {
      await stores.consultations.updateComment(after);
      await stores.audit.append(
        participationEntry(actor, now, {
          action: 'comment.disposed',
          entityType: 'consultation_comment',
          entityId: after.id,
          before: { disposition: before.disposition, reason: before.dispositionReason, group: before.dispositionGroup },
          after: { disposition: after.disposition, reason: after.dispositionReason, group: after.dispositionGroup },
        }),
      );
    }
    return { changed: updates.length };
  });
}
