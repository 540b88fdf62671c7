import { auditActor, type Actor } from '../../access/index.ts';
import type { Clock } from '../../../platform/clock.ts';
import { DomainError } from '../../../platform/errors.ts';
import type { UnitOfWork } from '../../../platform/unit-of-work.ts';
import { participationEntry } from '../audit-actions.ts';
import { checkConsultation, checkPublication, requireAction, type Consultation } from '../domain/consultation.ts';
import { loadForChange } from './load-consultation.ts';
import type { ParticipationStores } from './stores.ts';

/**
 * Publishes a draft: the public sees it at once, and comments are taken from its opening to its
 * closing (暂行条例 Art. 14–15).
 * @throws DomainError `validation_failed`, `invalid_transition`, `not_found`, `forbidden`, `out_of_scope`.
 */
export async function publishConsultation(options: {
  uow: UnitOfWork<ParticipationStores>;
  clock: Clock;
  actor: Actor;
  consultationId: string;
}): Promise<Consultation> {
  const now = options.clock.now();
  return options.uow.run(async (stores) => {
    const { consultation } = await loadForChange(stores, options.actor, options.consultationId);
    requireAction(consultation, now, 'publish');
    const version = await stores.consultations.version(consultation.id, consultation.version);
    const issues = [
      ...checkConsultation(consultation, version?.paragraphs ?? []),
      ...checkPublication(consultation, now),
    ];
    if (issues.length > 0) throw new DomainError('validation_failed', { fields: issues });
    const published: Consultation = {
      ...consultation,
      state: 'published',
      publishedAt: now.toISOString(),
      updatedAt: now.toISOString(),
    };
    await stores.consultations.save(published);
    await stores.audit.append(
      participationEntry(auditActor(options.actor), now, {
        action: 'consultation.published',
        entityType: 'consultation',
        entityId: consultation.id,
        before: { state: consultation.state },
        after: { state: published.state, opensAt: published.opensAt, closesAt: published.closesAt },
      }),
    );
    return published;
  });
}
