import { auditActor, type Actor } from '../../access/index.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { UnitOfWork } from '../../../platform/unit-of-work.ts';
import { participationEntry } from '../audit-actions.ts';
import { closeSurvey as closedAt } from '../domain/survey.ts';
import type { SurveyRecord } from '../ports.ts';
import { loadSurveyForChange } from './load-survey.ts';
import type { SurveyStores } from './survey-stores.ts';

/**
 * Ends a published survey early: it takes no more answers from now on, and its end becomes now so
 * the page says when it really ended. The answers and the results stay public.
 * @throws DomainError `invalid_transition`, `not_found`, `forbidden`, `out_of_scope`.
 */
export async function closeSurvey(options: {
  uow: UnitOfWork<SurveyStores>;
  clock: Clock;
  actor: Actor;
  surveyId: string;
}): Promise<SurveyRecord> {
  const now = options.clock.now();
  return options.uow.run(async (stores) => {
    const { survey } = await loadSurveyForChange(stores, options.actor, options.surveyId);
    const closed: SurveyRecord = { ...survey, ...closedAt(survey, now), updatedAt: now.toISOString() };
    await stores.surveys.save(closed);
    await stores.audit.append(
      participationEntry(auditActor(options.actor), now, {
        action: 'survey.closed',
        entityType: 'survey',
        entityId: survey.id,
        before: { state: survey.state, closesAt: survey.closesAt },
        after: { state: closed.state, closesAt: closed.closesAt },
      }),
    );
    return closed;
  });
}
