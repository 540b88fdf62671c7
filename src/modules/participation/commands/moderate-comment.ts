import { auditActor, type Actor } from '../../access/index.ts';
import type { Clock } from '../../../platform/clock.ts';
import { DomainError } from '../../../platform/errors.ts';
import type { UnitOfWork } from '../../../platform/unit-of-work.ts';
import { participationEntry } from '../audit-actions.ts';
import { MAX_REASON_LENGTH, type ConsultationComment } from '../domain/comment.ts';
import { requireAction } from '../domain/consultation.ts';
import { CONSULTATION_TEXT } from '../strings.ts';
import { loadForChange } from './load-consultation.ts';
import type { ParticipationStores } from './stores.ts';

/**
 * Hides a comment from the public with a reason (advertising, abuse, off-topic, personal data), or
 * shows it again. The comment is kept, the count of hidden comments is public, and each change is
 * logged with its reason.
 * @throws DomainError `validation_failed`, `invalid_transition`, `not_found`, `forbidden`, `out_of_scope`.
 */
export async function moderateComment(options: {
  uow: UnitOfWork<ParticipationStores>;
  clock: Clock;
  actor: Actor;
  consultationId: string;
  input: { commentId: string; hide: boolean; reason: string };
}): Promise<ConsultationComment> {
  const now = options.clock.now();
  const reason = options.input.reason.trim();
  return options.uow.run(async (stores) => {
    const { consultation } = await loadForChange(stores, options.actor, options.consultationId);
    requireAction(consultation, now, 'moderate');
    const comment = await stores.consultations.comment(options.input.commentId);
    if (!comment || comment.consultationId !== consultation.id) {
      throw new DomainError('validation_failed', {
        fields: [{ field: 'commentId', message: CONSULTATION_TEXT.commentUnknown }],
      });
    }
    if (options.input.hide && (reason === '' || reason.length > MAX_REASON_LENGTH)) {
      throw new DomainError('validation_failed', {
        fields: [{ field: `hideReason.${comment.id}`, message: CONSULTATION_TEXT.hideReasonRequired }],
      });
    }
    const changed: ConsultationComment = {
      ...comment,
      state: options.input.hide ? 'hidden' : 'shown',
      hiddenReason: options.input.hide ? reason : '',
      // A hidden comment needs no disposition; shown again, it needs one afresh.
      disposition: options.input.hide ? null : comment.disposition,
      moderatedAt: now.toISOString(),
    };
    await stores.consultations.updateComment(changed);
    await stores.audit.append(
      participationEntry(auditActor(options.actor), now, {
        action: options.input.hide ? 'comment.hidden' : 'comment.shown',
        entityType: 'consultation_comment',
        entityId: comment.id,
        before: { state: comment.state, hiddenReason: comment.hiddenReason },
        after: { state: changed.state, hiddenReason: changed.hiddenReason },
      }),
    );
    return changed;
  });
}
