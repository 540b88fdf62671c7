import { auditActor, type Actor } from '../../access/index.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { UnitOfWork } from '../../../platform/unit-of-work.ts';
import { participationEntry } from '../audit-actions.ts';
import { publishSurvey as publishedAt } from '../domain/survey.ts';
import type { SurveyRecord } from '../ports.ts';
import { loadSurveyForChange } from './load-survey.ts';
import type { SurveyStores } from './survey-stores.ts';

/**
 * Publishes a draft survey: the public sees it and its results at once, and it takes answers from
 * its opening to its closing (政府网站发展指引, 国办发〔2017〕47号, 互动交流: 征集调查 are announced
 * with their purpose and period, and their results made public).
 * @throws DomainError `validation_failed`, `invalid_transition`, `not_found`, `forbidden`, `out_of_scope`.
 */
export async function publishSurvey(options: {
  uow: UnitOfWork<SurveyStores>;
  clock: Clock;
  actor: Actor;
  surveyId: string;
}): Promise<SurveyRecord> {
  const now = options.clock.now();
  return options.uow.run(async (stores) => {
    const { survey } = await loadSurveyForChange(stores, options.actor, options.surveyId);
    const published: SurveyRecord = {
      ...survey,
      ...publishedAt(survey, now),
      publishedAt: now.toISOString(),
      updatedAt: now.toISOString(),
    };
    await stores.surveys.save(published);
    await stores.audit.append(
      participationEntry(auditActor(options.actor), now, {
        action: 'survey.published',
        entityType: 'survey',
        entityId: survey.id,
        before: { state: survey.state },
        after: { state: published.state, opensAt: published.opensAt, closesAt: published.closesAt },
      }),
    );
    return published;
  });
}
