import { requirePermission, type Actor } from '../../access/index.ts';
import { DomainError } from '../../../platform/errors.ts';
import type { Org } from '../../orgs/index.ts';
import type { SurveyRecord } from '../ports.ts';
import type { SurveyStores } from './survey-stores.ts';

/**
 * A survey and its unit, for a change by `actor` (interaction officers of the unit's subtree).
 * @throws DomainError `not_found`, `unauthenticated`, `forbidden`, `out_of_scope`.
 */
export async function loadSurveyForChange(
  stores: Pick<SurveyStores, 'surveys' | 'orgs'>,
  actor: Actor,
  surveyId: string,
): Promise<{ survey: SurveyRecord; org: Org }> {
  const survey = await stores.surveys.get(surveyId);
  const org = survey ? await stores.orgs.getById(survey.orgId) : undefined;
  if (!survey || !org) throw new DomainError('not_found');
  requirePermission(actor, 'interaction.handle', org.path);
  return { survey, org };
}
