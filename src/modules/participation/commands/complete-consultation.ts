import { auditActor, type Actor } from '../../access/index.ts';
import type { Clock } from '../../../platform/clock.ts';
import { DomainError } from '../../../platform/errors.ts';
import type { UnitOfWork } from '../../../platform/unit-of-work.ts';
import { participationEntry } from '../audit-actions.ts';
import { adoptionReport, checkCompletion } from '../domain/adoption.ts';
import { MAX_SUMMARY_LENGTH, requireAction, type Consultation } from '../domain/consultation.ts';
import { CONSULTATION_TEXT } from '../strings.ts';
import { loadForChange } from './load-consultation.ts';
import type { ParticipationStores } from './stores.ts';

/**
 * Publishes the adoption report (意见采纳情况, 暂行条例 Art. 16) and completes the consultation: only
 * once it has closed, every shown comment has its disposition and the final document is named.
 * @throws DomainError `validation_failed`, `invalid_transition`, `not_found`, `forbidden`, `out_of_scope`.
 */
export async function completeConsultation(options: {
  uow: UnitOfWork<ParticipationStores>;
  clock: Clock;
  actor: Actor;
  consultationId: string;
  input: { finalLink: string; reportSummary: string };
}): Promise<Consultation> {
  const now = options.clock.now();
  const finalLink = options.input.finalLink.trim();
  const reportSummary = options.input.reportSummary.trim();
  return options.uow.run(async (stores) => {
    const { consultation } = await loadForChange(stores, options.actor, options.consultationId);
    requireAction(consultation, now, 'complete');
    const report = adoptionReport(await stores.consultations.comments(consultation.id));
    const issues = checkCompletion(report, finalLink);
    if (reportSummary.length > MAX_SUMMARY_LENGTH) {
      issues.push({ field: 'reportSummary', message: CONSULTATION_TEXT.summaryTooLong });
    }
    if (issues.length > 0) throw new DomainError('validation_failed', { fields: issues });
    const completed: Consultation = {
      ...consultation,
      state: 'completed',
      finalLink,
      reportSummary,
      completedAt: now.toISOString(),
      updatedAt: now.toISOString(),
    };
    await stores.consultations.save(completed);
    await stores.audit.append(
      participationEntry(auditActor(options.actor), now, {
        action: 'consultation.completed',
        entityType: 'consultation',
        entityId: consultation.id,
        before: { state: consultation.state },
        after: { state: 'completed', finalLink, received: report.received, hidden: report.hidden, ...report.counts },
      }),
    );
    return completed;
  });
}
