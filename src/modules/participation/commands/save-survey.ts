import { auditActor, requirePermission, type Actor } from '../../access/index.ts';
import type { Clock } from '../../../platform/clock.ts';
import { DomainError } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import type { UnitOfWork } from '../../../platform/unit-of-work.ts';
import { participationEntry } from '../audit-actions.ts';
import { checkSurveyDefinition, checkSurveyPublication, requireSurveyAction } from '../domain/survey.ts';
import { onFormBlocks, readSurveyInput, type SurveyInput } from '../domain/survey-form.ts';
import type { SurveyRecord } from '../ports.ts';
import { SURVEY_PAGE_TEXT } from '../survey-page-strings.ts';
import type { SurveyStores } from './survey-stores.ts';

/**
 * Creates a survey as a draft, or changes one nobody can have answered yet (a draft, or published
 * and not yet open; a published one must stay publishable). The unit's interaction officers may
 * (互动交流经办人, in their subtree).
 * @throws DomainError `validation_failed` (fields named as the form names them), `forbidden`,
 *   `out_of_scope`, `not_found`, `invalid_transition`.
 */
export async function saveSurvey(options: {
  uow: UnitOfWork<SurveyStores>;
  clock: Clock;
  actor: Actor;
  surveyId: string | null;
  input: SurveyInput;
}): Promise<SurveyRecord> {
  const now = options.clock.now();
  const at = now.toISOString();
  const { definition, blocks, issues } = readSurveyInput(options.input, newId);
  return options.uow.run(async (stores) => {
    const before = options.surveyId === null ? undefined : await stores.surveys.get(options.surveyId);
    if (options.surveyId !== null) {
      const beforeOrg = before ? await stores.orgs.getById(before.orgId) : undefined;
      if (!before || !beforeOrg) throw new DomainError('not_found');
      requirePermission(options.actor, 'interaction.handle', beforeOrg.path);
      requireSurveyAction(before, now, 'edit');
    }
    const org = await stores.orgs.getById(options.input.orgId);
    if (!org) issues.push({ field: 'orgId', message: SURVEY_PAGE_TEXT.admin.orgRequired });
    // A published survey not yet open stays published: it must still be publishable as changed.
    const check =
      before?.state === 'published' ? checkSurveyPublication(definition, now) : checkSurveyDefinition(definition);
    issues.push(...onFormBlocks(check, blocks));
    if (issues.length > 0) throw new DomainError('validation_failed', { fields: issues });
    requirePermission(options.actor, 'interaction.handle', org!.path);
    const actor = auditActor(options.actor);
    const survey: SurveyRecord = before
      ? { ...before, ...definition, orgId: org!.id, updatedAt: at }
      : {
          id: newId(),
          orgId: org!.id,
          ...definition,
          state: 'draft',
          createdAt: at,
          createdBy: actor.name,
          updatedAt: at,
          publishedAt: null,
        };
    await stores.surveys.save(survey);
    await stores.audit.append(
      participationEntry(actor, now, {
        action: before ? 'survey.edited' : 'survey.drafted',
        entityType: 'survey',
        entityId: survey.id,
        ...(before
          ? {
              before: {
                title: before.title,
                opensAt: before.opensAt,
                closesAt: before.closesAt,
                questions: before.questions.length,
              },
            }
          : {}),
        after: {
          title: survey.title,
          orgId: survey.orgId,
          opensAt: survey.opensAt,
          closesAt: survey.closesAt,
          limit: survey.limit,
          questions: survey.questions.length,
        },
      }),
    );
    return survey;
  });
}
